// The ordered row ids of a filter under a list of sort keys. Ties left by every key are broken by
// time, then rid, in the first key's direction (so sorting by status keeps each status in time
// order, and reversing a sort reverses the whole list). Measured in sql.js at 1M rows, an
// index-ordered scan that must visit the table for each row (e.g. filter on an unindexed column, sort
// by time) costs ~1.6 s, while reading (rid, keys) in table order and sorting in JS costs ~0.2-0.4 s.
// So SQLite orders only where a covering index delivers the order directly (time alone) or for one
// text column (few repeats: its sorter); everything else is ranked per key and counting-sorted,
// least significant key first (each pass is stable, so the more significant keys win).
import type { ColumnDef } from '../../shared/model/columns';
import { onlyTimeBounds, type FilterSpec, type SortKey } from '../../shared/model/filter-spec';
import { isAnnotationColumn } from '../../shared/model/grid-columns';
import type { CaseDb } from '../db/case-db';
import { CELL, NUM, NUM_NULL } from '../db/row-spec';
import { storedName } from '../db/schema';
import { annotationRanks } from './annotation-columns';
import { resolveGridColumn, storedRef } from './column-ref';
import { buildWhere, type WhereClause } from './filters';
import { CaseMemo } from './case-cache';
import { float64s, int32s } from './growing-array';
import { rankTable } from './value-order';

type Dir = SortKey['dir'];

export function orderedRids(caseDb: CaseDb, sort: readonly SortKey[], filter: FilterSpec, total: number): Int32Array {
  const keys = distinctKeys(sort);
  const dir = keys[0]!.dir;
  const cols = keys.map((k) => resolveGridColumn(k.column));
  if (keys.length === 1 && cols[0]!.storage === 'time' && onlyTimeBounds(filter)) {
    // ix_time (created_ms, rid) holds everything this needs: seek the bounds, read in order.
    return sqlOrdered(caseDb, ['d.created_ms'], buildWhere(caseDb, filter, { reads: ['created_ms'] }), dir, total);
  }
  const stored = cols.filter((c) => !isAnnotationColumn(c.key));
  if (keys.length === 1 && stored.length === 1 && cols[0]!.storage === 'text') {
    const where = buildWhere(caseDb, filter, { reads: [storedName(cols[0]!), 'created_ms'] });
    return sqlOrdered(caseDb, [`${storedRef(cols[0]!)} COLLATE NOCASE`, 'd.created_ms'], where, dir, total); // few distinct repeats: SQLite's sorter
  }
  const where = buildWhere(caseDb, filter, { reads: stored.map(storedName) });
  const ranked = stored.filter((c) => c.storage !== 'text' && c.storage !== 'time');
  const { rids, keys: values, n } = readKeyed(caseDb, ranked, where, total);
  const times = timeOrder.get(caseDb);
  // Ties left by every key: time, then rid, in the first key's direction (one pass on the row's
  // position in the case's time order), then stable passes from the least significant key up.
  let perm = inTimeOrder(times.ridsByTime, rids, n, dir);
  for (let k = keys.length - 1; k >= 0; k--) {
    const col = cols[k]!;
    const at = ranked.indexOf(col);
    let ranks: Ranked;
    if (col.storage === 'time') ranks = lookup(times.timeRank, times.distinct, rids, n);
    else if (at < 0) ranks = ridRanks(caseDb, col, where, rids, n);
    else ranks = col.storage === 'dict' ? dictRanks(caseDb, col, values[at]!, n) : numericRanks(values[at]!, n);
    perm = sortPass(perm, ranks, keys[k]!.dir);
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = rids[perm[i]!]!;
  return out;
}

/**
 * The case's time order: every rid ordered by (time, rid), and each rid's time rank (equal times
 * share one). One covering scan of ix_time per case version; sorting a million times in JS costs
 * several times that.
 */
const timeOrder = new CaseMemo((caseDb) => {
  const maxRid = caseDb.value('SELECT max(rid) FROM signin_data', [], NUM_NULL) ?? 0;
  const ridsByTime = int32s(maxRid + 1);
  const timeRank = new Int32Array(maxRid + 1);
  let distinct = 0;
  let prev: unknown;
  caseDb.forEachTuple('SELECT rid, created_ms FROM signin_data ORDER BY created_ms, rid', [], [NUM, NUM_NULL], ([rid, t]) => {
    ridsByTime.push(rid);
    if (distinct === 0 || t !== prev) distinct++;
    prev = t;
    timeRank[rid] = distinct;
  });
  return { ridsByTime: ridsByTime.values(), timeRank, distinct };
});

/** Builds the time order ahead of the first sort on another column (called when a case is loaded). */
export function warmSortOrder(caseDb: CaseDb): void {
  timeOrder.get(caseDb);
}

/** Positions of `rids` (ascending) listed in the case's time order, or its reverse. */
function inTimeOrder(ridsByTime: Int32Array, rids: Int32Array, n: number, dir: Dir): Int32Array {
  const at = new Int32Array((rids[n - 1] ?? 0) + 1).fill(-1);
  for (let i = 0; i < n; i++) at[rids[i]!] = i;
  const perm = new Int32Array(n);
  let j = 0;
  const last = ridsByTime.length - 1;
  for (let k = 0; k <= last; k++) {
    const rid = ridsByTime[dir === 'asc' ? k : last - k]!;
    if (rid < at.length && at[rid]! >= 0) perm[j++] = at[rid]!;
  }
  return perm;
}

/** Ranks of the rows from a table indexed by rid. */
function lookup(byRid: Int32Array, max: number, rids: Int32Array, n: number): Ranked {
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) ranks[i] = byRid[rids[i]!]!;
  return { ranks, max };
}

