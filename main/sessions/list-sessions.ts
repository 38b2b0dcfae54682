// sessions.list: sessions having a sign-in that matches the filter (and carrying the requested
// flags / link group), sorted on a summary column, paged by cursor or position.
// A page is an index range read (the default sort by start, or by correlation id, with many sessions
// kept) or a slice of the kept sessions sorted once per request shape and kept in memory. Sorting on
// demand replaced an index per sort column: those 12 indexes weighed more than the table itself.
import type { z } from 'zod';
import { SESSION_SORT_COLUMNS, type SessionCursor, type SessionsListReq, type SessionsListRes } from '../../shared/model/session';
import { onlyTimeBounds } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { caseVersion } from '../query/case-cache';
import { buildWhere } from '../query/filters';
import { flagBits } from './build-sessions';
import { hasSessions, INDEXED_SORT_KEYS, sessionColumn, sessionOf, sessionSortKey, SESSIONS_META_KEY } from './session-table';
import { inList } from '../query/sql-list';
import { NUM, NUM_NULL, type Cell } from '../db/row-spec';
import { SUMMARY_SELECT, SUMMARY_WIDTH, toSummaries } from './session-rows';

/** A page row: the summary columns, then the sort column's value (the cursor). */
const PAGE_WIDTH = SUMMARY_WIDTH + 1;

type ListResult = z.infer<typeof SessionsListRes>;
type Param = string | number;

/** Up to this many matching sessions are sorted once into a snapshot; above, an index walk (when there is one) finds pages fast. */
const SMALL_MATCH = 20_000;

interface Restriction {
  /** SQL over `session_data s` ('1': every session). */
  sql: string;
  params: Param[];
  /** Identifies the request shape, for the caches. */
  key: string;
}

/** The kept sessions in sort order, and each session's position in it (-1: not kept). */
interface SessionOrder {
  key: string;
  order: Int32Array;
  positionOf: Int32Array;
}

/** Caches of the last request shape: the row filter's sessions (temp.session_match), counts, the sorted snapshot. */
export class SessionMatchCache {
  private matchKey: string | null = null;
  private readonly totals = new Map<string, number>();
  private sorted: SessionOrder | null = null;

  /** `smallMatch`: up to this many kept sessions, pages come from a sorted snapshot. */
  constructor(readonly smallMatch = SMALL_MATCH) {}

  /**
   * The sessions the request keeps: time range (overlap), flags and link group are conditions on
   * the session columns; row conditions (users, IPs, text...) are materialized once per filter.
   */
  /** `stamp` identifies the case content and the sessions build the caches were made from. */
  restriction(caseDb: CaseDb, req: SessionsListReq, stamp: string): Restriction {
    const parts: string[] = [];
    const params: Param[] = [];
    const f = req.filter;
    const rowConditions = !onlyTimeBounds(f);
    if (rowConditions) {
      const key = JSON.stringify([stamp, f]);
      if (key !== this.matchKey) {
        const where = buildWhere(caseDb, f);
        caseDb.scratch('CREATE TABLE IF NOT EXISTS temp.session_match (session_no INTEGER PRIMARY KEY)');
        caseDb.scratch('DELETE FROM temp.session_match');
        caseDb.scratch(`INSERT OR IGNORE INTO temp.session_match SELECT s.session_no FROM signin_data d JOIN session_data s ON ${sessionOf('d.correlation_id')} WHERE ${where.sql}`, where.params);
        this.matchKey = key;
        this.totals.clear();
        this.sorted = null;
      }
      parts.push('s.session_no IN (SELECT session_no FROM temp.session_match)');
    } else {
      parts.push(...overlapping(caseDb, f, params));
    }
    if (req.flags?.length) {
      add(parts, params, 's.flag_count >= ? AND (s.flag_bits & ?) = ?', req.flags.length, flagBits(req.flags), flagBits(req.flags));
    }
    // a session alone stores no linked_group: its group is its own number
    if (req.linkedGroup !== undefined) add(parts, params, '(s.linked_group = ? OR (s.session_no = ? AND s.linked_group IS NULL))', req.linkedGroup, req.linkedGroup);
    return { sql: parts.length ? parts.join(' AND ') : '1', params, key: JSON.stringify([stamp, f, req.flags, req.linkedGroup]) };
  }

  total(caseDb: CaseDb, r: Restriction): number {
    let n = this.totals.get(r.key);
    if (n === undefined) {
      n = caseDb.value(`SELECT count(*) FROM session_data s WHERE ${r.sql}`, r.params, NUM) ?? 0;
      this.totals.set(r.key, n);
    }
    return n;
  }

  /**
   * The kept sessions sorted once by SQLite's sorter (its collation, so text sorts as before), held
   * as session numbers in JS memory (8 bytes per session) rather than in a temp table of the case.
   */
  ordered(caseDb: CaseDb, r: Restriction, column: string, dir: 'ASC' | 'DESC'): SessionOrder {
    const key = `${r.key}|${column}|${dir}`;
    if (this.sorted?.key === key) return this.sorted;
    this.sorted = null; // let the previous order go before building the next
    const maxNo = caseDb.value('SELECT max(session_no) FROM session_data', [], 'num?') ?? 0;
    const positionOf = new Int32Array(maxNo + 1).fill(-1);
    const order: number[] = [];
    caseDb.forEach(`SELECT s.session_no AS no FROM session_data s WHERE ${r.sql} ORDER BY ${column} ${dir}, s.session_no ${dir}`, r.params, { no: NUM }, ({ no }) => {
      positionOf[no] = order.length;
      order.push(no);
    });
    this.sorted = { key, order: Int32Array.from(order), positionOf };
    return this.sorted;
  }
}

