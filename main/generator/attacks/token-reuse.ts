/**
 * Token replay: the victim's refresh token / session is stolen (AiTM) and
 * reused from a hosting ASN minutes after the victim used it at home. The
 * same uniqueTokenIdentifier and sessionId appear from two IPs in two ASNs.
 */
import { APPS, RESOURCES } from '../data/apps';
import { UA } from '../data/user-agents';
import { steps } from '../auth-steps';
import { homeNet, providerNet, sessionFor } from '../context';
import { at, hit, truth, utcHourFor, type AttackEnv, type Planned } from './common';

export function tokenReuse(env: AttackEnv): Planned {
  const user = env.nextVictim();
  const home = homeNet(user);
  const evil = providerNet(env.rng, 'linode', 'frankfurt');
  const sessionId = sessionFor(env.ctx, user, user.laptop, home.asn);
  const uti = env.rng.tokenId();
  const claims = [steps.firstByClaim(), steps.mfaByClaim()];
  const base = {
    user,
    sessionId,
    category: 'nonInteractiveUser' as const,
    app: APPS.office,
    resource: RESOURCES.exchange,
    client: 'Mobile Apps and Desktop clients',
    incoming: 'refreshToken',
    errorCode: 0,
    steps: claims,
  };
  const t = at(env, 6, utcHourFor(user, 20), 3);
  const mine = { ...base, net: home, device: user.laptop, ua: user.laptop.kind.ua };
  const theirs = { ...base, net: evil, ua: UA.axios };
  const specs = [
    hit(env, { ...mine, ms: t, uti }),
    hit(env, { ...theirs, ms: t + 12 * 60_000, uti }),
    hit(env, { ...theirs, ms: t + 19 * 60_000, resource: RESOURCES.graph }),
    hit(env, { ...mine, ms: t + 24 * 60_000, resource: RESOURCES.sharePoint }),
    hit(env, { ...theirs, ms: t + 31 * 60_000, resource: RESOURCES.sharePoint }),
  ];
  return {
    specs,
    truth: truth(
      {
        kind: 'token-reuse',
        title: 'Session / token replayed from a hosting ASN (same sessionId and uniqueTokenIdentifier)',
        detection: 'Same uniqueTokenIdentifier and sessionId from two IPs in different ASNs within 15 minutes (Elastic session-reuse rule)',
        victims: [user.upn],
      },
      specs,
      (s) => s.net.ip === evil.ip,
    ),
  };
}
