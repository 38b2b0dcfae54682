/**
 * Device-code phishing (Storm-2372 style): the victim enters the attacker's
 * code, the token is redeemed from a hosting ASN by the Authentication Broker,
 * a device is registered and then used with a primary refresh token. The
 * attacker-chosen device name is a spreadsheet formula (untrusted text test).
 */
import { APPS, RESOURCES } from '../data/apps';
import { UA } from '../data/user-agents';
import { MFA_OK, steps } from '../auth-steps';
import { providerNet } from '../context';
import { at, hit, truth, type AttackEnv, type Planned } from './common';

export const FORMULA_DEVICE_NAME = '=HYPERLINK("http://x")';

export function deviceCodePhishing(env: AttackEnv): Planned {
  const user = env.nextVictim();
  const net = providerNet(env.rng, 'digitalocean', 'amsterdam');
  const corr = env.rng.guid();
  const t = at(env, 3, 15, 20);
  const code = {
    user,
    net,
    app: APPS.authBroker,
    resource: RESOURCES.deviceRegistration,
    client: 'Mobile Apps and Desktop clients',
    ua: UA.winEdge,
    protocol: 'deviceCode',
    transfer: 'deviceCodeFlow',
    corr,
  };
  const specs = [
    hit(env, { ...code, ms: t, errorCode: 50074, steps: [steps.passwordOk(-2000)] }),
    hit(env, { ...code, ms: t + 35_000, errorCode: 0, steps: [steps.passwordOk(-36_000), steps.mfa(user.mfaMethod, MFA_OK, -1500)] }),
  ];
  const rogue = {
    deviceId: env.rng.guid(),
    displayName: FORMULA_DEVICE_NAME,
    operatingSystem: 'Windows 10',
    browser: 'Rich Client 5.2.6.0',
    isCompliant: false,
    isManaged: false,
    trustType: 'Azure AD registered',
  };
  const uses = [
    [APPS.authBroker, RESOURCES.graph],
    [APPS.office, RESOURCES.exchange],
    [APPS.authBroker, RESOURCES.graph],
    [APPS.office, RESOURCES.sharePoint],
    [APPS.teams, RESOURCES.teamsServices],
    [APPS.office, RESOURCES.exchange],
  ] as const;
  uses.forEach(([app, resource], i) => {
    specs.push(
      hit(env, {
        category: 'nonInteractiveUser',
        ms: t + (6 + i * 17) * 60_000,
        user,
        net,
        app,
        resource,
        client: 'Mobile Apps and Desktop clients',
        ua: UA.pythonRequests,
        incoming: 'primaryRefreshToken',
        errorCode: 0,
        steps: [steps.firstByClaim(), steps.mfaByClaim()],
        deviceOverride: rogue,
      }),
    );
  });
  return {
    specs,
    truth: truth(
      {
        kind: 'device-code-phishing',
        title: 'Device-code phishing redeemed from a hosting ASN, rogue device registered',
        detection: 'Sigma/MAS: authenticationProtocol deviceCode (+ Microsoft Authentication Broker, hosting ASN); CA009 report-only failure',
        victims: [user.upn],
      },
      specs,
    ),
  };
}
