import { beforeAll, describe, expect, it } from 'vitest';
import type { FilterSpec } from '../../../shared/model/filter-spec';
import type { CaseDb } from '../../../main/db/case-db';
import { facets } from '../../../main/query/facets';
import { chooseBuckets, NICE_BUCKETS_MS } from '../../../main/query/time-buckets';
import { histogram, swimlanes } from '../../../main/query/timeline';
import { allRows, importedCase, makeRecords, tempDir, writeGraphFile } from './helpers/graph-fixture';
import { filterMatches, type Row } from './helpers/brute-force';

let caseDb: CaseDb;
let rows: Row[];

beforeAll(async () => {
  caseDb = await importedCase([writeGraphFile(tempDir(), makeRecords(200))]);
  rows = allRows(caseDb);
});

function countBy(list: Row[], key: string): Map<string | number | null, number> {
  const m = new Map<string | number | null, number>();
  for (const r of list) m.set(r[key] ?? null, (m.get(r[key] ?? null) ?? 0) + 1);
  return m;
}

describe('facets', () => {
  const filter: FilterSpec = {
    conditions: [
      { column: 'app_display_name', op: 'eq', values: ['Microsoft Teams'] },
      { column: 'user_principal_name', op: 'eq', values: ['alice@contoso.com'] },
    ],
  };

  it('counts a column under the filter without that column’s own conditions', () => {
    const res = facets(caseDb, { filter, column: 'app_display_name', limit: 50 });
    const alice = rows.filter((r) => r.user_principal_name === 'alice@contoso.com');
    const expected = countBy(alice, 'app_display_name');
    expect(res.values.length).toBeGreaterThan(1); // the alternatives to "Microsoft Teams" are there
    expect(new Map(res.values.map((v) => [v.value, v.count]))).toEqual(expected);
    expect(res.distinct).toBe(expected.size);
    const counts = res.values.map((v) => v.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('keeps the other columns’ conditions', () => {
    const res = facets(caseDb, { filter, column: 'status', limit: 50 });
    const matching = rows.filter((r) => filterMatches(r, filter));
    expect(new Map(res.values.map((v) => [v.value, v.count]))).toEqual(countBy(matching, 'status'));
  });

  it('lists empty cells as null but does not count them as a distinct value', () => {
    const res = facets(caseDb, { filter: { conditions: [] }, column: 'user_principal_name', limit: 50 });
    const expected = countBy(rows, 'user_principal_name');
    expect(new Map(res.values.map((v) => [v.value, v.count]))).toEqual(expected);
    expect(res.distinct).toBe(expected.size - 1);
  });

  it('applies the limit and the search (case-insensitive substring)', () => {
    const top2 = facets(caseDb, { filter: { conditions: [] }, column: 'ip_address', limit: 2 });
    expect(top2.values).toHaveLength(2);
    expect(top2.distinct).toBe(countBy(rows, 'ip_address').size);
    const searched = facets(caseDb, { filter: { conditions: [] }, column: 'app_display_name', limit: 50, search: 'PORTAL' });
    expect(searched.values.map((v) => v.value).sort()).toEqual(['Azure Portal', 'azure portal']);
    const codes = facets(caseDb, { filter: { conditions: [] }, column: 'status_code', limit: 50, search: '0121' });
    expect(codes.values.map((v) => v.value)).toEqual([500121]);
  });

  it('works on numbers and booleans as their stored values', () => {
    const res = facets(caseDb, { filter: { conditions: [] }, column: 'is_compliant', limit: 50 });
    expect(new Map(res.values.map((v) => [v.value, v.count]))).toEqual(countBy(rows, 'is_compliant'));
  });
});

describe('time buckets', () => {
  it('chooses the smallest nice size that fits', () => {
    const day = { from: Date.UTC(2025, 0, 1, 0, 0, 0), to: Date.UTC(2025, 0, 2) };
    expect(chooseBuckets(day, 300)).toMatchObject({ bucketMs: 5 * 60_000, count: 288 });
    expect(chooseBuckets({ from: 1000, to: 61_001 }, 100)).toMatchObject({ bucketMs: 1000, count: 61 });
    expect(chooseBuckets({ from: 1000, to: 61_001 }, 60)).toMatchObject({ bucketMs: 2000, count: 31 });
    const years = chooseBuckets({ from: 0, to: 5 * 365 * 86_400_000 }, 10);
    expect(years.count).toBeLessThanOrEqual(10);
    expect(years.bucketMs % (7 * 86_400_000)).toBe(0);
  });

  it('aligns buckets on multiples of the size and covers the whole range', () => {
    const range = { from: Date.UTC(2025, 0, 1, 10, 7, 13), to: Date.UTC(2025, 0, 3, 4, 0, 0) };
    for (const max of [10, 77, 300, 2000]) {
      const b = chooseBuckets(range, max);
      expect(NICE_BUCKETS_MS).toContain(b.bucketMs);
      expect(b.from % b.bucketMs).toBe(0);
      expect(b.from).toBeLessThanOrEqual(range.from);
      expect(b.to).toBeGreaterThanOrEqual(range.to);
      expect(b.count).toBeLessThanOrEqual(max);
    }
  });
});

describe('histogram', () => {
  it.each([
    ['everything', { conditions: [] }],
    ['a user and a window', { conditions: [{ column: 'user_principal_name', op: 'eq', values: ['carol@contoso.com'] }], timeFrom: Date.UTC(2025, 2, 2, 5), timeTo: Date.UTC(2025, 2, 6) }],
  ] as [string, FilterSpec][])('totals equal the filter’s count, by status (%s)', (_label, filter) => {
    const res = histogram(caseDb, { filter, buckets: 120 });
    const matching = rows.filter((r) => filterMatches(r, filter) && r.created_at !== null);
    expect(res.series.length).toBeLessThanOrEqual(120);
    const sum = (k: 'success' | 'failure' | 'interrupted' | 'other') => res.series.reduce((a, s) => a + s[k], 0);
    const byStatus = countBy(matching, 'status');
    expect(sum('success')).toBe(byStatus.get('Success') ?? 0);
    expect(sum('failure')).toBe(byStatus.get('Failure') ?? 0);
    expect(sum('interrupted')).toBe(byStatus.get('Interrupted') ?? 0);
    expect(sum('success') + sum('failure') + sum('interrupted') + sum('other')).toBe(matching.length);
    // each sign-in is counted in the bucket that holds its time
    const r = matching[Math.floor(matching.length / 2)]!;
    const t = Date.parse(String(r.created_at));
    const i = Math.floor((t - res.from) / res.bucketMs);
    expect(res.series[i]!.t).toBeLessThanOrEqual(t);
    expect(res.series[i]!.t + res.bucketMs).toBeGreaterThan(t);
    expect(res.to).toBe(res.from + res.series.length * res.bucketMs);
  });

  it('is empty for an empty case', async () => {
    const empty = await importedCase([]);
    expect(histogram(empty, { filter: { conditions: [] }, buckets: 300 })).toEqual({ bucketMs: 0, from: 0, to: 0, series: [] });
  });
});

describe('swimlanes', () => {
  it('lists the busiest users with sparse per-bucket successes and failures', () => {
    const filter: FilterSpec = { conditions: [{ column: 'country', op: 'neq', values: ['DE'] }] };
    const res = swimlanes(caseDb, { filter, lanes: 3, buckets: 50 });
    const matching = rows.filter((r) => filterMatches(r, filter));
    const perUser = [...countBy(matching, 'user_principal_name')].filter(([u]) => u !== null).sort((a, b) => b[1] - a[1]);
    expect(res.lanes).toHaveLength(3);
    expect(res.lanes.map((l) => l.total)).toEqual(perUser.slice(0, 3).map(([, n]) => n));
    for (const lane of res.lanes) {
      const mine = matching.filter((r) => r.user_principal_name === lane.user);
      expect(lane.total).toBe(mine.length);
      expect(lane.cells.reduce((a, c) => a + c[1], 0)).toBe(mine.filter((r) => r.status === 'Success').length);
      expect(lane.cells.reduce((a, c) => a + c[2], 0)).toBe(mine.filter((r) => r.status === 'Failure').length);
      const buckets = lane.cells.map((c) => c[0]);
      expect(buckets).toEqual([...new Set(buckets)].sort((a, b) => a - b));
      expect(buckets.length).toBe(new Set(mine.map((r) => Math.floor((Date.parse(String(r.created_at)) - res.from) / res.bucketMs))).size);
    }
  });
});
