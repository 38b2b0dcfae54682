/**
 * Tenant/application reconnaissance: a script asks for tokens for random
 * client ids and gets 700016 ("application not found in the directory"). Its
 * user agent carries a <script> tag (untrusted text test).
 */
import { RESOURCES } from '../data/apps';
import { UA } from '../data/user-agents';
import { providerNet } from '../context';
import { at, hit, truth, type AttackEnv, type Planned } from './common';

export function appNotFoundRecon(env: AttackEnv): Planned {
  const net = providerNet(env.rng, 'cdn77', 'london');
  const probed = env.rng
    .shuffle(env.staff)
    .slice(0, 5)
    .map((u) => u.upn);
  let t = at(env, 6, 4, 0);
  const specs = Array.from({ length: 30 }, (_, i) => {
    t += env.rng.int(12, 26) * 1000;
    // Pre-authentication failure: the user is only a login hint, never resolved.
    return hit(env, {
      ms: t,
      ghostUpn: i % 2 === 0 ? probed[i % probed.length]! : '',
      net,
      app: { id: env.rng.guid(), name: '' },
      resource: RESOURCES.graph,
      ua: UA.scriptTag,
      errorCode: 700016,
      steps: [],
    });
  });
  return {
    specs,
    truth: truth(
      {
        kind: 'app-not-found-recon',
        title: 'Application id enumeration (700016) from one IP',
        detection: 'Burst of ResultType 700016 (application not found in directory) from one IP: 30 in 10 minutes',
        victims: probed,
      },
      specs,
    ),
  };
}
