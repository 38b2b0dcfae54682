/**
 * Brute force on one account against the Azure Portal: 120 wrong passwords
 * from one IP inside one clock hour, then a success (with SMS MFA, i.e. a
 * SIM-swapped phone). Exceeds Sentinel AADSuspectedBruteForce (> 100 failures
 * and a success per UPN+IP per hour) and SigninBruteForce-AzurePortal (>= 10).
 */
import { APPS, RESOURCES } from '../data/apps';
import { UA } from '../data/user-agents';
import { MFA_OK, steps } from '../auth-steps';
import { providerNet } from '../context';
import { at, hit, truth, type AttackEnv, type Planned } from './common';

export function bruteForce(env: AttackEnv): Planned {
  const user = env.nextVictim();
  const net = providerNet(env.rng, 'hetzner', 'frankfurt');
  const base = { user, net, app: APPS.azurePortal, resource: RESOURCES.arm, ua: UA.oldChrome };
  let t = at(env, 2, 3, 1);
  const specs = [];
  for (let i = 0; i < 120; i++) {
    t += env.rng.int(18, 23) * 1000;
    specs.push(hit(env, { ...base, ms: t, errorCode: 50126, steps: [steps.passwordBad()] }));
  }
  const corr = env.rng.guid();
  t += 90_000;
  specs.push(hit(env, { ...base, ms: t, corr, errorCode: 50074, steps: [steps.passwordOk(-2000)] }));
  specs.push(hit(env, { ...base, ms: t + 41_000, corr, errorCode: 0, steps: [steps.passwordOk(-43_000), steps.mfa('Text message', MFA_OK, -3000)] }));
  return {
    specs,
    truth: truth(
      {
        kind: 'brute-force',
        title: 'Brute force of one account on the Azure Portal, then success',
        detection: 'Sentinel AADSuspectedBruteForce: > 100 failures and > 0 successes per UPN+IP in 1 h; SigninBruteForce-AzurePortal: >= 10 failures before success',
        victims: [user.upn],
      },
      specs,
    ),
  };
}
