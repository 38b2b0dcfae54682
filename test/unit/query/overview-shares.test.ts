// Overview percentages are shares of every sign-in in the filter: stats.top counts under the whole
// filter (its own column included), and stats.overview's `signins` is the whole they are shares of.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FilterSpec } from '../../../shared/model/filter-spec';
import type { CaseDb } from '../../../main/db/case-db';
import { facets, filterShares } from '../../../main/query/facets';
import { overview } from '../../../main/query/overview';
import { allRows, importedCase, makeRecords, tempDir, writeGraphFile } from './helpers/graph-fixture';
import { filterMatches, type Row } from './helpers/brute-force';

let caseDb: CaseDb;
let rows: Row[];

beforeAll(async () => {
  caseDb = await importedCase([writeGraphFile(tempDir(), makeRecords(180))]);
  rows = allRows(caseDb);
});

const top = (filter: FilterSpec, column: string, limit = 500) => filterShares(caseDb, { filter, column, limit });

describe('overview shares', () => {
  it("gives the empty value its exact share of the filter's sign-ins", () => {
    const filter: FilterSpec = { conditions: [{ column: 'user_principal_name', op: 'in', values: ['alice@contoso.com', 'carol@contoso.com'] }] };
    const matching = rows.filter((r) => filterMatches(r, filter));
    const empty = matching.filter((r) => r.device_name === null).length;
    expect(empty).toBeGreaterThan(0);
    expect(empty).toBeLessThan(matching.length);
    const whole = overview(caseDb, { filter }).signins;
    expect(whole).toBe(matching.length);
    const values = top(filter, 'device_name').values;
    expect(values.find((v) => v.value === null)!.count / whole).toBe(empty / matching.length);
    // Every value listed: the counts add up to the whole, so no share is of a part of it.
    expect(values.reduce((a, v) => a + v.count, 0)).toBe(whole);
  });

  it("counts under the column's own condition too, unlike the filter bar's alternatives", () => {
    const filter: FilterSpec = { conditions: [{ column: 'device_name', op: 'in', values: ['LAPTOP-1'] }] };
    const whole = overview(caseDb, { filter }).signins;
    expect(whole).toBe(rows.filter((r) => filterMatches(r, filter)).length);
    expect(top(filter, 'device_name').values).toEqual([{ value: 'LAPTOP-1', count: whole }]);
    // query.facets leaves the column's own condition out (it offers alternatives): its counts are not
    // shares of this filter, which is why the Overview no longer uses it.
    const alternatives = facets(caseDb, { filter, column: 'device_name', limit: 500 }).values;
    expect(alternatives.reduce((a, v) => a + v.count, 0)).toBeGreaterThan(whole);
  });

  it('lists top IP addresses and ASNs under the filter', () => {
    const filter: FilterSpec = { conditions: [], text: 'contoso' };
    const matching = rows.filter((r) => filterMatches(r, filter));
    for (const column of ['ip_address', 'asn']) {
      const expected = new Map<unknown, number>();
      for (const r of matching) expected.set(r[column], (expected.get(r[column]) ?? 0) + 1);
      const got = top(filter, column, 3).values;
      expect(got).toHaveLength(Math.min(3, expected.size));
      for (const v of got) expect(v.count).toBe(expected.get(v.value));
      expect(got[0]!.count).toBe(Math.max(...expected.values()));
    }
  });
});
