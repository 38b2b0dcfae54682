// Pivot: the users, IPs and time span of a lead (selected sign-ins, a session), and the filter it
// becomes: every sign-in of those users or IPs from the lead's first sign-in on.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDb } from '../../../main/db/case-db';
import { buildWhere } from '../../../main/query/filters';
import { scopeOf } from '../../../main/query/pivot';
import { pivotFilter } from '../../../shared/model/pivot';
import { allRows, importedCase, makeRecords, tempDir, writeGraphFile } from './helpers/graph-fixture';
import { matchingRids, type Row } from './helpers/brute-force';
import { all } from '../../helpers/sql';

let caseDb: CaseDb;
let rows: Row[];

beforeAll(async () => {
  caseDb = await importedCase([writeGraphFile(tempDir(), makeRecords(160))]);
  rows = allRows(caseDb);
});

const sqlRids = (filter: Parameters<typeof buildWhere>[1]) => {
  const w = buildWhere(caseDb, filter);
  return all(caseDb, `SELECT d.rid FROM signin_data d WHERE ${w.sql} ORDER BY d.rid`, w.params).map((r) => Number(r[0]));
};

describe('pivot scope and filter', () => {
  it('names the users, IPs and time span of selected sign-ins', () => {
    const picked = [rows[40]!, rows[7]!, rows[99]!];
    const scope = scopeOf(caseDb, { conditions: [], rids: picked.map((r) => Number(r.rid)) });
    const times = picked.map((r) => Date.parse(String(r.created_at)));
    expect(scope.signins).toBe(3);
    expect(scope.timeFrom).toBe(Math.min(...times));
    expect(scope.timeTo).toBe(Math.max(...times));
    expect([...scope.users].sort()).toEqual([...new Set(picked.map((r) => r.user_principal_name).filter((u) => u !== null))].sort());
    expect([...scope.ips].sort()).toEqual([...new Set(picked.map((r) => r.ip_address).filter((u) => u !== null))].sort());
    expect(scope).toMatchObject({ usersLeftOut: 0, ipsLeftOut: 0 });
  });

  it('becomes a filter of every sign-in of those users or IPs from the first one on', () => {
    const picked = [rows[40]!, rows[99]!];
    const scope = scopeOf(caseDb, { conditions: [], rids: picked.map((r) => Number(r.rid)) });
    const filter = pivotFilter(scope);
    expect(filter.timeFrom).toBe(scope.timeFrom);
    const got = sqlRids(filter);
    expect(got).toEqual(matchingRids(rows, filter));
    for (const r of picked) expect(got).toContain(Number(r.rid));
    const later = rows.filter((r) => Date.parse(String(r.created_at)) >= scope.timeFrom! && (scope.users.includes(String(r.user_principal_name)) || scope.ips.includes(String(r.ip_address))));
    expect(got).toEqual(later.map((r) => Number(r.rid)).sort((a, b) => a - b));
  });

  it('is empty for a filter that matches nothing', () => {
    expect(scopeOf(caseDb, { conditions: [], rids: [999_999] })).toEqual({ users: [], ips: [], timeFrom: null, timeTo: null, signins: 0, usersLeftOut: 0, ipsLeftOut: 0 });
  });
});
