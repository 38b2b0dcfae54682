// Only sign-ins become sign-ins: mixed diagnostic streams, Graph pages of other entity sets, Log
// Analytics rows of other tables and admin-center audit downloads are counted per category and kept
// out of `signins`, with a message per category and the CLI's exit code saying so.
import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../../main/cli/import-command';
import { diagnosticLine, graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir();

/** An AuditLogs record as diagnostic settings write it (its id is the kind the old import took for a sign-in id). */
function auditLine(n: number): string {
  return JSON.stringify({
    time: '2025-03-04T02:15:00.0000000Z',
    resourceId: '/tenants/aaaa/providers/Microsoft.aadiam',
    operationName: 'Update user',
    category: 'AuditLogs',
    resultType: '',
    callerIpAddress: '203.0.113.99',
    correlationId: `a0000000-0000-4000-8000-00000000000${n}`,
    identity: 'Alex Wilber',
    properties: {
      id: `Directory_ESQ_${n}`,
      category: 'UserManagement',
      activityDateTime: '2025-03-04T02:15:00Z',
      activityDisplayName: 'Update user',
      initiatedBy: { user: { userPrincipalName: 'alexw@northwind.example', ipAddress: '203.0.113.99' } },
      targetResources: [{ userPrincipalName: 'alexw@northwind.example' }],
    },
  });
}

function riskLine(category: 'UserRiskEvents' | 'RiskyUsers'): string {
  return JSON.stringify({
    time: '2025-03-04T02:20:00Z',
    category,
    operationName: category === 'UserRiskEvents' ? 'User Risk Detection' : 'Risky user',
    properties: {
      id: 'e7c3d6a2-0000-4000-8000-000000000001',
      userPrincipalName: 'alexw@northwind.example',
      userId: '11111111-1111-4111-8111-111111111111',
      ipAddress: '198.51.100.7',
      riskEventType: 'anonymizedIPAddress',
      activityDateTime: '2025-03-04T02:10:00Z',
      createdDateTime: '2025-03-04T02:10:00Z', // even a sign-in time does not make it a sign-in
    },
  });
}

describe('only sign-ins become sign-ins', () => {
  it('a mixed diagnostic stream: AuditLogs, UserRiskEvents and RiskyUsers are counted and skipped, sign-ins import', async () => {
    const lines = [
      diagnosticLine(graphSignin()),
      auditLine(1),
      auditLine(2),
      riskLine('UserRiskEvents'),
      auditLine(3),
      riskLine('RiskyUsers'),
      diagnosticLine(graphSignin(), 'NonInteractiveUserSignInLogs'),
    ];
    const { summary, file, rows } = await importIntoNewCase([tmp.write('mixed-PT1H.json', lines.join('\n'))]);
    expect(file()).toMatchObject({ records: 7, imported: 2, duplicates: 0, errors: 0, status: 'ok', skipped: { AuditLogs: 3, UserRiskEvents: 1, RiskyUsers: 1 } });
    expect(rows('SELECT log_category FROM signins ORDER BY rid').map((r) => r[0])).toEqual(['SignInLogs', 'NonInteractiveUserSignInLogs']);
    expect(rows("SELECT count(*) FROM signins WHERE id LIKE 'Directory_%' OR ip_address = '198.51.100.7'")[0]![0]).toBe(0);
    expect(rows("SELECT severity, message FROM import_errors WHERE message LIKE '%not%sign-in%' ORDER BY id")).toEqual([
      ['warning', '3 records are AuditLogs, not sign-ins: skipped'],
      ['warning', '1 record is RiskyUsers, not a sign-in: skipped'],
      ['warning', '1 record is UserRiskEvents, not a sign-in: skipped'],
    ]);
    expect(exitCodeOf(summary)).toBe(1);
  });

  it('a Graph directoryAudits page is not imported, even with sign-in-looking fields; nothing imported means exit code 2', async () => {
    const page = {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits',
      value: [1, 2].map((n) => ({
        id: `Directory_ESQ_${n}`,
        createdDateTime: '2025-03-04T02:15:00Z',
        activityDateTime: '2025-03-04T02:15:00Z',
        userPrincipalName: 'alexw@northwind.example',
        activityDisplayName: 'Add member to role',
      })),
    };
    const { summary, file, rows } = await importIntoNewCase([tmp.write('directoryAudits.json', JSON.stringify(page, null, 2))]);
    expect(file()).toMatchObject({ records: 2, imported: 0, status: 'unusable', skipped: { directoryAudits: 2 } });
    expect(rows('SELECT count(*) FROM signins')[0]![0]).toBe(0);
    expect(file().firstIssues.map((i) => i.message)).toContain('2 records are directoryAudits, not sign-ins: skipped');
    expect(exitCodeOf(summary)).toBe(2);
  });

  it('Graph pages say what they hold: signIns import, riskDetections and @odata.type directoryAudit do not', async () => {
    const signIns = { '@odata.context': 'https://graph.microsoft.com/beta/$metadata#auditLogs/signIns(id,createdDateTime,userPrincipalName)', value: [graphSignin(), graphSignin()] };
    const risk = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#identityProtection/riskDetections', value: [graphSignin()] };
    const typed = [
      { ...graphSignin(), '@odata.type': '#microsoft.graph.directoryAudit' },
      { ...graphSignin(), '@odata.type': '#microsoft.graph.signIn' },
    ];
    const { summary } = await importIntoNewCase([tmp.write('pages.json', JSON.stringify(signIns) + '\n' + JSON.stringify(risk)), tmp.write('typed.json', JSON.stringify(typed))]);
    expect(summary.files[0]).toMatchObject({ records: 3, imported: 2, skipped: { riskDetections: 1 } });
    expect(summary.files[1]).toMatchObject({ records: 2, imported: 1, skipped: { directoryAudit: 1 } });
  });

  it('a single Graph entity and an Elastic document of another data stream say what they are', async () => {
    const entity = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits/$entity', ...graphSignin() };
    const elastic = { '@timestamp': '2025-03-04T02:15:00Z', event: { dataset: 'azure.auditlogs' }, azure: { auditlogs: { operation_name: 'Update user' } }, ...graphSignin() };
    const { summary } = await importIntoNewCase([tmp.write('entity.json', JSON.stringify(entity, null, 2)), tmp.write('elastic-audit.jsonl', JSON.stringify(elastic))]);
    expect(summary.files.map((f) => f.skipped)).toEqual([{ directoryAudits: 1 }, { 'azure.auditlogs': 1 }]);
  });

  it('an unknown category is never guessed into a sign-in; a record without one must prove itself', async () => {
    const unknown = diagnosticLine(graphSignin(), 'B2CRequestLogs');
    const { createdDateTime: _, ...noTime } = graphSignin();
    const { file, rows } = await importIntoNewCase([tmp.write('unknown.jsonl', [unknown, JSON.stringify(noTime), JSON.stringify(graphSignin())].join('\n'))]);
    expect(file()).toMatchObject({ records: 3, imported: 1 });
    expect(Object.keys(file().skipped).sort()).toEqual(['B2CRequestLogs', 'uncategorized (no createdDateTime)']);
    expect(rows('SELECT count(*) FROM signins')[0]![0]).toBe(1);
  });

  it('Log Analytics rows: the table (Type) decides, as JSON and as CSV', async () => {
    const la = [
      { TimeGenerated: '2025-03-04T02:10:00Z', Type: 'SigninLogs', Id: 'la-1', CreatedDateTime: '2025-03-04T02:10:00Z', UserPrincipalName: 'a@x.example', ResultType: '0', Category: 'SignInLogs' },
      { TimeGenerated: '2025-03-04T02:10:00Z', Type: 'AADUserRiskEvents', Id: 'la-2', UserPrincipalName: 'a@x.example', RiskEventType: 'unfamiliarFeatures', IpAddress: '198.51.100.7' },
      { TimeGenerated: '2025-03-04T02:10:00Z', Type: 'AuditLogs', Id: 'Directory_ESQ_9', Category: 'UserManagement', OperationName: 'Update user' },
    ];
    const csv = [
      'TimeGenerated [UTC],Type,Id,CreatedDateTime [UTC],UserPrincipalName,ResultType',
      '2025-03-04T02:10:00Z,AADNonInteractiveUserSignInLogs,la-3,2025-03-04T02:10:00Z,a@x.example,0',
      '2025-03-04T02:10:00Z,AzureActivity,la-4,2025-03-04T02:10:00Z,a@x.example,0',
    ].join('\n');
    const { summary, rows } = await importIntoNewCase([tmp.write('la.json', JSON.stringify(la)), tmp.write('la.csv', csv)]);
    expect(summary.files[0]).toMatchObject({ imported: 1, skipped: { AADUserRiskEvents: 1, AuditLogs: 1 } });
    expect(summary.files[1]).toMatchObject({ imported: 1, skipped: { AzureActivity: 1 } });
    expect(rows('SELECT id, sign_in_type FROM signins ORDER BY id')).toEqual([
      ['la-1', 'interactiveUser'],
      ['la-3', 'nonInteractiveUser'],
    ]);
  });

  it('an admin-center audit download (no Request ID) is skipped whole, named by its file kind', async () => {
    const csv = [
      'Date (UTC),CorrelationId,Service,Category,Activity,Result,ActorUserPrincipalName',
      '2025-03-04T02:15:00Z,c-1,Core Directory,UserManagement,Update user,success,alexw@northwind.example',
    ].join('\n');
    const { file, summary } = await importIntoNewCase([tmp.write('AuditLogs_2025-03-04.csv', csv)]);
    expect(file()).toMatchObject({ records: 1, imported: 0, status: 'unusable', skipped: { 'an admin-center AuditLogs download': 1 } });
    expect(exitCodeOf(summary)).toBe(2);
  });
});
