// Password spray rotated over several IPs of one network (ASN).
import { sprayFindings } from '../spray-source';
import { defineRule } from '../rule';

export const passwordSprayAsn = defineRule({
  id: 'password-spray-asn',
  title: 'Password spray from one network (ASN)',
  severity: 'medium',
  description:
    'Several IP addresses of one autonomous system fail for many different accounts within a short window: a spray that rotates addresses inside a provider to stay under per-IP thresholds.',
  logic:
    'As the per-IP spray rule, grouped by ASN: at least `minUsers` distinct accounts failing (50126, 50053, 50055, 50056, 50034) in a `windowMinutes` window from at least `minIps` distinct IPs of the ASN, and the ASN served fewer accounts successfully around it than it failed for. A later correct-password outcome from the ASN raises it to high.',
  references: [
    'Sentinel: Password spray attack against Microsoft Entra ID application (SigninPasswordSpray.yaml), grouped by AutonomousSystemNumber',
    'Sigma: Password Spray via Azure AD Sign-In Logs',
  ],
  falsePositives: ['A national ISP or mobile carrier after a tenant-wide password reset (the served-accounts guard removes most)'],
  params: {
    windowMinutes: { label: 'Window', unit: 'minutes', default: 20, min: 1, max: 1440, integer: true },
    minUsers: { label: 'Distinct failing accounts per window', unit: 'accounts', default: 5, min: 2, max: 10_000, integer: true },
    minIps: { label: 'Distinct IPs of the ASN', unit: 'IPs', default: 3, min: 2, max: 10_000, integer: true },
    successWithinHours: { label: 'Look for a success after the spray within', unit: 'hours', default: 24, min: 0, max: 720 },
  },
  run: (db, p, signal) => sprayFindings(db, 'password-spray-asn', 'asn', p, signal),
});
