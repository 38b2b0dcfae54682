// Order of dictionary values as the analyst reads them: case-insensitive text, and IP addresses in
// numeric order. Sorting a million rows then needs only a small id → rank table (see snapshot.ts).
import type { ColumnDef } from '../../shared/model/columns';
import type { CaseDb } from '../db/case-db';
import { NUM, STR } from '../db/row-spec';
import { ipSortKey } from './ip-address';

/** Sort key of one dictionary value; plain `<` on keys gives the display order. */
export function valueSortKey(col: ColumnDef, value: string): string {
  if (col.key === 'ip_address') {
    const ip = ipSortKey(value);
    if (ip !== null) return `0${ip}`;
  }
  return `1${value.toLowerCase()}\u0000${value}`; // ties between case variants still order stably
}

/**
 * Ranks (1-based, dense) of the given string ids under the column's order, as a table indexed by id;
 * an id absent from `ids` (and NULL, id 0) has rank 0 and so sorts first.
 */
export function rankTable(caseDb: CaseDb, col: ColumnDef, ids: readonly number[], maxId: number): Int32Array {
  const rows = caseDb.rows('SELECT id, value FROM strings WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)], { id: NUM, value: STR });
  const keyed = rows.map((r) => ({ id: r.id, key: valueSortKey(col, r.value) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const ranks = new Int32Array(maxId + 1);
  keyed.forEach((k, i) => (ranks[k.id] = i + 1));
  return ranks;
}
