import { beforeAll, describe, expect, it } from 'vitest';
import type { Condition, FilterSpec } from '../../../shared/model/filter-spec';
import type { CaseDb } from '../../../main/db/case-db';
import { QueryError } from '../../../main/query/errors';
import { buildWhere } from '../../../main/query/filters';
import { SnapshotStore } from '../../../main/query/snapshot';
import { allRows, FIXTURE_START, importedCase, makeRecords, tempDir, writeGraphFile } from './helpers/graph-fixture';
import { matchingRids, type Row } from './helpers/brute-force';
import { all, scalar } from '../../helpers/sql';

let caseDb: CaseDb;
let rows: Row[];

beforeAll(async () => {
  caseDb = await importedCase([writeGraphFile(tempDir(), makeRecords(160))]);
  rows = allRows(caseDb);
});

function sqlRids(filter: FilterSpec): number[] {
  const w = buildWhere(caseDb, filter);
  return all(caseDb, `SELECT d.rid FROM signin_data d WHERE ${w.sql} ORDER BY d.rid`, w.params).map((r) => Number(r[0]));
}

const only = (...conditions: Condition[]): FilterSpec => ({ conditions });
const cond = (column: string, op: Condition['op'], ...values: (string | number)[]): Condition => ({ column, op, values });

describe('buildWhere: every operator agrees with a brute-force evaluation', () => {
  const cases: [string, Condition][] = [
    ['dict eq', cond('user_principal_name', 'eq', 'alice@contoso.com')],
    ['dict eq is exact about case', cond('user_principal_name', 'eq', 'Bob@contoso.com')],
    ['dict in', cond('app_display_name', 'in', 'Microsoft Teams', 'OfficeHome', 'not in the case')],
    ['dict neq keeps empty cells', cond('user_principal_name', 'neq', 'alice@contoso.com')],
    ['dict notIn', cond('app_display_name', 'notIn', 'Microsoft Teams', 'azure portal')],
    ['dict contains ignores case', cond('app_display_name', 'contains', 'PORTAL')],
    ['dict contains several values (any)', cond('user_agent', 'contains', 'variant 1', '<script>')],
    ['dict startsWith', cond('user_principal_name', 'startsWith', 'BOB')],
    ['dict notContains keeps empty cells', cond('resource_display_name', 'notContains', 'graph')],
    ['% is literal', cond('user_principal_name', 'contains', '%')],
    ['_ is literal', cond('user_principal_name', 'contains', '_')],
    ['dict isNull', cond('user_principal_name', 'isNull')],
    ['dict notNull', cond('device_name', 'notNull')],
    ['text eq', cond('id', 'eq', '00000000-0000-4000-8000-000000000007')],
    ['text contains', cond('correlation_id', 'contains', 'CORR-1')],
    ['text neq keeps empty cells', cond('session_id', 'neq', 'sess-1-0123456789')],
    ['text isNull', cond('session_id', 'isNull')],
    ['int eq', cond('status_code', 'eq', 50126)],
    ['int in with numeric strings', cond('status_code', 'in', '53003', '500121')],
    ['int neq keeps empty cells', cond('asn', 'neq', 8001)],
    ['int gte', cond('asn', 'gte', 8003)],
    ['int lte', cond('status_code', 'lte', 50126)],
    ['int startsWith (as text)', cond('status_code', 'startsWith', '500')],
    ['int isNull', cond('asn', 'isNull')],
    ['real gte', cond('latitude', 'gte', 30.5)],
    ['bool eq "true"', cond('is_compliant', 'eq', 'true')],
    ['bool eq 0', cond('is_managed', 'eq', 0)],
    ['time gte ISO text', cond('created_at', 'gte', '2025-03-03T12:00:00Z')],
    ['time lte epoch ms', cond('created_at', 'lte', FIXTURE_START + 2 * 86_400_000)],
  ];
  it.each(cases)('%s', (_label, c) => {
    const expected = matchingRids(rows, only(c));
    expect(sqlRids(only(c))).toEqual(expected);
  });

  it('the cases are discriminating (neither empty nor everything), except the exact-case one', () => {
    for (const [label, c] of cases) {
      const n = matchingRids(rows, only(c)).length;
      if (label.includes('exact about case')) continue;
      expect(n, label).toBeGreaterThan(0);
      expect(n, label).toBeLessThan(rows.length);
    }
    expect(matchingRids(rows, only(cond('user_principal_name', 'eq', 'bob@contoso.com')))).toEqual([]);
  });

  it('a value the case never saw matches nothing (eq) and everything (neq)', () => {
    expect(sqlRids(only(cond('user_principal_name', 'eq', 'nobody@contoso.com')))).toEqual([]);
    expect(sqlRids(only(cond('user_principal_name', 'neq', 'nobody@contoso.com')))).toHaveLength(rows.length);
  });

  it('conditions, time range and text combine with AND', () => {
    const filter: FilterSpec = {
      timeFrom: FIXTURE_START + 86_400_000,
      timeTo: FIXTURE_START + 5 * 86_400_000,
      text: 'contoso',
      conditions: [cond('status', 'eq', 'Success'), cond('client_app_used', 'neq', 'IMAP4')],
    };
    const expected = matchingRids(rows, filter);
    expect(expected.length).toBeGreaterThan(0);
    expect(sqlRids(filter)).toEqual(expected);
  });
});

