// The grid's Timeline Explorer features on generator data: header-filter value counts, regex
// conditions, multi-key sort with the time tie-break, nested group counts, and the tags / starred
// columns. Every expectation is recomputed from the `signins` rows in plain JS.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Condition, FilterSpec, SortKey } from '../../../shared/model/filter-spec';
import { withGroupPath } from '../../../shared/model/grouping';
import { changeTags } from '../../../main/annotations/tag-scope';
import { setStar } from '../../../main/annotations/notes-stars';
import type { CaseDb } from '../../../main/db/case-db';
import { writeGraphBulk } from '../../../main/generator/bulk';
import { QueryError } from '../../../main/query/errors';
import { facets } from '../../../main/query/facets';
import { groups } from '../../../main/query/groups';
import { SnapshotStore } from '../../../main/query/snapshot';
import { filterMatches, type Row } from './helpers/brute-force';
import { allRows, importedCase, tempDir } from './helpers/graph-fixture';

let caseDb: CaseDb;
let rows: Row[];
const EVERYTHING: FilterSpec = { conditions: [] };
const stamp = { author: 'tester', at: Date.UTC(2025, 5, 1) };

beforeAll(async () => {
  const file = path.join(tempDir(), 'bulk.json');
  await writeGraphBulk(file, { seed: 5, records: 2500, users: 25 });
  caseDb = await importedCase([file]);
  rows = allRows(caseDb);
}, 60_000);

const matching = (filter: FilterSpec) => rows.filter((r) => filterMatches(r, filter));
const time = (r: Row) => Date.parse(String(r.created_at));

function snapshotRids(filter: FilterSpec, sort: SortKey[] | SortKey): number[] {
  const store = new SnapshotStore();
  const info = store.create(caseDb, filter, sort);
  const out: number[] = [];
  for (let from = 0; from < info.matching; from += 1000) out.push(...store.page(caseDb, info.snapshotId, from, 1000, []).rids);
  return out;
}

function tally(list: readonly Row[], column: string): Map<string | number | null, number> {
  const counts = new Map<string | number | null, number>();
  for (const r of list) counts.set(r[column] ?? null, (counts.get(r[column] ?? null) ?? 0) + 1);
  return counts;
}

