// Find in the grid (Ctrl+F): which positions of a snapshot hold a row whose shown text contains the
// query, in any of the given columns. Separate from the filter: nothing is hidden, the grid steps
// from match to match. One SQL pass marks the matching rows, one walk over the snapshot's row ids
// turns them into positions; the result is kept per (snapshot, text, columns) so stepping is a
// binary search.
import type { SqlValue } from '../db/row-spec';
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL } from '../db/row-spec';
import { findableColumn } from '../../shared/model/find';
import { resolveColumn, storedRef } from './column-ref';
import { GrowingArray } from './growing-array';
import { inList, LIKE_ESCAPE, likePattern } from './sql-list';

export interface FindResult {
  /** Matching rows in the snapshot. */
  count: number;
  /** The position stepped to (null when nothing matches). */
  position: number | null;
  /** 1-based rank of `position` among the matches. */
  ordinal: number | null;
}

/** The WHERE test over `signin_data d` for "any of these columns contains text" (case-insensitive for ASCII, like LIKE). */
export function findWhere(caseDb: CaseDb, text: string, columns: readonly string[], params: SqlValue[]): string {
  const cols = [...new Set(columns)].map(resolveColumn).filter(findableColumn);
  const pattern = likePattern(text, 'contains');
  const tests: string[] = [];
  const dict = cols.filter((c) => c.storage === 'dict');
  if (dict.length) {
    const ids = caseDb.rows(`SELECT id FROM strings WHERE value LIKE ? ${LIKE_ESCAPE}`, [pattern], { id: NUM }).map((r) => r.id);
    if (ids.length) for (const col of dict) tests.push(inList(storedRef(col), ids, params));
  }
  for (const col of cols) {
    if (col.storage === 'dict') continue;
    tests.push(`${col.storage === 'int' ? `CAST(${storedRef(col)} AS TEXT)` : storedRef(col)} LIKE ? ${LIKE_ESCAPE}`);
    params.push(pattern);
  }
  return tests.length ? `(${tests.join(' OR ')})` : '0';
}

/** Positions (ascending) in `rids` of the rows matching the find text. */
export function findPositions(caseDb: CaseDb, rids: Int32Array, text: string, columns: readonly string[]): Int32Array {
  const params: SqlValue[] = [];
  const where = findWhere(caseDb, text, columns, params);
  const maxRid = caseDb.value('SELECT max(rid) FROM signin_data', [], NUM_NULL) ?? 0;
  const hit = new Uint8Array(maxRid + 1);
  if (where !== '0') caseDb.forEachTuple(`SELECT d.rid FROM signin_data d WHERE ${where}`, params, [NUM], ([rid]) => void (hit[rid] = 1));
  const out = new GrowingArray((n) => new Int32Array(n), rids.length);
  for (let i = 0; i < rids.length; i++) if (hit[rids[i]!] === 1) out.push(i);
  return out.values();
}

/**
 * Steps from `from` to the next (or previous) match, wrapping around. `from` -1 with 'next' gives
 * the first match; 'next' from a position finds the first match after it.
 */
export function stepMatch(positions: Int32Array, from: number, dir: 'next' | 'prev'): FindResult {
  const count = positions.length;
  if (count === 0) return { count, position: null, ordinal: null };
  // First index whose position is > from (next) or >= from (prev).
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dir === 'next' ? positions[mid]! <= from : positions[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  const at = dir === 'next' ? (lo === count ? 0 : lo) : lo === 0 ? count - 1 : lo - 1;
  return { count, position: positions[at]!, ordinal: at + 1 };
}

/** Keeps the last few searches so stepping through matches does not search again. */
export class FindCache {
  private readonly entries = new Map<string, Int32Array>();

  constructor(private readonly max = 4) {}

  positions(key: string, compute: () => Int32Array): Int32Array {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
