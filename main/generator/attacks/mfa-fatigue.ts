/**
 * MFA fatigue (push bombing) late at night in the victim's time zone: 14
 * prompts in under five minutes, each a 50074 interrupt; 11 are followed by
 * 500121 ("MFA denied") in the same correlation id, 3 are never answered (the
 * interrupt is all they leave); then the tired user approves. Exceeds Sentinel
 * MFASpammingfollowedbySuccessfullogin (> 10 denials in <= 5 min + success) and
 * Sigma (>= 7 in 10 min, then success).
 */
import { APPS, RESOURCES } from '../data/apps';
import { UA } from '../data/user-agents';
import { MFA_DECLINED, MFA_NO_RESPONSE, MFA_OK, steps } from '../auth-steps';
import { providerNet } from '../context';
import { at, hit, truth, utcHourFor, type AttackEnv, type Planned } from './common';
import type { SignInSpec } from '../spec';

const PUSH = 'Mobile app notification';

export function mfaFatigue(env: AttackEnv): Planned {
  const user = env.nextVictim();
  const net = providerNet(env.rng, 'privatelayer', 'amsterdam');
  const base = { user, net, app: APPS.officeHome, resource: RESOURCES.graph, ua: UA.winChrome };
  let t = at(env, 4, utcHourFor(user, 23), 5);
  const specs: SignInSpec[] = [];
  for (let i = 0; i < 14; i++) {
    const corr = env.rng.guid();
    specs.push(hit(env, { ...base, ms: t, corr, errorCode: 50074, steps: [steps.passwordOk(-1500)] }));
    const answer = i % 3 === 2 ? MFA_NO_RESPONSE : MFA_DECLINED;
    if (i % 4 !== 3) specs.push(hit(env, { ...base, ms: t + 9000, corr, errorCode: 500121, steps: [steps.passwordOk(-10_000), steps.mfa(PUSH, answer, -500)] }));
    t += env.rng.int(17, 19) * 1000;
  }
  const corr = env.rng.guid();
  t += 70_000;
  specs.push(hit(env, { ...base, ms: t, corr, errorCode: 50074, steps: [steps.passwordOk(-1500)] }));
  specs.push(hit(env, { ...base, ms: t + 22_000, corr, errorCode: 0, steps: [steps.passwordOk(-23_000), steps.mfa(PUSH, MFA_OK, -1000)] }));
  // The attacker then reads mail with the fresh session.
  for (let i = 1; i <= 3; i++) {
    specs.push(
      hit(env, {
        ...base,
        category: 'nonInteractiveUser',
        ms: t + i * 240_000,
        app: APPS.outlookWeb,
        resource: RESOURCES.exchange,
        incoming: 'refreshToken',
        errorCode: 0,
        steps: [steps.firstByClaim(), steps.mfaByClaim()],
      }),
    );
  }
  return {
    specs,
    truth: truth(
      {
        kind: 'mfa-fatigue',
        title: 'MFA push bombing at night, then an approved prompt',
        detection: 'Sentinel MFASpammingfollowedbySuccessfullogin: > 10 MFA denials within 5 min then success; Sigma: >= 7 (500121) in 10 min then success; MFARejectedbyUser',
        victims: [user.upn],
      },
      specs,
    ),
  };
}
