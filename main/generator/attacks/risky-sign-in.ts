/**
 * High-risk interactive sign-in that still succeeded: anonymizer VPN exit on
 * a hosting ASN, Identity Protection risk "high" / atRisk, MFA satisfied.
 * Exceeds Sigma azure_signin_risky_interactive_hosting_asn and the MAS
 * "very risky authentication" check (high + atRisk + aggregated high).
 */
import { APPS, RESOURCES } from '../data/apps';
import { UA } from '../data/user-agents';
import { MFA_OK, steps } from '../auth-steps';
import { providerNet } from '../context';
import { at, hit, truth, type AttackEnv, type Planned } from './common';
import type { RiskInfo } from '../spec';

export function riskySignIn(env: AttackEnv): Planned {
  const user = env.nextVictim();
  const net = providerNet(env.rng, 'datacamp', 'london');
  const risk: RiskInfo = { level: 'high', aggregated: 'high', state: 'atRisk', detail: 'none', events: ['anonymizedIPAddress', 'unfamiliarFeatures'] };
  const base = { user, net, app: APPS.outlookWeb, resource: RESOURCES.exchange, ua: UA.winChrome, risk };
  const corr = env.rng.guid();
  const t = at(env, 5, 11, 40);
  const specs = [
    hit(env, { ...base, ms: t, corr, errorCode: 50074, steps: [steps.passwordOk(-1800)] }),
    hit(env, { ...base, ms: t + 28_000, corr, errorCode: 0, steps: [steps.passwordOk(-29_000), steps.mfa('Text message', MFA_OK, -1200)] }),
    hit(env, {
      ...base,
      category: 'nonInteractiveUser',
      ms: t + 9 * 60_000,
      incoming: 'refreshToken',
      errorCode: 0,
      steps: [steps.firstByClaim(), steps.mfaByClaim()],
    }),
  ];
  return {
    specs,
    truth: truth(
      {
        kind: 'risky-sign-in',
        title: 'High-risk sign-in from an anonymizing VPN that succeeded',
        detection: 'Sigma azure_signin_risky_interactive_hosting_asn (ResultType 0, interactive, risk high, ASN 212238); MAS very risky authentication',
        victims: [user.upn],
      },
      specs,
    ),
  };
}
