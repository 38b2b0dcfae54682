/**
 * Legacy-protocol access to a mailbox account excluded from the legacy-auth
 * block: IMAP4, POP3, SMTP AUTH, ActiveSync and "Other clients" with the
 * BAV2ROPC agent, all single-factor successes. Exceeds Sentinel
 * LegacyAuthAttempt and Sigma "Potential MFA Bypass Using Legacy Client
 * Authentication" (success + BAV2ROPC).
 */
import { APPS, RESOURCES } from '../data/apps';
import { UA } from '../data/user-agents';
import { steps } from '../auth-steps';
import { providerNet } from '../context';
import { at, hit, truth, type AttackEnv, type Planned } from './common';

const CLIENTS = ['IMAP4', 'IMAP4', 'IMAP4', 'POP3', 'IMAP4', 'Authenticated SMTP', 'Exchange ActiveSync', 'IMAP4', 'POP3', 'Authenticated SMTP', 'Other clients', 'IMAP4'];

export function legacyAuth(env: AttackEnv): Planned {
  const user = env.userByUpn('svc.mailrelay@');
  const net = providerNet(env.rng, 'aws', 'ashburn');
  const base = { user, net, app: APPS.exchange, resource: RESOURCES.exchange, ua: UA.bav2ropc, protocol: 'ropc' };
  let t = at(env, 2, 14, 0);
  const specs = [
    hit(env, { ...base, ms: t, client: 'Other clients', errorCode: 50126, steps: [steps.passwordBad()] }),
    ...CLIENTS.map((client) => {
      t += env.rng.int(90, 240) * 1000;
      return hit(env, { ...base, ms: t, client, errorCode: 0, steps: [steps.passwordOk(-700)] });
    }),
  ];
  return {
    specs,
    truth: truth(
      {
        kind: 'legacy-auth',
        title: 'Legacy authentication (IMAP/POP/SMTP/EAS, BAV2ROPC) into a CA-excluded mailbox',
        detection: 'Sentinel LegacyAuthAttempt (successful ClientAppUsed in legacy list); Sigma azure_ad_legacy_client_mfa_bypass (Success + BAV2ROPC)',
        victims: [user.upn],
      },
      specs,
    ),
  };
}