export function listSessions(caseDb: CaseDb, req: SessionsListReq, cache: SessionMatchCache): ListResult {
  const started = Date.now();
  if (!hasSessions(caseDb)) return { rows: [], total: 0, next: null, built: false, stale: false, ms: 0 };
  const version = caseVersion(caseDb);
  const buildMeta = caseDb.meta(SESSIONS_META_KEY) ?? '{}';
  const built = JSON.parse(buildMeta) as { version?: string };
  const restriction = cache.restriction(caseDb, req, `${version}|${buildMeta}`);
  const total = cache.total(caseDb, restriction);
  const column = sessionSortKey(SESSION_SORT_COLUMNS[req.sort.column]);
  const dir = req.sort.dir === 'asc' ? 'ASC' : 'DESC';
  const useIndex = INDEXED_SORT_KEYS.has(column) && (restriction.sql === '1' || total > cache.smallMatch);
  const rows = useIndex ? indexPage(caseDb, req, restriction, column, dir) : snapshotPage(caseDb, req, cache, restriction, column, dir);
  const lastRow = rows.length === req.limit ? rows[rows.length - 1] : undefined;
  const next: SessionCursor | null = lastRow ? { value: lastRow[lastRow.length - 1] as string | number, sessionNo: Number(lastRow[0]) } : null;
  return { rows: toSummaries(caseDb, rows), total, next, built: true, stale: built.version !== version, ms: Date.now() - started };
}

/** A page read along the sort column's index. */
function indexPage(caseDb: CaseDb, req: SessionsListReq, r: Restriction, column: string, dir: 'ASC' | 'DESC'): Cell[][] {
  const parts = [r.sql];
  const params = [...r.params];
  if (req.after) add(parts, params, `(${column}, s.session_no) ${dir === 'ASC' ? '>' : '<'} (?, ?)`, req.after.value, req.after.sessionNo);
  return caseDb.cellRows(
    `SELECT ${SUMMARY_SELECT}, ${column} FROM session_data s WHERE ${parts.join(' AND ')} ORDER BY ${column} ${dir}, s.session_no ${dir} LIMIT ? OFFSET ?`,
    [...params, req.limit, req.after ? 0 : (req.offset ?? 0)],
    PAGE_WIDTH,
  );
}

/** A slice of the sorted snapshot, by position (a cursor's session gives the position: the page starts after it). */
function snapshotPage(caseDb: CaseDb, req: SessionsListReq, cache: SessionMatchCache, r: Restriction, column: string, dir: 'ASC' | 'DESC'): Cell[][] {
  const { order, positionOf } = cache.ordered(caseDb, r, column, dir);
  const from = req.after ? (positionOf[req.after.sessionNo] ?? -1) + 1 : (req.offset ?? 0);
  const wanted = Array.from(order.subarray(from, from + req.limit));
  if (wanted.length === 0) return [];
  const params: (string | number)[] = [];
  const byNo = new Map<number, Cell[]>();
  for (const row of caseDb.cellRows(`SELECT ${SUMMARY_SELECT}, ${column} FROM session_data s WHERE ${inList('s.session_no', wanted, params)}`, params, PAGE_WIDTH)) byNo.set(row[0] as number, row);
  return wanted.map((no) => byNo.get(no)).filter((row) => row !== undefined);
}

/**
 * Sessions overlapping [timeFrom, timeTo). Only the more selective bound may use its index (a
 * unary + hides the other from the planner, which cannot tell them apart without statistics).
 */
function overlapping(caseDb: CaseDb, f: SessionsListReq['filter'], params: Param[]): string[] {
  const from = f.timeFrom;
  const to = f.timeTo;
  if (from === undefined && to === undefined) return [];
  const lastMs = sessionColumn('last_ms');
  const { min, max } = caseDb.first(`SELECT min(s.first_ms) AS min, max(${lastMs}) AS max FROM session_data s`, [], { min: NUM_NULL, max: NUM_NULL }) ?? { min: null, max: null };
  if (min === null || max === null) return [];
  const keepsBefore = to === undefined ? Infinity : to - min; // span kept by first_ms < to
  const keepsAfter = from === undefined ? Infinity : max - from; // span kept by last_ms >= from
  const byStart = keepsBefore <= keepsAfter;
  const parts: string[] = [];
  if (from !== undefined) add(parts, params, `${lastMs} >= ?`, from); // an expression: never an index
  if (to !== undefined) add(parts, params, `${byStart ? '' : '+'}s.first_ms < ?`, to);
  return parts;
}

function add(parts: string[], params: Param[], sql: string, ...values: Param[]): void {
  parts.push(sql);
  params.push(...values);
}
