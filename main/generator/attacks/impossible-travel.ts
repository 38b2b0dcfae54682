/**
 * Impossible travel: the victim works from home while a stolen session is
 * used from the far side of the world 8 minutes later (both successes, both
 * CA "success"). Exceeds Sentinel UserLoginIPAddressTeleportation (two
 * countries within +-10 min) and any distance/speed check (> 5,000 km in < 1 h).
 */
import { APPS, RESOURCES } from '../data/apps';
import { UA } from '../data/user-agents';
import { city, distanceKm } from '../data/cities';
import { steps } from '../auth-steps';
import { homeNet, providerNet, sessionFor } from '../context';
import { at, hit, truth, utcHourFor, type AttackEnv, type Planned } from './common';

const FAR: [string, string][] = [
  ['lagos', 'mtn-ng'],
  ['jakarta', 'telkom-id'],
  ['saopaulo', 'vivo'],
  ['seoul', 'kt'],
];

export function impossibleTravel(env: AttackEnv): Planned {
  const user = env.nextVictim();
  const [place, provider] = FAR.reduce((best, cur) => (distanceKm(user.home, city(cur[0])) > distanceKm(user.home, city(best[0])) ? cur : best));
  const far = providerNet(env.rng, provider, place);
  const home = homeNet(user);
  const t = at(env, 4, utcHourFor(user, 10), 12);
  const claims = [steps.firstByClaim(), steps.mfaByClaim()];
  const own = { user, device: user.laptop, net: home, ua: user.laptop.kind.ua, sessionId: sessionFor(env.ctx, user, user.laptop, home.asn) };
  const specs = [
    hit(env, { ...own, ms: t, app: APPS.officeHome, resource: RESOURCES.graph, errorCode: 0, steps: claims }),
    hit(env, { user, net: far, ms: t + 8 * 60_000, app: APPS.outlookWeb, resource: RESOURCES.exchange, ua: UA.macSafari, errorCode: 0, steps: claims }),
    hit(env, { ...own, ms: t + 35 * 60_000, app: APPS.outlookWeb, resource: RESOURCES.exchange, errorCode: 0, steps: claims }),
    hit(env, {
      user,
      net: far,
      category: 'nonInteractiveUser',
      ms: t + 52 * 60_000,
      app: APPS.outlookWeb,
      resource: RESOURCES.exchange,
      ua: UA.macSafari,
      incoming: 'refreshToken',
      errorCode: 0,
      steps: claims,
    }),
  ];
  return {
    specs,
    truth: truth(
      {
        kind: 'impossible-travel',
        title: `Success from ${user.home.city} then from ${far.city?.city ?? ''} 8 minutes later`,
        detection: 'Sentinel UserLoginIPAddressTeleportation (2 countries within 10 min); distance/speed impossible travel (> 5,000 km in < 1 h)',
        victims: [user.upn],
      },
      specs,
      (s) => s.net.ip === far.ip,
    ),
  };
}