describe('header filter values', () => {
  it('counts each value under every other condition, ignoring the column own condition', () => {
    const own: Condition = { column: 'app_display_name', op: 'eq', values: ['Microsoft Teams'] };
    const failures: Condition = { column: 'status', op: 'neq', values: ['Success'] };
    const res = facets(caseDb, { filter: { conditions: [failures, own] }, column: 'app_display_name', limit: 500 });
    const expected = tally(matching({ conditions: [failures] }), 'app_display_name');
    expect(res.values.length).toBeGreaterThan(1); // more than the app picked: its own condition is left out
    expect(new Map(res.values.map((v) => [v.value, v.count]))).toEqual(expected);
    const counts = res.values.map((v) => v.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('returns the top N and finds the rest by search', () => {
    const all = tally(rows, 'ip_address');
    const top = facets(caseDb, { filter: EVERYTHING, column: 'ip_address', limit: 5 });
    expect(top.values).toHaveLength(5);
    expect(top.distinct).toBe([...all.keys()].filter((k) => k !== null).length);
    const rare = [...all.entries()].filter(([k]) => k !== null).sort((a, b) => a[1] - b[1])[0]![0] as string;
    const found = facets(caseDb, { filter: EVERYTHING, column: 'ip_address', limit: 5, search: rare });
    expect(found.values.find((v) => v.value === rare)?.count).toBe(all.get(rare));
  });
});

describe('regex condition', () => {
  it('matches case-insensitively on dictionary and text columns, like a JS RegExp', () => {
    for (const cond of [
      { column: 'user_principal_name', op: 'regex', values: ['^(thandiwe|NADIA)\\.'] },
      { column: 'id', op: 'regex', values: ['^[0-3]'] },
      { column: 'status_code', op: 'regex', values: ['^5007'] },
    ] as Condition[]) {
      const filter = { conditions: [cond] };
      const expected = matching(filter).map((r) => Number(r.rid));
      expect(expected.length).toBeGreaterThan(0);
      expect(snapshotRids(filter, { column: 'created_at', dir: 'asc' }).sort((a, b) => a - b)).toEqual(expected);
    }
  });

  it.each([
    ['(unclosed', /invalid regular expression/],
    ['(a+)+$', /repeats a repeated group/],
    ['x'.repeat(201), /longer than 200/],
    ['(a)\\1', /back-references/],
  ])('refuses %s with a message', (pattern, message) => {
    const run = () => snapshotRids({ conditions: [{ column: 'user_principal_name', op: 'regex', values: [pattern] }] }, { column: 'created_at', dir: 'asc' });
    expect(run).toThrow(QueryError);
    expect(run).toThrow(message);
  });
});

describe('multi-column sort', () => {
  const cmp = (a: string | number | null, b: string | number | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  const text = (k: string) => (r: Row) => (r[k] === null ? null : String(r[k]).toLowerCase());

  it('sorting by status keeps time order within each status (ties follow the first key)', () => {
    for (const dir of ['asc', 'desc'] as const) {
      const got = snapshotRids(EVERYTHING, { column: 'status', dir });
      const expected = [...rows].sort((a, b) => cmp(text('status')(a), text('status')(b)) || time(a) - time(b) || Number(a.rid) - Number(b.rid)).map((r) => Number(r.rid));
      expect(got).toEqual(dir === 'asc' ? expected : expected.reverse());
    }
  });

  it('orders by each key in its own direction, then time, then rid', () => {
    const sort: SortKey[] = [
      { column: 'status', dir: 'asc' },
      { column: 'app_display_name', dir: 'desc' },
      { column: 'status_code', dir: 'asc' },
    ];
    const got = snapshotRids(EVERYTHING, sort);
    const expected = [...rows]
      .sort(
        (a, b) =>
          cmp(text('status')(a), text('status')(b)) ||
          cmp(text('app_display_name')(b), text('app_display_name')(a)) ||
          cmp(a.status_code ?? null, b.status_code ?? null) ||
          time(a) - time(b) ||
          Number(a.rid) - Number(b.rid),
      )
      .map((r) => Number(r.rid));
    expect(got).toEqual(expected);
  });

  it('a text key and time as a later key in its own direction', () => {
    const filter: FilterSpec = { conditions: [{ column: 'country', op: 'in', values: ['DE', 'FR'] }] };
    const got = snapshotRids(filter, [
      { column: 'user_principal_name', dir: 'asc' },
      { column: 'created_at', dir: 'desc' },
    ]);
    const expected = matching(filter)
      .sort((a, b) => cmp(text('user_principal_name')(a), text('user_principal_name')(b)) || time(b) - time(a) || Number(a.rid) - Number(b.rid))
      .map((r) => Number(r.rid));
    expect(got).toEqual(expected);
  });
});

describe('group by any column', () => {
  it('nested group counts sum to their parent and to the filter total', () => {
    const filter: FilterSpec = { conditions: [{ column: 'status', op: 'neq', values: ['Success'] }] };
    const by = ['app_display_name', 'status_code', 'country'];
    const top = groups(caseDb, { filter, by, path: [], offset: 0, limit: 1000 });
    expect(top.matching).toBe(matching(filter).length);
    expect(top.rows.reduce((s, g) => s + g.count, 0)).toBe(top.matching);
    expect(new Map(top.rows.map((g) => [g.value, g.count]))).toEqual(tally(matching(filter), 'app_display_name'));
    for (const app of top.rows.slice(0, 3)) {
      const second = groups(caseDb, { filter, by, path: [app.value], offset: 0, limit: 1000 });
      expect(second.matching).toBe(app.count);
      expect(second.rows.reduce((s, g) => s + g.count, 0)).toBe(app.count);
      const code = second.rows[0]!;
      const third = groups(caseDb, { filter, by, path: [app.value, code.value], offset: 0, limit: 1000 });
      expect(third.rows.reduce((s, g) => s + g.count, 0)).toBe(code.count);
      // The leaf's sign-ins are the snapshot of the path's filter.
      const leaf = third.rows[0]!;
      expect(snapshotRids(withGroupPath(filter, by, [app.value, code.value, leaf.value]), { column: 'created_at', dir: 'desc' })).toHaveLength(leaf.count);
    }
  });

  it('pages a level and counts empty values as their own group', () => {
    const first = groups(caseDb, { filter: EVERYTHING, by: ['ip_address'], path: [], offset: 0, limit: 10 });
    const next = groups(caseDb, { filter: EVERYTHING, by: ['ip_address'], path: [], offset: 10, limit: 10 });
    expect(first.total).toBe(tally(rows, 'ip_address').size);
    expect(new Set([...first.rows, ...next.rows].map((g) => g.value)).size).toBe(20);
    const byRisk = groups(caseDb, { filter: EVERYTHING, by: ['risk_detail'], path: [], offset: 0, limit: 1000 });
    expect(byRisk.rows.reduce((s, g) => s + g.count, 0)).toBe(rows.length);
  });

  it('refuses time and tags as group levels', () => {
    expect(() => groups(caseDb, { filter: EVERYTHING, by: ['created_at'], path: [], offset: 0, limit: 10 })).toThrow(/exact time/);
    expect(() => groups(caseDb, { filter: EVERYTHING, by: ['tags'], path: [], offset: 0, limit: 10 })).toThrow(/several tags/);
  });
});

describe('tags and starred columns', () => {
  it('show, filter, count, sort and group by the marks', () => {
    const failures = rows.filter((r) => r.status !== 'Success').map((r) => Number(r.rid));
    expect(failures.length).toBeGreaterThan(40);
    const spray = failures.slice(0, 40);
    changeTags(caseDb, 'tag', { rids: spray }, ['spray'], stamp);
    changeTags(caseDb, 'tag', { rids: spray.slice(0, 10) }, ['Confirmed'], stamp);
    for (const rid of [spray[0]!, Number(rows[100]!.rid)]) setStar(caseDb, { type: 'signin', rid }, true, stamp);

    const tagged = snapshotRids({ conditions: [{ column: 'tags', op: 'eq', values: ['spray'] }] }, { column: 'created_at', dir: 'asc' });
    expect([...tagged].sort((a, b) => a - b)).toEqual([...spray].sort((a, b) => a - b));
    expect(snapshotRids({ conditions: [{ column: 'tags', op: 'regex', values: ['^conf'] }] }, { column: 'created_at', dir: 'asc' })).toHaveLength(10);
    expect(snapshotRids({ conditions: [{ column: 'tags', op: 'isNull', values: [] }] }, { column: 'created_at', dir: 'asc' })).toHaveLength(rows.length - 40);
    expect(snapshotRids({ conditions: [{ column: 'starred', op: 'eq', values: [1] }] }, { column: 'created_at', dir: 'asc' })).toHaveLength(2);

    const store = new SnapshotStore();
    const info = store.create(caseDb, { conditions: [{ column: 'tags', op: 'notNull', values: [] }] }, [{ column: 'tags', dir: 'asc' }]);
    const page = store.page(caseDb, info.snapshotId, 0, 100, ['tags', 'starred', 'created_at']);
    const oldestConfirmed = rows.filter((r) => spray.slice(0, 10).includes(Number(r.rid))).sort((a, b) => time(a) - time(b) || Number(a.rid) - Number(b.rid))[0]!;
    expect(page.rids[0]).toBe(Number(oldestConfirmed.rid)); // "Confirmed, spray" sorts first, then time
    expect(page.rows[0]![0]).toBe('Confirmed, spray');
    expect(page.rows.find((_, i) => page.rids[i] === spray[0])?.[1]).toBe(1);
    expect(page.rows.filter((r) => r[1] === 1)).toHaveLength(1);
    expect(page.rows.slice(10).every((r) => r[0] === 'spray')).toBe(true);

    const counts = facets(caseDb, { filter: EVERYTHING, column: 'tags', limit: 10 });
    expect(counts.values).toEqual([
      { value: null, count: rows.length - 40 },
      { value: 'spray', count: 40 },
      { value: 'Confirmed', count: 10 },
    ]);
    const stars = groups(caseDb, { filter: EVERYTHING, by: ['starred'], path: [], offset: 0, limit: 10 });
    expect(stars.rows).toEqual([
      { value: 0, count: rows.length - 2 },
      { value: 1, count: 2 },
    ]);
  });
});
