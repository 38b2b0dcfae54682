// Admin center and Log Analytics CSV exports, with the header quirks documented in docs/schema.md.
import { describe, expect, it } from 'vitest';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir();
// The 55-column InteractiveSignIns header as the admin center writes it (trailing spaces, double space, a duplicate).
const PORTAL_HEADER = `"Date (UTC)","Request ID","User agent","Correlation ID","User ID","User","Username","User type","Cross tenant access type","Incoming token type","Authentication Protocol","Unique token identifier","Original transfer method","Client credential type","Token Protection - Sign In Session","Token Protection - Sign In Session StatusCode","Application","Application ID ","Resource","Resource ID ","Resource tenant ID","Home tenant ID","Home tenant name","IP address","Location","Status","Sign-in error code","Failure reason","Client app","Device ID","Browser","Operating System","Compliant","Managed","Join Type","Multifactor authentication result","Multifactor authentication auth method","Multifactor authentication auth detail","Authentication requirement","Sign-in identifier","Session ID","IP address (seen by resource)","Through Global Secure Access","Global Secure Access IP address","Autonomous system  number","Flagged for review","Token issuer type","Incoming token type","Token issuer name","Latency","Conditional Access","Managed Identity type","Associated Resource Id","Federated Token Id","Federated Token Issuer"`;
const headers = PORTAL_HEADER.split('","').map((h) => h.replace(/"/g, ''));

function portalRow(values: Record<string, string>): string {
  const seen = new Set<string>();
  return headers
    .map((h) => {
      const v = seen.has(h) ? '' : (values[h] ?? '');
      seen.add(h);
      return `"${v.replace(/"/g, '""')}"`;
    })
    .join(',');
}

const row1 = {
  'Date (UTC)': '2025-03-04T02:10:00Z',
  'Request ID': 'req-1',
  'User agent': 'Mozilla/5.0 "quoted"',
  'Correlation ID': 'corr-1',
  User: 'Alex Wilber',
  Username: 'alexw@northwind.example',
  'Incoming token type': 'Primary Refresh Token',
  Application: 'Azure Portal',
  'Application ID ': 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
  'IP address': '198.51.100.7',
  Location: 'Seattle, Washington, US',
  Status: 'Interrupted',
  'Sign-in error code': '50074',
  'Failure reason': 'Strong Authentication is required.',
  'Client app': 'Browser',
  Compliant: 'No',
  Managed: 'Yes',
  'Multifactor authentication auth method': 'Mobile app notification',
  'Autonomous system  number': '8075',
};

describe('admin center CSV', () => {
  it('maps every quirky header and takes the sign-in type from the file name', async () => {
    const body = `\uFEFF${PORTAL_HEADER}\r\n${portalRow(row1)}\r\n${portalRow({ ...row1, 'Request ID': 'req-2', Status: 'Success', 'Sign-in error code': '0', Location: 'Paris, Ile-de-France, FR' })}\r\n`;
    const { file, rows } = await importIntoNewCase([tmp.write('NonInteractiveSignIns_2025-03-01_2025-03-07.csv', body)]);
    expect(file()).toMatchObject({ format: 'portal-csv', imported: 2, errors: 0 });
    const [r] = rows(
      "SELECT created_at, sign_in_type, app_id, asn, city, state, country, status, status_code, incoming_token_type, is_compliant, is_managed, user_agent, mfa_method FROM signins WHERE id = 'req-1'",
    );
    expect(r).toEqual([
      '2025-03-04T02:10:00.000Z',
      'nonInteractiveUser',
      'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
      8075,
      'Seattle',
      'Washington',
      'US',
      'Interrupted',
      50074,
      'primaryRefreshToken',
      0,
      1,
      'Mozilla/5.0 "quoted"',
      'Mobile app notification',
    ]);
  });

  it('reads a UTF-16 export (Excel "Unicode text" re-save) the same as UTF-8', async () => {
    const text = `${PORTAL_HEADER}\r\n${portalRow(row1)}\r\n`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { file, rows } = await importIntoNewCase([tmp.write('InteractiveSignIns_utf16.csv', utf16)]);
    expect(file()).toMatchObject({ format: 'portal-csv', imported: 1, errors: 0, encoding: 'utf-16le' });
    expect(rows('SELECT user_principal_name, city, status_code FROM signins')[0]).toEqual(['alexw@northwind.example', 'Seattle', 50074]);
  });

  it('joins the AuthDetails companion on Request ID', async () => {
    const signins = tmp.write('InteractiveSignIns_2025-03-01_2025-03-07.csv', `${PORTAL_HEADER}\n${portalRow(row1)}\n`);
    const details = tmp.write(
      'InteractiveSignIns_AuthDetails_2025-03-01_2025-03-07.csv',
      'Request ID,Date (UTC),Authentication method,Authentication method detail,Requirement,Succeeded,Result detail\nreq-1,2025-03-04T02:10:00Z,Password,Password in the cloud,Primary authentication,true,Correct password\nreq-1,2025-03-04T02:10:20Z,Mobile app notification,,MFA,false,MFA denied; user declined the authentication\n',
    );
    const { summary, rows } = await importIntoNewCase([signins, details]);
    expect(summary.files[1]!.format).toBe('portal-auth-details-csv');
    expect(rows("SELECT method, succeeded, result_detail FROM authentication_details WHERE request_id = 'req-1' ORDER BY seq")).toEqual([
      ['Password', 1, 'Correct password'],
      ['Mobile app notification', 0, 'MFA denied; user declined the authentication'],
    ]);
  });

  it('reads day-first dates when the file shows a day above 12', async () => {
    const h = '"Date","Request ID","Username","Status","Sign-in error code"';
    const body = [h, '"05/01/2024 10:11:12","a","u@x","Success","0"', '"25/01/2024 10:11:12","b","u@x","Success","0"'].join('\n');
    const { rows } = await importIntoNewCase([tmp.write('InteractiveSignIns_fr.csv', body)]);
    expect(rows('SELECT created_at FROM signins ORDER BY id').map((r) => r[0])).toEqual(['2024-01-05T10:11:12.000Z', '2024-01-25T10:11:12.000Z']);
  });

  it('reports rows with the wrong number of fields and keeps the rest', async () => {
    const h = '"Date (UTC)","Request ID","Username","Status","Sign-in error code"';
    const body = [h, '"2025-03-04T02:10:00Z","a","u@x","Success","0"', '"2025-03-04T02:11:00Z","b","u@x"', '"2025-03-04T02:12:00Z","c","u@x","Failure","50126"'].join('\n');
    const { file } = await importIntoNewCase([tmp.write('ApplicationSignIns_x.csv', body)]);
    expect(file()).toMatchObject({ imported: 2, errors: 1 });
    expect(file().firstIssues[0]).toMatchObject({ recordIndex: 2 });
    expect(file().firstIssues[0]!.message).toMatch(/3 fields, the header has 5/);
  });
});

describe('Log Analytics CSV', () => {
  it('parses JSON-text columns and uses CreatedDateTime, not TimeGenerated', async () => {
    const header = 'TenantId,TimeGenerated [UTC],CreatedDateTime [UTC],Id,UserPrincipalName,AppDisplayName,IPAddress,ResultType,ResultDescription,LocationDetails,DeviceDetail,Type';
    const loc = JSON.stringify({ city: 'Oslo', countryOrRegion: 'NO', geoCoordinates: { latitude: 59.9, longitude: 10.7 } }).replace(/"/g, '""');
    const dev = JSON.stringify({ operatingSystem: 'iOS 17', browser: 'Safari' }).replace(/"/g, '""');
    const line = `t1,"3/4/2025, 2:15:00.000 AM","3/4/2025, 2:10:00.000 AM",la-1,kari@northwind.example,Microsoft Teams,192.0.2.44,50126,Invalid username or password,"${loc}","${dev}",AADNonInteractiveUserSignInLogs`;
    const { file, rows } = await importIntoNewCase([tmp.write('la-export.csv', `${header}\n${line}\n`)]);
    expect(file().format).toBe('log-analytics-csv');
    expect(rows('SELECT created_at, sign_in_type, city, latitude, operating_system, status, status_code, failure_reason FROM signins')[0]).toEqual([
      '2025-03-04T02:10:00.000Z',
      'nonInteractiveUser',
      'Oslo',
      59.9,
      'iOS 17',
      'Failure',
      50126,
      'Invalid username or password',
    ]);
  });
});