describe('index use', () => {
  it('keeps selective conditions on their index and takes unselective ones off it (same results)', () => {
    expect(buildWhere(caseDb, only(cond('id', 'eq', '00000000-0000-4000-8000-000000000007'))).sql).toBe('d.id = ?');
    expect(buildWhere(caseDb, only(cond('status_code', 'eq', 0))).sql).toBe('+d.status_code = ?');
    expect(buildWhere(caseDb, { conditions: [], timeFrom: FIXTURE_START, timeTo: FIXTURE_START + 3_600_000 }).sql).toBe('d.created_ms >= ? AND d.created_ms < ?');
    expect(buildWhere(caseDb, { conditions: [], timeFrom: FIXTURE_START }).sql).toBe('+d.created_ms >= ?');
    // an index that holds every column the query reads is used whatever the share of rows
    expect(buildWhere(caseDb, { conditions: [], timeFrom: FIXTURE_START }, { reads: ['created_ms'] }).sql).toBe('d.created_ms >= ?');
    expect(buildWhere(caseDb, only(cond('status_code', 'eq', 0)), { reads: ['created_ms'] }).sql).toBe('d.status_code = ?');
    expect(buildWhere(caseDb, only(cond('status_code', 'eq', 0)), { reads: ['status_k'] }).sql).toBe('+d.status_code = ?');
    expect(buildWhere(caseDb, { conditions: [cond('status_code', 'eq', 0)], text: 'alice' }, { reads: ['created_ms'] }).sql).toMatch(/^\+d\.status_code = \?/);
  });
});

describe('CIDR ranges on ip_address', () => {
  const ipCases: [string, string[], (ip: string) => boolean][] = [
    ['IPv4 /8', ['10.0.0.0/8'], (ip) => ip.startsWith('10.')],
    ['IPv4 /9 splits 10.x', ['10.0.0.0/9'], (ip) => ip === '10.1.2.3'],
    ['plain IPv4 address', ['192.168.5.20'], (ip) => ip === '192.168.5.20'],
    ['IPv6 /32', ['2001:db8::/32'], (ip) => ip.startsWith('2001:db8:')],
    ['IPv6 /48', ['2001:db8:abcd::/48'], (ip) => ip === '2001:db8:abcd::1'],
    ['IPv4-mapped IPv6 matches its IPv4 range', ['198.51.100.0/24'], (ip) => ip === '::ffff:198.51.100.4'],
    ['several ranges (any)', ['203.0.113.0/24', '2a02::/16'], (ip) => ip === '203.0.113.7' || ip === '2a02:1234::5'],
    ['no match', ['172.16.0.0/12'], () => false],
  ];
  it.each(ipCases)('%s', (_label, values, ipMatches) => {
    const filter = only(cond('ip_address', 'cidr', ...values));
    expect(sqlRids(filter)).toEqual(matchingRids(rows, filter, ipMatches));
  });

  it('rejects text that is not an address or range, and other columns', () => {
    expect(() => buildWhere(caseDb, only(cond('ip_address', 'cidr', '10.0.0.0/33')))).toThrow(/not an IP address or CIDR/);
    expect(() => buildWhere(caseDb, only(cond('ip_address', 'cidr', 'contoso')))).toThrow(QueryError);
    expect(() => buildWhere(caseDb, only(cond('city', 'cidr', '10.0.0.0/8')))).toThrow(/applies to ip_address/);
  });
});

