// A small, varied set of Graph `signIn` records written as real evidence files and imported through
// the real pipeline: the query tests run against exactly what an import produces.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CaseDb } from '../../../../main/db/case-db';
import { importFiles } from '../../../../main/import/pipeline';

export type GraphRecord = Record<string, unknown> & { id: string; createdDateTime: string };

const USERS = ['alice@contoso.com', 'Bob@contoso.com', 'carol@contoso.com', 'dave@fabrikam.com', 'eve_admin@contoso.com', 'zoe%x@contoso.com'];
const APPS = ['Office 365 Exchange Online', 'azure portal', 'Microsoft Teams', 'Azure Portal', 'OfficeHome', 'python-requests 2.31'];
const IPS = ['10.1.2.3', '10.200.0.9', '192.168.5.20', '203.0.113.7', '2001:db8:abcd::1', '2001:db8:ffff::42', '2a02:1234::5', '::ffff:198.51.100.4'];
const CODES = [0, 0, 0, 50126, 50074, 53003, 500121, 50140];
const CITIES: [string, string, string][] = [
  ['Seattle', 'Washington', 'US'],
  ['Berlin', 'Berlin', 'DE'],
  ['Lagos', 'Lagos', 'NG'],
  ['Paris', 'Île-de-France', 'FR'],
];
export const FIXTURE_START = Date.UTC(2025, 2, 1);

/** Deterministic LCG: the same records on every run. */
function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
}

export function makeRecords(count: number, seed = 11): GraphRecord[] {
  const pick = rng(seed);
  const out: GraphRecord[] = [];
  for (let i = 0; i < count; i++) {
    const code = CODES[pick(CODES.length)]!;
    const [city, state, country] = CITIES[pick(CITIES.length)]!;
    const noUser = i % 17 === 5; // service-principal-like rows: no user at all
    const mfa = code === 0 && pick(3) === 0;
    const mfaOk = pick(4) !== 0;
    out.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      createdDateTime: new Date(FIXTURE_START + i * 7_919_000 + pick(1000) * 997).toISOString(), // ~6.5 days in all
      userDisplayName: noUser ? null : `User ${i % 6}`,
      userPrincipalName: noUser ? null : USERS[pick(USERS.length)],
      userId: noUser ? null : `uid-${i % 6}`,
      appId: `app-${i % 6}`,
      appDisplayName: APPS[pick(APPS.length)],
      ipAddress: IPS[pick(IPS.length)],
      clientAppUsed: i % 5 === 0 ? 'IMAP4' : 'Browser',
      userAgent: i % 9 === 0 ? '<script>alert(1)</script>' : `Mozilla/5.0 (Windows NT 10.0) variant ${pick(4)}`,
      correlationId: `corr-${Math.floor(i / 2)}-abcdef0123`,
      sessionId: i % 4 === 0 ? null : `sess-${i % 7}-0123456789`,
      conditionalAccessStatus: code === 53003 ? 'failure' : 'success',
      authenticationRequirement: mfa ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
      resourceDisplayName: i % 3 === 0 ? null : 'Microsoft Graph',
      autonomousSystemNumber: i % 10 === 0 ? null : 8000 + pick(5),
      status: { errorCode: code, failureReason: code === 0 ? null : `Failure reason for ${code}` },
      location: { city, state, countryOrRegion: country, geoCoordinates: { latitude: 10 + pick(50), longitude: 5 + pick(50) } },
      deviceDetail: {
        deviceId: '',
        displayName: i % 2 ? `LAPTOP-${i % 5}` : '',
        operatingSystem: i % 2 ? 'Windows10' : 'iOS 17',
        browser: 'Edge 120',
        isCompliant: i % 3 === 0,
        isManaged: i % 2 === 0,
        trustType: '',
      },
      authenticationDetails: [
        {
          authenticationStepDateTime: '2025-03-01T00:00:00Z',
          authenticationMethod: 'Password',
          authenticationMethodDetail: 'Password in the cloud',
          succeeded: code !== 50126,
          authenticationStepResultDetail: code === 50126 ? 'Invalid username or password' : 'Correct password',
          authenticationStepRequirement: 'Primary authentication',
        },
        ...(mfa
          ? [
              {
                authenticationStepDateTime: '2025-03-01T00:00:05Z',
                authenticationMethod: i % 2 ? 'Mobile app notification' : 'Text message',
                authenticationMethodDetail: null,
                succeeded: mfaOk,
                authenticationStepResultDetail: mfaOk ? 'MFA successfully completed' : 'MFA denied; user declined the authentication',
                authenticationStepRequirement: 'Multifactor authentication',
              },
            ]
          : []),
      ],
      appliedConditionalAccessPolicies: [
        { id: 'pol-1', displayName: 'Require MFA for admins', enforcedGrantControls: ['Mfa'], enforcedSessionControls: [], result: mfa ? 'success' : 'notApplied' },
        { id: 'pol-2', displayName: 'Block legacy auth', enforcedGrantControls: ['Block'], enforcedSessionControls: [], result: code === 53003 ? 'failure' : 'notApplied' },
      ],
    });
  }
  return out;
}

export type FileVariant = 'utf8' | 'utf8-bom' | 'gzip' | 'utf16le' | 'utf16be';

/** The records as a pretty-printed JSON array in the given byte form; returns the file's path. */
export function writeGraphFile(dir: string, records: readonly GraphRecord[], variant: FileVariant = 'utf8'): string {
  const text = JSON.stringify(records, null, 2);
  const utf8 = Buffer.from(text, 'utf8');
  const bytes: Record<FileVariant, () => Buffer> = {
    utf8: () => utf8,
    'utf8-bom': () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]),
    gzip: () => gzipSync(utf8),
    utf16le: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    utf16be: () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
  };
  const file = path.join(dir, `signins-${variant}.json${variant === 'gzip' ? '.gz' : ''}`);
  writeFileSync(file, bytes[variant]());
  return file;
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'signinscope-query-'));
}

export async function importedCase(files: readonly string[]): Promise<CaseDb> {
  const caseDb = await CaseDb.create();
  await importFiles(caseDb, files, { parser: 'inline' });
  return caseDb;
}

/** Every row of the `signins` view as an object: the ground truth for brute-force comparisons. */
export function allRows(caseDb: CaseDb): Record<string, string | number | null>[] {
  return caseDb.cellObjects('SELECT * FROM signins ORDER BY rid', []);
}
