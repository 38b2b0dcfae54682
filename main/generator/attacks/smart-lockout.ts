/**
 * Smart Lockout bursts: after ten wrong passwords Entra answers 50053. One
 * account is hammered 36 times from three countries in under an hour (Sentinel
 * DistribPassCrackAttempt: > 30 per UPN per day from >= 3 locations), another
 * gets a shorter burst from a single IP (Sigma Account Lockout: any 50053).
 */
import { APPS, RESOURCES } from '../data/apps';
import { UA } from '../data/user-agents';
import { steps } from '../auth-steps';
import { providerNet } from '../context';
import { at, hit, truth, type AttackEnv, type Planned } from './common';
import type { NetPoint, SignInSpec } from '../spec';
import type { User } from '../tenant';

function burst(env: AttackEnv, user: User, nets: NetPoint[], start: number, attempts: number): SignInSpec[] {
  let t = start;
  const out: SignInSpec[] = [];
  for (let i = 0; i < attempts; i++) {
    t += env.rng.int(50, 95) * 1000;
    const locked = i >= 10;
    out.push(
      hit(env, {
        ms: t,
        user,
        net: nets[i % nets.length]!,
        app: APPS.officeHome,
        resource: RESOURCES.graph,
        ua: UA.oldChrome,
        errorCode: locked ? 50053 : 50126,
        steps: [locked ? steps.locked() : steps.passwordBad()],
      }),
    );
  }
  return out;
}

export function smartLockout(env: AttackEnv): Planned {
  const first = env.nextVictim();
  const second = env.nextVictim();
  const nets = [providerNet(env.rng, 'ovh', 'paris'), providerNet(env.rng, 'linode', 'frankfurt'), providerNet(env.rng, 'vultr', 'tokyo')];
  const single = providerNet(env.rng, 'digitalocean', 'amsterdam');
  const specs = [...burst(env, first, nets, at(env, 3, 9, 0), 36), ...burst(env, second, [single], at(env, 3, 13, 0), 18)];
  return {
    specs,
    truth: truth(
      {
        kind: 'smart-lockout',
        title: 'Smart Lockout bursts (50053) on two accounts',
        detection: 'Sigma Account Lockout (ResultType 50053); Sentinel DistribPassCrackAttempt: > 30 failures per UPN per day from >= 3 locations',
        victims: [first.upn, second.upn],
      },
      specs,
    ),
  };
}
