// sessions.list: the precomputed sessions that have a sign-in matching the filter, sorted on an
// indexed summary column, paged by keyset (cursor) or position. The filter → sessions mapping is
// materialized once per filter in a temp table, so scrolling only reads index ranges.
import type { z } from 'zod';
import type { FilterSpec } from '../../shared/model/filter-spec';
import { SESSION_SORT_COLUMNS, type SessionCursor, type SessionsListReq, type SessionsListRes } from '../../shared/model/session';
import type { CaseDb } from '../db/case-db';
import { caseVersion } from '../query/case-cache';
import { buildWhere } from '../query/filters';
import { flagBits } from './build-sessions';
import { hasSessions, SESSIONS_META_KEY } from './session-table';
import { SUMMARY_SELECT, toSummary } from './session-rows';

type ListResult = z.infer<typeof SessionsListRes>;
type Param = string | number;

/** Remembers the last filter's matching sessions and the totals counted under it. */
export class SessionMatchCache {
  private key: string | null = null;
  private readonly totals = new Map<string, number>();

  /** A SQL condition on `s` for the filter (materializing it when it changed). */
  condition(caseDb: CaseDb, filter: FilterSpec, version: string): { sql: string; params: Param[] } | null {
    if (isEverything(filter)) return null;
    if (isTimeOnly(filter)) {
      // sessions overlapping the time range: answered by the first/last time columns directly
      const parts: string[] = [];
      const params: Param[] = [];
      if (filter.timeFrom !== undefined) add(parts, params, 's.last_ms >= ?', filter.timeFrom);
      if (filter.timeTo !== undefined) add(parts, params, 's.first_ms < ?', filter.timeTo);
      return { sql: parts.join(' AND '), params };
    }
    const key = `${version}|${JSON.stringify(filter)}`;
    if (key !== this.key) {
      const where = buildWhere(caseDb, filter);
      caseDb.db.exec('CREATE TEMP TABLE IF NOT EXISTS session_match (session_no INTEGER PRIMARY KEY); DELETE FROM temp.session_match;');
      caseDb.db.run(
        `INSERT OR IGNORE INTO temp.session_match SELECT s.session_no FROM signin_data d JOIN sessions s ON s.correlation_id = d.correlation_id WHERE ${where.sql}`,
        where.params,
      );
      this.key = key;
      this.totals.clear();
    }
    return { sql: 's.session_no IN (SELECT session_no FROM temp.session_match)', params: [] };
  }

  total(key: string, count: () => number): number {
    let n = this.totals.get(key);
    if (n === undefined) {
      n = count();
      this.totals.set(key, n);
    }
    return n;
  }
}

export function listSessions(caseDb: CaseDb, req: SessionsListReq, cache: SessionMatchCache): ListResult {
  const started = Date.now();
  if (!hasSessions(caseDb)) return { rows: [], total: 0, next: null, built: false, stale: false, ms: 0 };
  const version = caseVersion(caseDb);
  const built = JSON.parse(caseDb.meta(SESSIONS_META_KEY) ?? '{}') as { version?: string };
  const parts: string[] = [];
  const params: Param[] = [];
  const match = cache.condition(caseDb, req.filter, version);
  if (match) add(parts, params, match.sql, ...match.params);
  if (req.flags?.length) {
    const mask = flagBits(req.flags);
    add(parts, params, '(s.flag_bits & ?) = ?', mask, mask);
  }
  if (req.linkedGroup !== undefined) add(parts, params, 's.linked_group = ?', req.linkedGroup);
  const where = parts.length ? parts.join(' AND ') : '1';
  const total = cache.total(`${version}|${JSON.stringify([req.filter, req.flags, req.linkedGroup])}`, () => Number(caseDb.scalar(`SELECT count(*) FROM sessions s WHERE ${where}`, params)));

  const column = `s.${SESSION_SORT_COLUMNS[req.sort.column]}`;
  const dir = req.sort.dir === 'asc' ? 'ASC' : 'DESC';
  const pageParts = [where];
  const pageParams = [...params];
  if (req.after) {
    pageParts.push(`(${column}, s.session_no) ${dir === 'ASC' ? '>' : '<'} (?, ?)`);
    pageParams.push(req.after.value, req.after.sessionNo);
  }
  const offset = req.after ? 0 : (req.offset ?? 0);
  const rows = caseDb.all(
    `SELECT ${SUMMARY_SELECT}, ${column} FROM sessions s WHERE ${pageParts.join(' AND ')} ORDER BY ${column} ${dir}, s.session_no ${dir} LIMIT ? OFFSET ?`,
    [...pageParams, req.limit, offset],
  );
  const lastRow = rows.length === req.limit ? rows[rows.length - 1] : undefined;
  const next: SessionCursor | null = lastRow ? { value: lastRow[lastRow.length - 1] as string | number, sessionNo: Number(lastRow[0]) } : null;
  return { rows: rows.map(toSummary), total, next, built: true, stale: built.version !== version, ms: Date.now() - started };
}

function isEverything(f: FilterSpec): boolean {
  return isTimeOnly(f) && f.timeFrom === undefined && f.timeTo === undefined;
}

function isTimeOnly(f: FilterSpec): boolean {
  return !f.conditions.length && !f.text?.trim() && !f.rids && !f.tags?.length;
}

function add(parts: string[], params: Param[], sql: string, ...values: Param[]): void {
  parts.push(sql);
  params.push(...values);
}
