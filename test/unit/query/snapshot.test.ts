import { beforeAll, describe, expect, it } from 'vitest';
import type { FilterSpec, SortKey, SortSpec } from '../../../shared/model/filter-spec';
import type { CaseDb } from '../../../main/db/case-db';
import { QueryError } from '../../../main/query/errors';
import { SnapshotStore } from '../../../main/query/snapshot';
import { allRows, importedCase, makeRecords, tempDir, writeGraphFile } from './helpers/graph-fixture';
import { filterMatches, type Row } from './helpers/brute-force';

let caseDb: CaseDb;
let rows: Row[];
const EVERYTHING: FilterSpec = { conditions: [] };

beforeAll(async () => {
  caseDb = await importedCase([writeGraphFile(tempDir(), makeRecords(150))]);
  rows = allRows(caseDb);
});

type Key = string | number | null;

/** Expected order: NULL first, then the key, then time, then rid; descending is the exact reverse. */
function expectedOrder(key: (r: Row) => Key, dir: SortKey['dir'], filter: FilterSpec = EVERYTHING): number[] {
  const cmp = (a: Key, b: Key) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  const time = (r: Row) => (r.created_at === null ? null : Date.parse(String(r.created_at)));
  const sorted = rows.filter((r) => filterMatches(r, filter)).sort((a, b) => cmp(key(a), key(b)) || cmp(time(a), time(b)) || Number(a.rid) - Number(b.rid));
  const rids = sorted.map((r) => Number(r.rid));
  return dir === 'asc' ? rids : rids.reverse();
}

function snapshotRids(store: SnapshotStore, filter: FilterSpec, sort: SortSpec): number[] {
  const info = store.create(caseDb, filter, sort);
  return info.matching === 0 ? [] : store.page(caseDb, info.snapshotId, 0, 1000, []).rids;
}

const lowerText = (k: string) => (r: Row) => (r[k] === null ? null : `${String(r[k]).toLowerCase()}\u0000${String(r[k])}`);

describe('sort order', () => {
  const store = new SnapshotStore();
  const success: FilterSpec = { conditions: [{ column: 'status', op: 'eq', values: ['Success'] }] };

  it.each(['asc', 'desc'] as const)('dictionary columns sort by text, case-insensitively (%s)', (dir) => {
    const got = snapshotRids(store, EVERYTHING, { column: 'app_display_name', dir });
    expect(got).toEqual(expectedOrder(lowerText('app_display_name'), dir));
    const apps = got.map((rid) => rows[rid - 1]!.app_display_name);
    const asc = dir === 'asc' ? apps : [...apps].reverse();
    expect(asc.indexOf('azure portal')).toBeLessThan(asc.indexOf('Microsoft Teams')); // not by string id or binary case
  });

  it('empty values sort first ascending and last descending', () => {
    const asc = snapshotRids(store, EVERYTHING, { column: 'user_principal_name', dir: 'asc' });
    expect(asc).toEqual(expectedOrder(lowerText('user_principal_name'), 'asc'));
    expect(rows[asc[0]! - 1]!.user_principal_name).toBeNull();
    const desc = snapshotRids(store, success, { column: 'user_principal_name', dir: 'desc' });
    expect(desc).toEqual(expectedOrder(lowerText('user_principal_name'), 'desc', success));
  });

  it('IP addresses sort numerically, IPv4 (and IPv4-mapped) before IPv6', () => {
    const got = snapshotRids(store, EVERYTHING, { column: 'ip_address', dir: 'asc' });
    const seen = [...new Set(got.map((rid) => rows[rid - 1]!.ip_address))];
    expect(seen).toEqual(['10.1.2.3', '10.200.0.9', '192.168.5.20', '::ffff:198.51.100.4', '203.0.113.7', '2001:db8:abcd::1', '2001:db8:ffff::42', '2a02:1234::5']);
  });

  it.each([
    ['status_code', 'asc'],
    ['asn', 'desc'],
    ['latitude', 'asc'],
    ['is_compliant', 'desc'],
  ] as const)('numbers sort by value: %s %s', (column, dir) => {
    expect(snapshotRids(store, EVERYTHING, { column, dir })).toEqual(expectedOrder((r) => r[column] ?? null, dir));
  });

  it.each([
    ['no filter (index order)', EVERYTHING],
    ['a time window (index order)', { conditions: [], timeFrom: Date.UTC(2025, 2, 2), timeTo: Date.UTC(2025, 2, 5) }],
    ['a filter on another column', success],
  ] as [string, FilterSpec][])('time sorts the same with %s', (_label, filter) => {
    for (const dir of ['asc', 'desc'] as const) {
      expect(snapshotRids(store, filter, { column: 'created_at', dir })).toEqual(expectedOrder((r) => r.created_at ?? null, dir, filter));
    }
  });

  it.each([
    ['few rows', { conditions: [{ column: 'correlation_id', op: 'in', values: ['corr-3-abcdef0123', 'corr-70-abcdef0123', 'corr-12-abcdef0123'] }] }],
    ['many rows', { conditions: [{ column: 'user_principal_name', op: 'eq', values: ['alice@contoso.com'] }] }],
  ] as [string, FilterSpec][])('rows found through an index are put back in order (%s)', (_label, filter) => {
    for (const dir of ['asc', 'desc'] as const) {
      const expected = expectedOrder((r) => r.created_at ?? null, dir, filter);
      expect(expected.length).toBeGreaterThan(2);
      expect(snapshotRids(store, filter, { column: 'created_at', dir })).toEqual(expected);
    }
  });

  it('high-cardinality text columns sort case-insensitively', () => {
    const got = snapshotRids(store, EVERYTHING, { column: 'correlation_id', dir: 'asc' });
    expect(got).toEqual(expectedOrder(lowerText('correlation_id'), 'asc'));
  });

  it('rejects an unknown sort column', () => {
    expect(() => store.create(caseDb, EVERYTHING, { column: 'nope', dir: 'asc' })).toThrow(QueryError);
  });
});

