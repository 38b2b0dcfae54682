// The users, IPs and time span of the sign-ins of a filter (a selection, a session), most frequent
// first: what a pivot filter (shared/model/pivot.ts) and a zoom to the lead need.
import { LIMITS } from '../../shared/api/limits';
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { PivotScope } from '../../shared/model/pivot';
import type { CaseDb } from '../db/case-db';
import { buildWhere } from './filters';

export function scopeOf(caseDb: CaseDb, filter: FilterSpec): PivotScope {
  const where = buildWhere(caseDb, filter);
  const rows = `SELECT d.user_principal_name_k AS u, d.ip_address_k AS ip, d.created_ms AS ms FROM signin_data d WHERE ${where.sql}`;
  const ranked = (column: 'u' | 'ip') => {
    const values = caseDb.all(`SELECT s.value FROM (${rows}) r JOIN strings s ON s.id = r.${column} GROUP BY r.${column} ORDER BY count(*) DESC, s.value`, where.params).map((r) => String(r[0]));
    return { kept: values.slice(0, LIMITS.maxValues), leftOut: Math.max(0, values.length - LIMITS.maxValues) };
  };
  const users = ranked('u');
  const ips = ranked('ip');
  const [count, from, to] = caseDb.all(`SELECT count(*), min(ms), max(ms) FROM (${rows})`, where.params)[0]!;
  const time = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return { users: users.kept, ips: ips.kept, timeFrom: time(from), timeTo: time(to), signins: Number(count), usersLeftOut: users.leftOut, ipsLeftOut: ips.leftOut };
}
