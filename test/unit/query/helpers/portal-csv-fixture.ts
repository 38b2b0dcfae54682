// A tiny admin-center CSV download: a sign-ins file plus its AuthDetails companion.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const SIGNIN_HEADER = [
  'Date (UTC)',
  'Request ID',
  'User',
  'Username',
  'Application',
  'IP address',
  'Location',
  'Status',
  'Sign-in error code',
  'Failure reason',
  'Multifactor authentication auth method',
  'Multifactor authentication result',
];

/** [request id, MFA method, MFA result text] */
export const CSV_SIGNINS: [string, string, string][] = [
  ['req-a', 'Mobile app notification', 'MFA successfully completed'],
  ['req-b', 'Text message', 'MFA successfully completed'], // contradicted by its AuthDetails step
  ['req-c', 'Phone call', 'MFA denied; user did not respond to mobile app notification'],
  ['req-d', 'Phone call', 'MFA completed in Azure AD'],
  ['req-e', '', ''],
];

export const CSV_AUTH_STEPS = [
  ['req-a', 'Password', 'Password in the cloud', 'True', 'Correct password', 'Primary authentication', '2025-03-01T10:00:01Z'],
  ['req-a', 'Mobile app notification', '', 'True', 'MFA successfully completed', 'Multifactor authentication', '2025-03-01T10:00:09Z'],
  ['req-b', 'Text message', '', 'False', 'Invalid verification code', 'Multifactor authentication', '2025-03-01T11:00:09Z'],
];

const line = (cells: readonly string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

/** Writes both files; returns their paths and the sign-in lines exactly as written. */
export function writePortalCsv(dir: string): { files: string[]; lines: Map<string, string> } {
  const lines = new Map<string, string>();
  const body = CSV_SIGNINS.map(([id, method, result], i) => {
    const text = line([
      `2025-03-01T1${i}:00:00Z`,
      id,
      'Alice, "the admin"',
      'alice@contoso.com',
      'Azure Portal',
      '203.0.113.7',
      'Seattle, Washington, US',
      method ? 'Success' : 'Failure',
      method ? '0' : '50126',
      method ? '' : 'Invalid username or password',
      method,
      result,
    ]);
    lines.set(id, text);
    return text;
  });
  const signins = path.join(dir, 'InteractiveSignIns_2025-03-01_2025-03-02.csv');
  writeFileSync(signins, [line(SIGNIN_HEADER), ...body].join('\r\n') + '\r\n');
  const details = path.join(dir, 'InteractiveSignIns_AuthDetails_2025-03-01_2025-03-02.csv');
  const header = ['Request ID', 'Authentication method', 'Authentication method detail', 'Succeeded', 'Result detail', 'Requirement', 'Date (UTC)'];
  writeFileSync(details, [line(header), ...CSV_AUTH_STEPS.map(line)].join('\r\n') + '\r\n');
  return { files: [signins, details], lines };
}
