import { beforeAll, describe, expect, it } from 'vitest';
import type { FilterSpec } from '../../../shared/model/filter-spec';
import type { CaseDb } from '../../../main/db/case-db';
import { aggregate } from '../../../main/query/aggregate';
import { buildWhere } from '../../../main/query/filters';
import { groupFilter, WINDOW_MS, type AggregateRow, type AggregateWindow } from '../../../renderer/components/aggregate/group-filter';
import { graphSignin } from '../../helpers/graph-records';
import { filterMatches, type Row } from './helpers/brute-force';
import { allRows, importedCase, tempDir, writeGraphFile, type GraphRecord } from './helpers/graph-fixture';
import { scalar } from '../../helpers/sql';

// Non-interactive and service-principal sign-ins packed around UTC hour, 6 h and day boundaries, few
// distinct values so that groups hold many rows; some rows have no resource (NULL in the key), and
// some neither a user nor a service principal (a failure before the account was known).
const START = Date.UTC(2025, 2, 3, 20, 0, 0);
const USERS = ['alice@contoso.com', 'bob@contoso.com', null, null];
const SPS = ['svc-backup', 'svc-sync'];

function records(count: number): GraphRecord[] {
  let s = 7;
  const pick = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), Math.floor((s / 2147483648) * n));
  return Array.from({ length: count }, () => {
    const user = USERS[pick(USERS.length)]!;
    return graphSignin({
      createdDateTime: new Date(START + pick(30 * 3600) * 1000).toISOString(), // 20:00 → 02:00 two days on
      isInteractive: false,
      userPrincipalName: user,
      userDisplayName: user,
      servicePrincipalName: user ? null : (SPS[pick(SPS.length + 1)] ?? null),
      appDisplayName: ['Microsoft Teams', 'OfficeHome'][pick(2)],
      ipAddress: ['203.0.113.10', '198.51.100.7'][pick(2)],
      resourceDisplayName: pick(4) === 0 ? null : 'Microsoft Graph',
      status: { errorCode: pick(5) === 0 ? 50126 : 0, failureReason: null },
    }) as GraphRecord;
  });
}

let caseDb: CaseDb;
let rows: Row[];

beforeAll(async () => {
  caseDb = await importedCase([writeGraphFile(tempDir(), records(400))]);
  rows = allRows(caseDb);
});

function allGroups(filter: FilterSpec, window: AggregateWindow): AggregateRow[] {
  const first = aggregate(caseDb, { filter, window, offset: 0, limit: 1000 });
  expect(first.rows.length).toBe(first.total);
  return first.rows;
}