/** Each column once (a repeat cannot change the order). */
function distinctKeys(sort: readonly SortKey[]): SortKey[] {
  const seen = new Set<string>();
  return sort.filter((k) => {
    if (seen.has(k.column)) return false;
    seen.add(k.column);
    return true;
  });
}

function sqlOrdered(caseDb: CaseDb, exprs: readonly string[], where: WhereClause, dir: Dir, total: number): Int32Array {
  const rids = int32s(total);
  const order = [...exprs, 'd.rid'].map((e) => `${e} ${dir}`).join(', ');
  caseDb.forEachTuple(`SELECT d.rid FROM signin_data d WHERE ${where.sql} ORDER BY ${order}`, where.params, [NUM], ([rid]) => rids.push(rid));
  return rids.values();
}

interface Keyed {
  rids: Int32Array;
  keys: Float64Array[];
  n: number;
}

/**
 * (rid, stored value of each column) of every matching row, in rid order (NULL becomes NaN).
 * SQLite returns rows in whatever order its plan yields (a covering index often beats a table scan);
 * putting them back in rid order is done in JS, cheaper than asking SQLite to sort.
 */
function readKeyed(caseDb: CaseDb, cols: readonly ColumnDef[], where: WhereClause, total: number): Keyed {
  const ridBuf = int32s(total);
  const bufs = cols.map(() => float64s(total));
  let ordered = true;
  let maxRid = 0;
  const select = ['d.rid', ...cols.map(storedRef)].join(', ');
  caseDb.forEachTuple(`SELECT ${select} FROM signin_data d WHERE ${where.sql}`, where.params, [NUM, ...cols.map((): typeof CELL => CELL)], ([rid, ...keys]) => {
    if (rid < maxRid) ordered = false;
    else maxRid = rid;
    ridBuf.push(rid);
    for (let i = 0; i < bufs.length; i++) bufs[i]!.push(keys[i] === null ? NaN : Number(keys[i]));
  });
  let rids: Int32Array = ridBuf.values();
  let columns: Float64Array[] = bufs.map((b) => b.values());
  if (!ordered) ({ rids, columns } = inRidOrder(rids, columns, maxRid));
  return { rids, keys: columns, n: rids.length };
}

