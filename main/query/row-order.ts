// The ordered row ids of a filter: `ORDER BY <column> <dir>, rid <dir>` (ties follow the direction
// so that one index serves both). Measured in sql.js at 1M rows, an index-ordered scan that must
// visit the table for each row (e.g. filter on an unindexed column, sort by time) costs ~1.6 s,
// while reading (rid, key) in table order and sorting in JS costs ~0.2-0.3 s. So SQLite orders only
// where a covering index delivers the order directly; everything else is ranked and counting-sorted.
import type { ColumnDef } from '../../shared/model/columns';
import { onlyTimeBounds, type FilterSpec, type SortSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { storedName } from '../db/schema';
import { storedRef } from './column-ref';
import { buildWhere, type WhereClause } from './filters';
import { forEachRow } from './query-rows';
import { float64s, int32s } from './growing-array';
import { rankTable } from './value-order';

export function orderedRids(caseDb: CaseDb, col: ColumnDef, filter: FilterSpec, dir: SortSpec['dir'], total: number): Int32Array {
  if (col.storage === 'time' && onlyTimeBounds(filter)) {
    // ix_time (created_ms, rid) holds everything this needs: seek the bounds, read in order.
    return sqlOrdered(caseDb, 'd.created_ms', buildWhere(caseDb, filter, { reads: ['created_ms'] }), dir, total);
  }
  const where = buildWhere(caseDb, filter, { reads: [storedName(col)] });
  if (col.storage === 'text') return sqlOrdered(caseDb, `${storedRef(col)} COLLATE NOCASE`, where, dir, total); // few distinct repeats: SQLite's sorter
  const { rids, keys, n } = readKeyed(caseDb, col, where, total);
  const ranked = col.storage === 'dict' ? dictRanks(caseDb, col, keys, n) : numericRanks(keys, n);
  const out = countingSort(rids, ranked.ranks, n, ranked.max);
  return dir === 'desc' ? out.reverse() : out;
}


function sqlOrdered(caseDb: CaseDb, expr: string, where: WhereClause, dir: SortSpec['dir'], total: number): Int32Array {
  const rids = int32s(total);
  forEachRow(caseDb, `SELECT d.rid FROM signin_data d WHERE ${where.sql} ORDER BY ${expr} ${dir}, d.rid ${dir}`, where.params, (row) => rids.push(row[0] as number));
  return rids.values();
}

/**
 * (rid, stored value) of every matching row, in rid order (NULL becomes NaN). SQLite returns rows in
 * whatever order its plan yields (a covering index often beats a table scan); putting them back in
 * rid order is done in JS, cheaper than asking SQLite to sort.
 */
function readKeyed(caseDb: CaseDb, col: ColumnDef, where: WhereClause, total: number): { rids: Int32Array; keys: Float64Array; n: number } {
  const ridBuf = int32s(total);
  const keyBuf = float64s(total);
  let ordered = true;
  let maxRid = 0;
  forEachRow(caseDb, `SELECT d.rid, ${storedRef(col)} FROM signin_data d WHERE ${where.sql}`, where.params, ([rid, key]) => {
    if ((rid as number) < maxRid) ordered = false;
    else maxRid = rid as number;
    ridBuf.push(rid as number);
    keyBuf.push(key === null ? NaN : Number(key));
  });
  const rids = ridBuf.values();
  const keys = keyBuf.values();
  return { ...(ordered ? { rids, keys } : inRidOrder(rids, keys, maxRid)), n: rids.length };
}

function inRidOrder(rids: Int32Array, keys: Float64Array, maxRid: number): { rids: Int32Array; keys: Float64Array } {
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
  const k = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    r[j] = rids[order[j]!]!;
    k[j] = keys[order[j]!]!;
  }
  return { rids: r, keys: k };
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

/** Stable O(n + ranks) sort of rids by rank; input in rid order keeps ties in rid order. */
function countingSort(rids: Int32Array, ranks: Int32Array, n: number, maxRank: number): Int32Array {
  const starts = new Int32Array(maxRank + 2);
  for (let i = 0; i < n; i++) starts[ranks[i]! + 1]!++;
  for (let r = 1; r < starts.length; r++) starts[r]! += starts[r - 1]!;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[starts[ranks[i]!]!++] = rids[i]!;
  return out;
}