/** The same grouping done the obvious way over the rows of the `signins` view. */
function bruteForce(filter: FilterSpec, window: AggregateWindow, over: readonly Row[] = rows): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of over.filter((row) => filterMatches(row, filter))) {
    const start = Math.floor(Date.parse(String(r.created_at)) / WINDOW_MS[window]) * WINDOW_MS[window];
    const key = keyOf(start, r.app_display_name, r.user_principal_name ?? r.service_principal_name, r.ip_address, r.status, r.resource_display_name);
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

const keyOf = (...parts: unknown[]) => JSON.stringify(parts);

function matchingCount(filter: FilterSpec): number {
  const where = buildWhere(caseDb, filter);
  return Number(scalar(caseDb, `SELECT count(*) FROM signin_data d WHERE ${where.sql}`, where.params));
}

describe('query.aggregate', () => {
  const filters: [string, FilterSpec][] = [
    ['everything', { conditions: [] }],
    ['successes in a time range', { timeFrom: START + 3 * 3600_000 + 17 * 60_000, timeTo: START + 20 * 3600_000, conditions: [{ column: 'status', op: 'eq', values: ['Success'] }] }],
  ];

  for (const window of ['1h', '6h', '24h'] as const) {
    for (const [name, filter] of filters) {
      it(`${window} groups of ${name} have the brute-force counts`, () => {
        const groups = allGroups(filter, window);
        const got = new Map(groups.map((g) => [keyOf(g.windowStart, g.app, g.user, g.ip, g.status, g.resource), g.count]));
        expect(got.size).toBe(groups.length); // no key twice
        expect(got).toEqual(bruteForce(filter, window));
        expect(groups.some((g) => g.count > 1)).toBe(true);
      });
    }
  }

  it('aligns windows to UTC hours, 6 h blocks and days, and keeps first/last inside', () => {
    for (const window of ['1h', '6h', '24h'] as const) {
      for (const g of allGroups({ conditions: [] }, window)) {
        const d = new Date(g.windowStart);
        expect(d.getUTCMinutes() + d.getUTCSeconds() + d.getUTCMilliseconds()).toBe(0);
        if (window !== '1h') expect(d.getUTCHours() % (window === '6h' ? 6 : 24)).toBe(0);
        expect(g.first).toBeGreaterThanOrEqual(g.windowStart);
        expect(g.last).toBeLessThan(g.windowStart + WINDOW_MS[window]);
        expect(g.first).toBeLessThanOrEqual(g.last);
      }
    }
    // The data straddles midnight, so the day windows are exactly the two (or three) UTC dates.
    const days = allGroups({ conditions: [] }, '24h').map((g) => new Date(g.windowStart).toISOString().slice(0, 10));
    expect(new Set(days)).toEqual(new Set(['2025-03-03', '2025-03-04', '2025-03-05']));
  });

  it('sorts newest window first, then busiest group first, and pages consistently', () => {
    const groups = allGroups({ conditions: [] }, '1h');
    for (let i = 1; i < groups.length; i++) {
      const [a, b] = [groups[i - 1]!, groups[i]!];
      expect(a.windowStart > b.windowStart || (a.windowStart === b.windowStart && a.count >= b.count)).toBe(true);
    }
    const paged = [0, 7, 14, 21].flatMap((offset) => aggregate(caseDb, { filter: { conditions: [] }, window: '1h', offset, limit: 7 }).rows);
    expect(paged).toEqual(groups.slice(0, 28));
  });

  it('names the service principal when there is no user, and NULL keys stay NULL', () => {
    const groups = allGroups({ conditions: [] }, '6h');
    const sp = groups.filter((g) => g.servicePrincipal);
    expect(new Set(sp.map((g) => g.user))).toEqual(new Set(SPS));
    expect(groups.some((g) => g.resource === null)).toBe(true);
    expect(groups.filter((g) => !g.servicePrincipal && g.user !== null).every((g) => g.user!.endsWith('@contoso.com'))).toBe(true);
  });

  it('marks only service-principal groups as such: a group with neither user nor SP is not one', () => {
    const groups = allGroups({ conditions: [] }, '6h');
    const nobody = groups.filter((g) => g.user === null);
    expect(nobody.length).toBeGreaterThan(0);
    expect(nobody.every((g) => !g.servicePrincipal)).toBe(true);
    expect(groups.filter((g) => g.servicePrincipal).every((g) => g.user !== null && SPS.includes(g.user))).toBe(true);
    for (const g of nobody) expect(matchingCount(groupFilter({ conditions: [] }, '6h', g))).toBe(g.count);
  });

  it('expanding a group selects exactly its sign-ins, NULL keys included', () => {
    for (const [, base] of filters) {
      for (const window of ['1h', '6h', '24h'] as const) {
        const groups = allGroups(base, window);
        for (const g of groups) expect(matchingCount(groupFilter(base, window, g))).toBe(g.count);
        expect(groups.some((g) => g.resource === null && g.servicePrincipal)).toBe(true);
      }
    }
  });
});

describe('query.aggregate with thousands of groups', () => {
  it('keeps every group apart as its tables grow', async () => {
    // Unique IPs put nearly every row in a group of its own, so the group table grows and rehashes;
    // a few rows repeated under new ids make groups of two.
    const many: GraphRecord[] = records(2600).map((r, i) => ({ ...r, ipAddress: `10.${i >> 8}.${i & 255}.${i % 3}` }));
    const again = many.slice(0, 300).map((r) => ({ ...r, id: `${r.id}-again`, correlationId: `again-${String(r.correlationId)}` }));
    const big = await importedCase([writeGraphFile(tempDir(), [...many, ...again])]);
    const bigRows = allRows(big);
    const pages = [0, 1000, 2000].map((offset) => aggregate(big, { filter: { conditions: [] }, window: '24h', offset, limit: 1000 }));
    const groups = pages.flatMap((p) => p.rows);
    expect(groups.length).toBe(pages[0]!.total);
    expect(groups.length).toBeGreaterThan(2048);
    const got = new Map(groups.map((g) => [keyOf(g.windowStart, g.app, g.user, g.ip, g.status, g.resource), g.count]));
    expect(got).toEqual(bruteForce({ conditions: [] }, '24h', bigRows));
    expect(groups.filter((g) => g.count === 2).length).toBe(300);
  });
});
