/**
 * Distributed low-and-slow spray: nine residential IPs in nine countries, each
 * account tried at most once per IP, spread over the whole window. Exceeds the
 * Sentinel LowAndSlowPasswordAttempt hunt (failing countries per user > 5).
 */
import { APPS, RESOURCES } from '../data/apps';
import { UA } from '../data/user-agents';
import { steps } from '../auth-steps';
import { providerNet } from '../context';
import { HOUR_MS } from '../time-format';
import { hit, truth, type AttackEnv, type Planned } from './common';

const SOURCES: [string, string][] = [
  ['vnpt', 'hanoi'],
  ['vivo', 'saopaulo'],
  ['bsnl', 'mumbai'],
  ['telkom-id', 'jakarta'],
  ['mtn-ng', 'lagos'],
  ['turktelekom', 'istanbul'],
  ['telecom-ar', 'buenosaires'],
  ['telmex', 'mexicocity'],
  ['kt', 'seoul'],
];

export function lowAndSlowSpray(env: AttackEnv): Planned {
  const nets = SOURCES.map(([provider, place]) => providerNet(env.rng, provider, place));
  const victims = env.rng.shuffle(env.staff).slice(0, 4);
  const span = env.ctx.days * 24 * HOUR_MS;
  const specs = victims.flatMap((user) =>
    env.rng
      .shuffle(nets)
      .slice(0, 7)
      .map((net) =>
        hit(env, {
          ms: env.ctx.start + HOUR_MS + env.rng.next() * (span - 2 * HOUR_MS),
          user,
          net,
          app: APPS.office,
          resource: RESOURCES.exchange,
          client: 'Mobile Apps and Desktop clients',
          ua: UA.oldChrome,
          protocol: 'ropc',
          errorCode: 50126,
          steps: [steps.passwordBad()],
        }),
      ),
  );
  return {
    specs,
    truth: truth(
      {
        kind: 'low-and-slow-spray',
        title: 'Low-and-slow distributed spray from 9 countries over the whole window',
        detection: 'Sentinel LowAndSlowPasswordAttempt: each IP seen once per user, < 2 successes per IP, failing countries per user > 5',
        victims: victims.map((u) => u.upn),
      },
      specs,
    ),
  };
}
