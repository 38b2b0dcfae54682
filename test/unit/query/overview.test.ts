import { beforeAll, describe, expect, it } from 'vitest';
import type { FilterSpec } from '../../../shared/model/filter-spec';
import type { CaseDb } from '../../../main/db/case-db';
import { resultSaysSuccess } from '../../../main/query/mfa-summary';
import { overview } from '../../../main/query/overview';
import { allRows, importedCase, makeRecords, tempDir, writeGraphFile, type GraphRecord } from './helpers/graph-fixture';
import { filterMatches, type Row } from './helpers/brute-force';
import { writePortalCsv } from './helpers/portal-csv-fixture';

let caseDb: CaseDb;
let rows: Row[];
let records: GraphRecord[];

beforeAll(async () => {
  records = makeRecords(180);
  caseDb = await importedCase([writeGraphFile(tempDir(), records)]);
  rows = allRows(caseDb);
});

const distinct = (list: Row[], key: string) => new Set(list.map((r) => r[key]).filter((v) => v !== null)).size;

/** MFA volume straight from the source records: the step that required MFA, and whether it succeeded. */
function expectedMfa(ids: Set<string>): { method: string; total: number; succeeded: number }[] {
  const by = new Map<string, { method: string; total: number; succeeded: number }>();
  for (const rec of records.filter((r) => ids.has(r.id))) {
    const step = (rec.authenticationDetails as { authenticationMethod: string; succeeded: boolean; authenticationStepRequirement: string }[]).find(
      (s) => s.authenticationStepRequirement === 'Multifactor authentication',
    );
    if (!step) continue;
    const e = by.get(step.authenticationMethod) ?? { method: step.authenticationMethod, total: 0, succeeded: 0 };
    by.set(e.method, e);
    e.total++;
    if (step.succeeded) e.succeeded++;
  }
  return [...by.values()].sort((a, b) => b.total - a.total || a.method.localeCompare(b.method));
}

describe('stats.overview', () => {
  it.each([
    ['everything', { conditions: [] }],
    ['a filter', { conditions: [{ column: 'country', op: 'in', values: ['US', 'FR'] }], text: 'contoso' }],
  ] as [string, FilterSpec][])('counts agree with the rows (%s)', (_label, filter) => {
    const matching = rows.filter((r) => filterMatches(r, filter));
    const res = overview(caseDb, { filter });
    expect(res.signins).toBe(matching.length);
    expect(res.users).toBe(distinct(matching, 'user_principal_name'));
    expect(res.apps).toBe(distinct(matching, 'app_display_name'));
    expect(res.ips).toBe(distinct(matching, 'ip_address'));
    const statuses = new Map(res.byStatus.map((s) => [s.value, s.count]));
    for (const s of ['Success', 'Failure', 'Interrupted']) expect(statuses.get(s) ?? 0).toBe(matching.filter((r) => r.status === s).length);
    const mfa = expectedMfa(new Set(matching.map((r) => String(r.id))));
    expect(mfa.length).toBe(2);
    expect(mfa.some((m) => m.succeeded < m.total)).toBe(true); // failed MFA steps exist in the fixture
    expect(res.mfa).toEqual(mfa);
  });

  it('reads MFA success for portal CSV rows from AuthDetails, else from the result text', async () => {
    const csvCase = await importedCase(writePortalCsv(tempDir()).files);
    const res = overview(csvCase, { filter: { conditions: [] } });
    expect(res.signins).toBe(5);
    expect(res.mfa).toEqual([
      { method: 'Phone call', total: 2, succeeded: 1 },
      { method: 'Mobile app notification', total: 1, succeeded: 1 },
      { method: 'Text message', total: 1, succeeded: 0 },
    ]);
  });

  it('reads the admin center’s MFA result wording', () => {
    expect(resultSaysSuccess('MFA successfully completed')).toBe(true);
    expect(resultSaysSuccess('MFA requirement satisfied by claim in the token')).toBe(true);
    expect(resultSaysSuccess('MFA denied; user declined the authentication')).toBe(false);
    expect(resultSaysSuccess('User did not pass the MFA challenge (non interactive)')).toBe(false);
    expect(resultSaysSuccess(null)).toBe(false);
  });
});
