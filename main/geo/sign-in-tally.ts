// Counts the filtered sign-ins per key (a rounded location, a country) in one sequential scan:
// SQLite would sort millions of rows to GROUP BY an expression, a JS map does not. The unfiltered
// view (the map's first view) is served from a per-case summary of (IP, country, user, status).
import { isEverything, type FilterSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { NUM_NULL } from '../db/row-spec';
import { CaseMemo } from '../query/case-cache';
import { buildWhere, type WhereClause } from '../query/filters';
import { statusIds } from './status-ids';

export interface Tally {
  total: number;
  success: number;
  failure: number;
  interrupted: number;
  users: Set<number>;
  ips: Map<number, number>; // ip id → sign-ins
}

type Visit = (ipK: number | null, countryK: number | null, userK: number | null, statusK: number | null, weight: number) => void;

/** Distinct (ip, country, user, status) of the whole case with their counts, flattened by fives. */
const wholeCase = new CaseMemo<number[]>((caseDb) => {
  const counts = new Map<string, number>();
  scanRows(caseDb, { sql: '1', params: [] }, (ip, country, user, status) => {
    const key = `${ip}|${country}|${user}|${status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const flat: number[] = [];
  for (const [key, n] of counts) flat.push(...key.split('|').map((v) => (v === 'null' ? -1 : Number(v))), n);
  return flat;
});

/** `keyOf(ipK, countryK)`: the row's key, or null for rows that belong to no key (unlocated). */
export function tallySignins(caseDb: CaseDb, filter: FilterSpec, keyOf: (ipK: number | null, countryK: number | null) => string | null): { tallies: Map<string, Tally>; unkeyed: number } {
  const ids = statusIds(caseDb);
  const tallies = new Map<string, Tally>();
  let unkeyed = 0;
  const visit: Visit = (ipK, countryK, userK, statusK, weight) => {
    const key = keyOf(ipK, countryK);
    if (key === null) {
      unkeyed += weight;
      return;
    }
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { total: 0, success: 0, failure: 0, interrupted: 0, users: new Set(), ips: new Map() }));
    t.total += weight;
    if (statusK === ids.success) t.success += weight;
    else if (statusK === ids.failure) t.failure += weight;
    else if (statusK === ids.interrupted) t.interrupted += weight;
    if (userK !== null) t.users.add(userK);
    if (ipK !== null) t.ips.set(ipK, (t.ips.get(ipK) ?? 0) + weight);
  };
  if (isEverything(filter)) {
    const flat = wholeCase.get(caseDb);
    const v = (x: number) => (x === -1 ? null : x);
    for (let i = 0; i < flat.length; i += 5) visit(v(flat[i]!), v(flat[i + 1]!), v(flat[i + 2]!), v(flat[i + 3]!), flat[i + 4]!);
  } else {
    scanRows(caseDb, buildWhere(caseDb, filter), (ip, country, user, status) => visit(ip, country, user, status, 1));
  }
  return { tallies, unkeyed };
}

function scanRows(caseDb: CaseDb, where: WhereClause, visit: (ip: number | null, country: number | null, user: number | null, status: number | null) => void): void {
  const sql = `SELECT d.ip_address_k, d.country_k, d.user_principal_name_k, d.status_k FROM signin_data d WHERE ${where.sql}`;
  caseDb.forEachTuple(sql, where.params, [NUM_NULL, NUM_NULL, NUM_NULL, NUM_NULL], ([ip, country, user, status]) => visit(ip, country, user, status));
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
