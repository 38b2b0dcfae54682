/**
 * Classic password spray: one hosting IP, one tool (AAD PowerShell client id,
 * bare "Mozilla/5.0" agent, ROPC), each account tried once within ~45 min,
 * a few names that do not exist (50034), and one hit on an account that is
 * excluded from MFA. Exceeds Sentinel SigninPasswordSpray (dcount(UPN) >= 5
 * per 20-min bin) and Sigma (count > 3 per IP in 10 min).
 */
import { APPS, RESOURCES } from '../data/apps';
import { UA } from '../data/user-agents';
import { steps } from '../auth-steps';
import { providerNet } from '../context';
import { at, hit, truth, type AttackEnv, type Planned } from './common';

const GHOSTS = ['admin', 'administrator', 'it.support', 'helpdesk', 'test.user', 'backup'];

export function passwordSpray(env: AttackEnv): Planned {
  const net = providerNet(env.rng, 'm247', 'bucharest');
  const count = Math.min(40, Math.max(12, Math.floor(env.staff.length * 0.3)));
  const targets = env.rng.shuffle(env.staff).slice(0, count);
  const kiosk = env.userByUpn('kiosk.lobby@');
  const names: { upn: string; real: boolean }[] = env.rng.shuffle([...targets.map((u) => ({ upn: u.upn, real: true })), ...GHOSTS.map((g) => ({ upn: `${g}@${env.ctx.tenant.domain}`, real: false }))]);
  names.splice(names.length - 3, 0, { upn: kiosk.upn, real: true });
  let t = at(env, 1, 2, 10);
  const base = { net, app: APPS.aadPowerShell, resource: RESOURCES.aadGraph, client: 'Mobile Apps and Desktop clients', ua: UA.bareMozilla, protocol: 'ropc' };
  const specs = names.map((n) => {
    t += env.rng.int(35, 80) * 1000;
    if (n.upn === kiosk.upn) return hit(env, { ...base, ms: t, user: kiosk, errorCode: 0, steps: [steps.passwordOk(-800)] });
    const user = n.real ? targets.find((u) => u.upn === n.upn)! : null;
    return n.real ? hit(env, { ...base, ms: t, user, errorCode: 50126, steps: [steps.passwordBad()] }) : hit(env, { ...base, ms: t, ghostUpn: n.upn, errorCode: 50034, steps: [] });
  });
  return {
    specs,
    truth: truth(
      {
        kind: 'password-spray',
        title: 'Password spray from one hosting IP, one success on an MFA-excluded account',
        detection: 'Sentinel SigninPasswordSpray: dcount(UPN) >= 5 failing 50126/50053/50055 per IP+app in 20 min; Sigma: > 3 failures per IP in 10 min',
        victims: names.map((n) => n.upn),
      },
      specs,
    ),
  };
}
