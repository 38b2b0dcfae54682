// The users, IPs and time span of the sign-ins of a filter (a selection, a session), most frequent
// first: what a pivot filter (shared/model/pivot.ts) and a zoom to the lead need.
import { LIMITS } from '../../shared/api/limits';
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { PivotScope } from '../../shared/model/pivot';
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL, STR } from '../db/row-spec';
import { buildWhere } from './filters';

export function scopeOf(caseDb: CaseDb, filter: FilterSpec): PivotScope {
  const where = buildWhere(caseDb, filter);
  const rows = `SELECT d.user_principal_name_k AS u, d.ip_address_k AS ip, d.created_ms AS ms FROM signin_data d WHERE ${where.sql}`;
  const ranked = (column: 'u' | 'ip') => {
    const sql = `SELECT s.value FROM (${rows}) r JOIN strings s ON s.id = r.${column} GROUP BY r.${column} ORDER BY count(*) DESC, s.value`;
    const values = caseDb.rows(sql, where.params, { value: STR }).map((r) => r.value);
    return { kept: values.slice(0, LIMITS.maxValues), leftOut: Math.max(0, values.length - LIMITS.maxValues) };
  };
  const users = ranked('u');
  const ips = ranked('ip');
  const span = caseDb.first(`SELECT count(*) AS n, min(ms) AS first, max(ms) AS last FROM (${rows})`, where.params, { n: NUM, first: NUM_NULL, last: NUM_NULL });
  return { users: users.kept, ips: ips.kept, timeFrom: span?.first ?? null, timeTo: span?.last ?? null, signins: span?.n ?? 0, usersLeftOut: users.leftOut, ipsLeftOut: ips.leftOut };
}