function inRidOrder(rids: Int32Array, columns: Float64Array[], maxRid: number): { rids: Int32Array; columns: Float64Array[] } {
  const n = rids.length;
  const order = new Int32Array(n);
  if (n * 16 < maxRid) {
    // Few rows among many: sort their positions rather than sweep every possible rid.
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => rids[a]! - rids[b]!);
  } else {
    const slot = new Int32Array(maxRid + 1).fill(-1);
    for (let i = 0; i < n; i++) slot[rids[i]!] = i;
    let j = 0;
    for (let rid = 0; rid <= maxRid; rid++) if (slot[rid]! >= 0) order[j++] = slot[rid]!;
  }
  const r = new Int32Array(n);
  for (let j = 0; j < n; j++) r[j] = rids[order[j]!]!;
  return {
    rids: r,
    columns: columns.map((keys) => {
      const k = new Float64Array(n);
      for (let j = 0; j < n; j++) k[j] = keys[order[j]!]!;
      return k;
    }),
  };
}

interface Ranked {
  ranks: Int32Array; // 0 = NULL (first in ascending order, as in SQLite)
  max: number;
}

/** String ids ranked by their text (value-order.ts). */
function dictRanks(caseDb: CaseDb, col: ColumnDef, keys: Float64Array, n: number): Ranked {
  let maxId = 0;
  for (let i = 0; i < n; i++) if (keys[i]! > maxId) maxId = keys[i]!;
  const seen = new Uint8Array(maxId + 1);
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (k === k && !seen[k]) {
      seen[k] = 1;
      distinct.push(k);
    }
  }
  const table = rankTable(caseDb, col, distinct, maxId);
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    ranks[i] = k === k ? table[k]! : 0;
  }
  return { ranks, max: distinct.length };
}

/** Numbers ranked by value: sort a copy natively, drop repeats, binary-search each row's value. */
function numericRanks(keys: Float64Array, n: number): Ranked {
  const sorted = keys.slice(0, n).sort(); // typed-array sort is numeric and puts NaN last
  let d = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i]!;
    if (v !== v) break;
    if (d === 0 || v !== sorted[d - 1]) sorted[d++] = v;
  }
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = keys[i]!;
    if (v !== v) continue;
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo + 1;
  }
  return { ranks, max: d };
}

/**
 * One stable O(n + ranks) counting-sort pass: `perm` (positions into the rank array) reordered by
 * rank, ascending or descending; positions with equal ranks keep their order in `perm`.
 */
function sortPass(perm: Int32Array, { ranks, max }: Ranked, dir: Dir): Int32Array {
  const n = perm.length;
  const desc = dir === 'desc';
  const starts = new Int32Array(max + 2);
  for (let j = 0; j < n; j++) starts[(desc ? max - ranks[perm[j]!]! : ranks[perm[j]!]!) + 1]!++;
  for (let r = 1; r < starts.length; r++) starts[r]! += starts[r - 1]!;
  const out = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const p = perm[j]!;
    out[starts[desc ? max - ranks[p]! : ranks[p]!]!++] = p;
  }
  return out;
}

/**
 * Ranks of a column SQLite orders better than JS (text; annotation columns come from their table),
 * looked up per rid: equal values (case-insensitively, like COLLATE NOCASE) share a rank.
 */
function ridRanks(caseDb: CaseDb, col: ColumnDef, where: WhereClause, rids: Int32Array, n: number): Ranked {
  let maxRid = 0;
  for (let i = 0; i < n; i++) if (rids[i]! > maxRid) maxRid = rids[i]!;
  let byRid: Int32Array;
  let max = 0;
  if (isAnnotationColumn(col.key)) ({ byRid, max } = annotationRanks(caseDb, col.key, maxRid));
  else {
    byRid = new Int32Array(maxRid + 1);
    let prev: string | null = null;
    caseDb.forEachTuple(
      `SELECT d.rid, ${storedRef(col)} FROM signin_data d WHERE ${where.sql} AND ${storedRef(col)} IS NOT NULL ORDER BY ${storedRef(col)} COLLATE NOCASE`,
      where.params,
      [NUM, CELL],
      ([rid, value]) => {
        const folded = String(value).toLowerCase();
        if (folded !== prev) max++;
        prev = folded;
        byRid[rid] = max;
      },
    );
  }
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) ranks[i] = byRid[rids[i]!]!;
  return { ranks, max };
}