describe('free text', () => {
  const texts = ['alice', 'PYTHON', '<script>', '203.0.113', 'Lagos', 'imap4', '00000000-0000-4000-8000-000000000042', 'corr-3-abcdef0123', '50126', 'no such text anywhere'];
  it.each(texts)('"%s" matches what the brute force finds', (text) => {
    const filter: FilterSpec = { conditions: [], text };
    expect(sqlRids(filter)).toEqual(matchingRids(rows, filter));
  });

  it('matches identifiers exactly, not by substring', () => {
    expect(sqlRids({ conditions: [], text: '00000000-0000-4000-8000-000000000042' })).toHaveLength(1);
    expect(sqlRids({ conditions: [], text: '00000000-0000-4000' })).toEqual([]);
    expect(sqlRids({ conditions: [], text: 'corr-3-abcdef0123' })).toHaveLength(2);
  });
});

describe('pivot: any of several conditions (these users or these IPs), from T onwards', () => {
  const users = cond('user_principal_name', 'in', 'alice@contoso.com', 'carol@contoso.com');
  const ips = cond('ip_address', 'in', '203.0.113.7', '2a02:1234::5');
  it.each<[string, FilterSpec]>([
    ['users or IPs', { conditions: [], anyOf: [users, ips] }],
    ['users or IPs from T onwards', { conditions: [], anyOf: [users, ips], timeFrom: FIXTURE_START + 86_400_000 }],
    ['composed with a condition and a text search', { conditions: [cond('status_code', 'neq', 0)], text: 'teams', anyOf: [users, ips] }],
    ['one alternative only', { conditions: [], anyOf: [ips] }],
  ])('%s agrees with a brute-force evaluation', (_label, filter) => {
    const expected = matchingRids(rows, filter);
    expect(expected.length).toBeGreaterThan(0);
    expect(sqlRids(filter)).toEqual(expected);
  });

  it('holds more rows than either alternative alone and fewer than the case', () => {
    const both = sqlRids({ conditions: [], anyOf: [users, ips] }).length;
    const byUser = sqlRids(only(users)).length;
    const byIp = sqlRids(only(ips)).length;
    expect(both).toBeGreaterThan(Math.max(byUser, byIp));
    expect(both).toBeLessThan(rows.length);
  });
});

describe('row ids, tags and bad input', () => {
  it('keeps only the listed rids, short and long lists', () => {
    expect(sqlRids({ conditions: [], rids: [5, 3, 99_999] })).toEqual([3, 5]);
    const many = Array.from({ length: 500 }, (_, i) => i * 2 + 1);
    expect(sqlRids({ conditions: [], rids: many })).toEqual(many.filter((r) => r <= rows.length));
  });

  it('matches nothing by tag while the case has no annotations table, and uses it once it exists', async () => {
    const own = await importedCase([writeGraphFile(tempDir(), makeRecords(20))]);
    const count = (f: FilterSpec) => {
      const w = buildWhere(own, f);
      return Number(scalar(own, `SELECT count(*) FROM signin_data d WHERE ${w.sql}`, w.params));
    };
    expect(count({ conditions: [], tags: ['suspicious'] })).toBe(0);
    expect(count({ conditions: [] })).toBe(20);
    own.exec("CREATE TABLE annotations (rid INTEGER, tag TEXT); INSERT INTO annotations VALUES (2, 'suspicious'), (7, 'suspicious'), (9, 'benign');");
    expect(count({ conditions: [], tags: ['suspicious'] })).toBe(2);
    expect(count({ conditions: [], tags: ['suspicious', 'benign'] })).toBe(3);
  });

  it('refuses unknown columns, unsupported operators and unusable values with INVALID_INPUT', () => {
    const bad: FilterSpec[] = [
      only(cond('password', 'eq', 'x')),
      only(cond('rid; DROP TABLE strings', 'eq', 1)),
      only(cond('user_principal_name', 'gte', 'a')),
      only(cond('created_at', 'contains', '2025')),
      only(cond('status_code', 'eq', 'fifty')),
      only(cond('user_principal_name', 'eq')),
    ];
    for (const f of bad) {
      let error: unknown;
      try {
        buildWhere(caseDb, f);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(f)).toBeInstanceOf(QueryError);
      expect((error as QueryError).code).toBe('INVALID_INPUT');
    }
    expect(Number(scalar(caseDb, 'SELECT count(*) FROM strings'))).toBeGreaterThan(0);
  });

  it('snapshot counts equal the brute-force counts', () => {
    const store = new SnapshotStore();
    const filter = only(cond('status', 'neq', 'Success'), cond('country', 'in', 'US', 'NG'));
    const info = store.create(caseDb, filter, { column: 'created_at', dir: 'asc' });
    expect(info.matching).toBe(matchingRids(rows, filter).length);
    expect(info.total).toBe(rows.length);
  });
});
