// Counts the filtered sign-ins per key (a rounded location, a country) in one sequential scan:
// SQLite would sort millions of rows to GROUP BY an expression, a JS map does not.
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { buildWhere } from '../query/filters';
import { statusIds } from './status-ids';

export interface Tally {
  total: number;
  success: number;
  failure: number;
  interrupted: number;
  users: Set<number>;
  ips: Map<number, number>; // ip id → sign-ins
}

/** `keyOf(ipK, countryK)`: the row's key, or null for rows that belong to no key (unlocated). */
export function tallySignins(caseDb: CaseDb, filter: FilterSpec, keyOf: (ipK: number | null, countryK: number | null) => string | null): { tallies: Map<string, Tally>; unkeyed: number } {
  const where = buildWhere(caseDb, filter);
  const ids = statusIds(caseDb);
  const tallies = new Map<string, Tally>();
  let unkeyed = 0;
  const stmt = caseDb.db.prepare(`SELECT d.ip_address_k, d.country_k, d.user_principal_name_k, d.status_k FROM signin_data d WHERE ${where.sql}`);
  try {
    stmt.bind(where.params);
    while (stmt.step()) {
      const [ipK, countryK, userK, statusK] = stmt.get() as (number | null)[];
      const key = keyOf(ipK ?? null, countryK ?? null);
      if (key === null) {
        unkeyed++;
        continue;
      }
      let t = tallies.get(key);
      if (!t) tallies.set(key, (t = { total: 0, success: 0, failure: 0, interrupted: 0, users: new Set(), ips: new Map() }));
      t.total++;
      if (statusK === ids.success) t.success++;
      else if (statusK === ids.failure) t.failure++;
      else if (statusK === ids.interrupted) t.interrupted++;
      if (userK !== null && userK !== undefined) t.users.add(userK);
      if (ipK !== null && ipK !== undefined) t.ips.set(ipK, (t.ips.get(ipK) ?? 0) + 1);
    }
  } finally {
    stmt.free();
  }
  return { tallies, unkeyed };
}

/** The IP with the most sign-ins in a tally. */
export function busiestIp(t: Tally): number | null {
  let best: number | null = null;
  let most = -1;
  for (const [ip, n] of t.ips) {
    if (n > most) [best, most] = [ip, n];
  }
  return best;
}
