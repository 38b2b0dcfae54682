// Password spray from one IP address.
import { sprayFindings } from '../spray-source';
import { defineRule } from '../rule';

export const passwordSpray = defineRule({
  id: 'password-spray',
  title: 'Password spray from one IP',
  severity: 'medium',
  description: 'One IP address fails to sign in to many different accounts with wrong-password errors within a short window.',
  logic:
    'Sign-ins failing with 50126, 50053, 50055, 50056 or 50034 are counted per IP in windows of `windowMinutes` (two bin phases). A window with at least `minUsers` distinct accounts is kept when the IP served fewer distinct accounts successfully (within a day either side) than it failed for. Any later sign-in from the IP within `successWithinHours` whose code shows a correct password (0, 50074, 53003, ...) raises the finding to high.',
  references: [
    'Sentinel: Password spray attack against Microsoft Entra ID application (SigninPasswordSpray.yaml)',
    'Sigma: Password Spray via Azure AD Sign-In Logs (azure_ad_password_spray_via_signinlogs.yml)',
  ],
  falsePositives: [
    'A shared egress (school, hotel, proxy) where many users mistype passwords after a forced password change',
    'Misconfigured service accounts with an old password retrying from one server',
  ],
  params: {
    windowMinutes: { label: 'Window', unit: 'minutes', default: 20, min: 1, max: 1440, integer: true },
    minUsers: { label: 'Distinct failing accounts per window', unit: 'accounts', default: 5, min: 2, max: 10_000, integer: true },
    successWithinHours: { label: 'Look for a success after the spray within', unit: 'hours', default: 24, min: 0, max: 720 },
  },
  run: (db, p, signal) => sprayFindings(db, 'password-spray', 'ip_address_k', { ...p, minIps: 1 }, signal),
});