describe('pages', () => {
  it('returns the rows at the requested positions, columns in the requested order', () => {
    const store = new SnapshotStore();
    const info = store.create(caseDb, EVERYTHING, { column: 'app_display_name', dir: 'desc' });
    const order = expectedOrder(lowerText('app_display_name'), 'desc');
    const page = store.page(caseDb, info.snapshotId, 40, 25, ['status_code', 'user_principal_name', 'created_at', 'is_compliant']);
    expect(page.rids).toEqual(order.slice(40, 65));
    page.rids.forEach((rid, i) => {
      const r = rows[rid - 1]!;
      expect(page.rows[i]).toEqual([r.status_code, r.user_principal_name, r.created_at, r.is_compliant]);
    });
    expect(store.page(caseDb, info.snapshotId, 140, 50, ['id']).rids).toEqual(order.slice(140));
    expect(store.page(caseDb, info.snapshotId, 500, 50, ['id'])).toEqual({ rows: [], rids: [] });
  });

  it('refuses unknown columns, unknown snapshots and snapshots of another case', async () => {
    const store = new SnapshotStore();
    const info = store.create(caseDb, EVERYTHING, { column: 'created_at', dir: 'asc' });
    expect(() => store.page(caseDb, info.snapshotId, 0, 10, ['created_at', 'secret'])).toThrow(/unknown column/);
    const expired = (() => {
      try {
        store.page(caseDb, 12345, 0, 10, ['id']);
      } catch (e) {
        return e as QueryError;
      }
    })();
    expect(expired?.code).toBe('NOT_FOUND');
    const other = await importedCase([writeGraphFile(tempDir(), makeRecords(5))]);
    expect(() => store.page(other, info.snapshotId, 0, 10, ['id'])).toThrow(QueryError);
  });

  it('keeps at most 8 snapshots, dropping the least recently used', () => {
    const store = new SnapshotStore();
    const sort: SortSpec = { column: 'created_at', dir: 'asc' };
    const distinct = (i: number) => ({ ...EVERYTHING, timeFrom: i }); // eight different filters
    const ids = Array.from({ length: 8 }, (_, i) => store.create(caseDb, distinct(i), sort).snapshotId);
    expect(new Set(ids).size).toBe(8);
    expect(ids.every((id) => store.has(id))).toBe(true);
    store.page(caseDb, ids[0]!, 0, 1, ['id']); // the oldest is in use again
    const ninth = store.create(caseDb, distinct(8), sort).snapshotId;
    expect(store.has(ninth)).toBe(true);
    expect(store.has(ids[0]!)).toBe(true);
    expect(store.has(ids[1]!)).toBe(false);
    expect(ids.slice(2).every((id) => store.has(id))).toBe(true);
  });

  it('reuses a kept snapshot for the same filter and sort, but never for tag filters', () => {
    const store = new SnapshotStore();
    const sort: SortSpec = { column: 'created_at', dir: 'asc' };
    const first = store.create(caseDb, EVERYTHING, sort);
    store.create(caseDb, { ...EVERYTHING, timeFrom: 1 }, sort);
    expect(store.create(caseDb, EVERYTHING, sort)).toMatchObject({ snapshotId: first.snapshotId, matching: first.matching });
    expect(store.create(caseDb, EVERYTHING, { column: 'created_at', dir: 'desc' }).snapshotId).not.toBe(first.snapshotId);
    const tagged = { ...EVERYTHING, tags: ['ioc'] };
    expect(store.create(caseDb, tagged, sort).snapshotId).not.toBe(store.create(caseDb, tagged, sort).snapshotId);
  });
});
