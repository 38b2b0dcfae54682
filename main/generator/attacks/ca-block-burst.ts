/**
 * Conditional Access block burst: leaked credentials replayed from a blocked
 * country; the password is right but CA004 answers 53003 every time (24
 * attempts, 6 accounts, 15 minutes). Exceeds Sigma "User Access Blocked by
 * Azure Conditional Access" (53003) many times over.
 */
import { APPS, RESOURCES } from '../data/apps';
import { UA } from '../data/user-agents';
import { steps } from '../auth-steps';
import { providerNet } from '../context';
import { at, hit, truth, type AttackEnv, type Planned } from './common';

export function caBlockBurst(env: AttackEnv): Planned {
  const victims = env.rng.shuffle(env.staff).slice(0, 6);
  const nets = [providerNet(env.rng, 'rostelecom', 'moscow'), providerNet(env.rng, 'rostelecom', 'moscow')];
  let t = at(env, 5, 7, 0);
  const specs = Array.from({ length: 24 }, (_, i) => {
    t += env.rng.int(25, 45) * 1000;
    return hit(env, {
      ms: t,
      user: victims[i % victims.length]!,
      net: nets[i % 2]!,
      app: APPS.officeHome,
      resource: RESOURCES.graph,
      ua: UA.winChrome,
      errorCode: 53003,
      steps: [steps.passwordOk(-600)],
    });
  });
  return {
    specs,
    truth: truth(
      {
        kind: 'ca-block-burst',
        title: 'Burst of Conditional Access blocks (53003) from a restricted country',
        detection: 'Sigma azure_conditional_access_failure / User Access Blocked by Azure Conditional Access (ResultType 53003)',
        victims: victims.map((u) => u.upn),
      },
      specs,
    ),
  };
}
