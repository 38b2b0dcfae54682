// Republished versions are kept: Azure Monitor re-emits a request id with updated risk state, risk
// events, risk levels and authentication steps. Only a record equal in every stored field is a duplicate.
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/import/pipeline';
import { getRecord, versionsOf } from '../../../main/query/record';
import { diagnosticLine, graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';
import { all } from '../../helpers/sql';

const tmp = tempDir();

/** One device-code phish as a Log Analytics export shows it: the SigninLogs row and its re-published versions. */
function laVersion(over: Record<string, unknown>): Record<string, unknown> {
  return {
    TenantId: 'aaaa',
    TimeGenerated: '2025-03-04T02:10:30Z',
    Type: 'SigninLogs',
    Category: 'SignInLogs',
    Id: '5e7a0c1d-0000-4000-8000-0000000000aa',
    CreatedDateTime: '2025-03-04T02:10:00Z',
    UserPrincipalName: 'alexw@northwind.example',
    UserId: '11111111-1111-4111-8111-111111111111',
    AppDisplayName: 'Microsoft Authentication Broker',
    AppId: '29d9ed98-a469-4536-ade2-f981bc1d605e',
    IPAddress: '198.51.100.7',
    AuthenticationProtocol: 'deviceCode',
    ResultType: '0',
    CorrelationId: 'c0000000-0000-4000-8000-0000000000aa',
    RiskState: 'none',
    RiskLevelDuringSignIn: 'none',
    RiskLevelAggregated: 'none',
    RiskEventTypes_V2: '[]',
    AuthenticationDetails: '[{"authenticationMethod":"Password","succeeded":true}]',
    ...over,
  };
}

describe('re-published versions', () => {
  it('keeps every version of a request whose risk or steps changed, drops only exact duplicates, and says what changed', async () => {
    const v1 = laVersion({});
    const v2 = laVersion({ TimeGenerated: '2025-03-04T02:40:00Z', RiskState: 'atRisk', RiskLevelDuringSignIn: 'high', RiskEventTypes_V2: '["anonymizedIPAddress"]' });
    const v3 = laVersion({
      TimeGenerated: '2025-03-04T05:00:00Z',
      RiskState: 'remediated',
      RiskLevelDuringSignIn: 'high',
      RiskEventTypes_V2: '["anonymizedIPAddress"]',
      AuthenticationDetails: '[{"authenticationMethod":"Password","succeeded":true},{"authenticationMethod":"Mobile app notification","succeeded":true}]',
    });
    const exactCopy = { ...v2 };
    const { caseDb, file, rows } = await importIntoNewCase([tmp.write('la-export.json', JSON.stringify([v1, v2, exactCopy, v3]))]);
    expect(file()).toMatchObject({ records: 4, imported: 3, duplicates: 1, republished: 2 });
    expect(rows('SELECT risk_state, risk_event_types, risk_level_during_sign_in, versions FROM signins ORDER BY rid')).toEqual([
      ['none', null, 'none', 3],
      ['atRisk', 'anonymizedIPAddress', 'high', 3],
      ['remediated', 'anonymizedIPAddress', 'high', 3],
    ]);
    const versions = versionsOf(caseDb, '5e7a0c1d-0000-4000-8000-0000000000aa');
    expect(versions.map((v) => v.recordIndex)).toEqual([0, 1, 3]);
    expect(versions[0]!.changed).toEqual([]);
    expect(versions[1]!.changed).toEqual(expect.arrayContaining(['risk_level_during_sign_in', 'risk_state', 'risk_event_types']));
    expect(versions[2]!.changed).toEqual(expect.arrayContaining(['risk_state', 'mfa_method', 'authentication_details_json']));
    expect(versions[2]!.changed).not.toContain('source_format');
    expect(versions[2]!.changed).not.toContain('versions');
    const details = await getRecord(caseDb, Number(rows('SELECT max(rid) FROM signins')[0]![0]));
    expect(details.versions).toHaveLength(3);
  });

  it('the same record imported twice is a duplicate; a sign-in with one version lists none', async () => {
    const text = JSON.stringify([laVersion({ Id: 'single-1' })]);
    const { caseDb, summary } = await importIntoNewCase([tmp.write('a.json', text), tmp.write('b.json', text)]);
    expect(summary.files[1]).toMatchObject({ imported: 0, duplicates: 1, republished: 0 });
    expect(versionsOf(caseDb, 'single-1')).toEqual([]);
    expect(all(caseDb, "SELECT versions FROM signins WHERE id = 'single-1'")).toEqual([[null]]);
  });

  it('across shapes, the same sign-in written differently is a duplicate; a changed risk is still a version', async () => {
    // Graph gives the time to the second and "Other." for a success; the diagnostic export has the
    // fractional seconds, no failure reason and another user type spelling.
    const graph = graphSignin({ createdDateTime: '2025-03-04T02:10:00Z', userType: 'member', riskState: 'none', riskEventTypes_v2: [] });
    const same = { ...graph, createdDateTime: '2025-03-04T02:10:00.4750205+00:00', userType: 'Member', status: { errorCode: 0 } };
    const other = graphSignin({ riskState: 'none' });
    const republished = { ...other, riskState: 'atRisk', riskLevelDuringSignIn: 'high', riskEventTypes_v2: ['anonymizedIPAddress'] };
    const csv = [
      'Date (UTC),Request ID,Correlation ID,User,Username,IP address,Status,Sign-in error code,Application',
      `2025-03-04T02:10:00.123Z,${String(other.id)},${String(other.correlationId)},Alex Wilber,alexw@northwind.example,203.0.113.10,Success,0,Office 365 Exchange Online`,
    ].join('\n');
    const { summary, rows } = await importIntoNewCase([
      tmp.write('graph-page.json', JSON.stringify({ value: [graph, other] })),
      tmp.write('PT1H.json', [diagnosticLine(same), diagnosticLine(republished)].join('\n')),
      tmp.write('InteractiveSignIns_2025-03-04_2025-03-04.csv', csv),
    ]);
    expect(summary.files.map((f) => [f.imported, f.duplicates, f.republished])).toEqual([
      [2, 0, 0],
      [1, 1, 1],
      [0, 1, 0],
    ]);
    expect(rows('SELECT risk_state FROM signins WHERE id = ? ORDER BY rid', [String(other.id)])).toEqual([['none'], ['atRisk']]);
  });

  it('an AuthDetails companion imported again adds no steps; a step that happened twice stays twice', async () => {
    const header = 'Request ID,Date (UTC),Authentication method,Authentication method detail,Requirement,Succeeded,Result detail';
    const push = 'req-7,2025-03-04T02:10:20Z,Mobile app notification,,MFA,false,MFA denied; user declined the authentication';
    const text = [header, 'req-7,2025-03-04T02:10:00Z,Password,Password in the cloud,Primary authentication,true,Correct password', push, push].join('\n');
    const first = tmp.write('InteractiveSignIns_AuthDetails_2025-03-04_2025-03-04.csv', text);
    const overlap = tmp.write('InteractiveSignIns_AuthDetails_2025-03-03_2025-03-05.csv', [header, push].join('\n'));
    const { caseDb, summary, rows } = await importIntoNewCase([first, overlap]);
    expect(summary.files.map((f) => [f.imported, f.duplicates])).toEqual([
      [3, 0],
      [0, 1],
    ]);
    const again = await importFiles(caseDb, [first]);
    expect(again.files[0]).toMatchObject({ imported: 0, duplicates: 3 });
    expect(rows("SELECT count(*) FROM csv_auth_steps WHERE request_id = 'req-7'")[0]![0]).toBe(3);
  });
});
