/** Plans every attack once per scenario (a few hundred specs) and collects the ground truth. */
import { Rng } from '../prng';
import { UA } from '../data/user-agents';
import type { GenContext } from '../context';
import type { SignInSpec } from '../spec';
import type { AttackTruth, UntrustedTextTruth } from '../ground-truth';
import type { AttackEnv, Planned } from './common';
import { passwordSpray } from './password-spray';
import { lowAndSlowSpray } from './low-and-slow-spray';
import { bruteForce } from './brute-force';
import { smartLockout } from './smart-lockout';
import { mfaFatigue } from './mfa-fatigue';
import { legacyAuth } from './legacy-auth';
import { deviceCodePhishing, FORMULA_DEVICE_NAME } from './device-code-phishing';
import { impossibleTravel } from './impossible-travel';
import { riskySignIn } from './risky-sign-in';
import { caBlockBurst } from './ca-block-burst';
import { appNotFoundRecon } from './app-not-found-recon';
import { tokenReuse } from './token-reuse';

const PLANNERS: [string, (env: AttackEnv) => Planned][] = [
  ['password-spray', passwordSpray],
  ['low-and-slow-spray', lowAndSlowSpray],
  ['brute-force', bruteForce],
  ['smart-lockout', smartLockout],
  ['mfa-fatigue', mfaFatigue],
  ['legacy-auth', legacyAuth],
  ['device-code-phishing', deviceCodePhishing],
  ['impossible-travel', impossibleTravel],
  ['risky-sign-in', riskySignIn],
  ['ca-block-burst', caBlockBurst],
  ['app-not-found-recon', appNotFoundRecon],
  ['token-reuse', tokenReuse],
];

export interface AttackPlan {
  specs: SignInSpec[];
  attacks: AttackTruth[];
  untrusted: UntrustedTextTruth;
}

export function planAttacks(ctx: GenContext): AttackPlan {
  const root = new Rng(ctx.seed).fork('attacks');
  const users = ctx.tenant.users;
  // Ordinary staff only: specials (kiosk, service, the HTML-named user) and guests stay out.
  // Admins are left out too: CA003 would (rightly) block their sign-ins from attacker devices.
  const staff = users.filter((u) => u.index > 3 && (u.role === 'user' || u.role === 'dev') && !u.trip);
  const order = root.fork('victims').shuffle(staff);
  let next = 0;
  const nextVictim = (): (typeof users)[number] => order[next++ % order.length]!;
  const userByUpn = (prefix: string): (typeof users)[number] => {
    const u = users.find((x) => x.upn.startsWith(prefix));
    if (!u) throw new Error(`no user ${prefix}`);
    return u;
  };
  const specs: SignInSpec[] = [];
  const attacks: AttackTruth[] = [];
  for (const [name, plan] of PLANNERS) {
    const out = plan({ ctx, rng: root.fork(name), staff, nextVictim, userByUpn });
    specs.push(...out.specs);
    attacks.push(out.truth);
  }
  const xss = users[3]!;
  return {
    specs,
    attacks,
    untrusted: {
      displayName: { upn: xss.upn, value: xss.displayName },
      userAgent: { value: UA.scriptTag, requestIds: specs.filter((s) => s.userAgent === UA.scriptTag).map((s) => s.id) },
      csvFormula: {
        field: 'deviceDetail.displayName',
        value: FORMULA_DEVICE_NAME,
        requestIds: specs.filter((s) => s.deviceOverride?.displayName === FORMULA_DEVICE_NAME).map((s) => s.id),
      },
    },
  };
}
