// Supporting sign-ins of a finding: fetched with one indexed query per window, deduplicated by rid,
// then summarised (time range, users, IPs) and turned into a Finding with a capped rid list.
import { MAX_FINDING_RIDS, type Finding, type FindingDetails, type Severity } from '../../shared/model/detection';
import type { CaseDb } from '../db/case-db';
import { CELL, NUM, NUM_NULL, type Cell, type SqlParams } from '../db/row-spec';
import { stringValues } from '../db/string-text';

export interface SigninRow {
  rid: number;
  ms: number;
  user: number | null; // user_principal_name_k
  ip: number | null; // ip_address_k
  asn: number | null;
  code: number | null;
  /** Values of the extra columns asked for, in order. */
  extra: Cell[];
}

const ROW_SQL = 'rid, created_ms, user_principal_name_k, ip_address_k, asn, status_code';
/** Users and IPs listed on a finding; the counts in `details` stay exact. */
const MAX_LISTED = 1000;

/** Rows of `signin_data` matching `where`, oldest first. `where` is built from constants and numbers only. */
export function selectRows(db: CaseDb, where: string, params: SqlParams = [], extraColumns: readonly string[] = []): SigninRow[] {
  const extras = extraColumns.length ? `, ${extraColumns.join(', ')}` : '';
  const kinds = [NUM, NUM_NULL, NUM_NULL, NUM_NULL, NUM_NULL, NUM_NULL, ...extraColumns.map((): typeof CELL => CELL)] as const;
  return db.tuples(`SELECT ${ROW_SQL}${extras} FROM signin_data WHERE ${where} ORDER BY created_ms, rid`, params, kinds).map(([rid, ms, user, ip, asn, code, ...extra]) => ({
    rid,
    ms: ms ?? 0,
    user,
    ip,
    asn,
    code,
    extra,
  }));
}

export class Evidence {
  private readonly byRid = new Map<number, SigninRow>();

  constructor(rows: Iterable<SigninRow> = []) {
    this.add(rows);
  }

  add(rows: Iterable<SigninRow>): this {
    for (const r of rows) this.byRid.set(r.rid, r);
    return this;
  }

  get size(): number {
    return this.byRid.size;
  }

  rows(): SigninRow[] {
    return [...this.byRid.values()].sort((a, b) => a.ms - b.ms || a.rid - b.rid);
  }

  count(pred: (r: SigninRow) => boolean): number {
    let n = 0;
    for (const r of this.byRid.values()) if (pred(r)) n++;
    return n;
  }

  distinct(pick: (r: SigninRow) => number | null): Set<number> {
    const out = new Set<number>();
    for (const r of this.byRid.values()) {
      const v = pick(r);
      if (v !== null) out.add(v);
    }
    return out;
  }

  get from(): number {
    let m = Infinity;
    for (const r of this.byRid.values()) m = Math.min(m, r.ms);
    return m;
  }

  get to(): number {
    let m = -Infinity;
    for (const r of this.byRid.values()) m = Math.max(m, r.ms);
    return m;
  }

  toFinding(db: CaseDb, f: { ruleId: string; severity: Severity; title: string; details?: FindingDetails }): Finding {
    const rows = this.rows();
    const users = rankByFrequency(rows.map((r) => r.user));
    const ips = rankByFrequency(rows.map((r) => r.ip));
    const text = stringValues(db, [...users.slice(0, MAX_LISTED), ...ips.slice(0, MAX_LISTED)]);
    const names = (ids: number[]) => ids.slice(0, MAX_LISTED).map((id) => text.get(id) ?? `#${id}`);
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      timeFrom: rows[0]?.ms ?? 0,
      timeTo: rows[rows.length - 1]?.ms ?? 0,
      users: names(users),
      ips: names(ips),
      signinCount: rows.length,
      rids: rows.slice(0, MAX_FINDING_RIDS).map((r) => r.rid),
      details: { userCount: users.length, ipCount: ips.length, ...f.details },
    };
  }
}

/** Distinct non-null ids, most frequent first (ties by id for stable output). */
function rankByFrequency(ids: readonly (number | null)[]): number[] {
  const counts = new Map<number, number>();
  for (const id of ids) if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
}

/** An extra column of a row as a number (dict ids, coordinates), null when absent. */
export function extraNum(r: SigninRow, i: number): number | null {
  const v = r.extra[i];
  return v === null || v === undefined ? null : Number(v);
}

/** Non-null dictionary ids found in the given extra columns of the rows (for one batched decode). */
export function extraIds(rows: readonly SigninRow[], columns: readonly number[]): number[] {
  const ids = new Set<number>();
  for (const r of rows)
    for (const i of columns) {
      const v = extraNum(r, i);
      if (v !== null) ids.add(v);
    }
  return [...ids];
}
