// Streams a filter's sign-ins in time order, one page at a time, without ever holding the result:
// keyset paging on (created_ms, rid) follows the ix_time index; rows without a time come last, paged
// on rid. Pages read the stored columns and decode dictionary ids here, through a bounded cache:
// the `signins` view's per-cell subqueries are ten times slower. Values are the view's (plain text,
// ISO-8601 times), booleans as booleans.
import type { ColumnDef } from '../../shared/model/columns';
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { CELL, NUM, NUM_NULL, type Cell, type SqlValue } from '../db/row-spec';
import { storedName } from '../db/schema';
import { buildWhere } from '../query/filters';
import { stringValues } from '../db/string-text';
import type { CellValue } from './csv-cell';

export interface ExportRow {
  rid: number;
  createdMs: number | null;
  /** Column key → value. */
  values: Record<string, CellValue>;
}

export interface PageOptions {
  pageSize?: number;
  signal?: AbortSignal | undefined;
}

const MAX_CACHED_STRINGS = 200_000;

export async function* pageRows(caseDb: CaseDb, filter: FilterSpec, columns: readonly ColumnDef[], opts: PageOptions = {}): AsyncGenerator<ExportRow[]> {
  const where = buildWhere(caseDb, filter);
  const select = ['d.rid', 'd.created_ms', ...columns.map((c) => `d.${storedName(c)}`)].join(', ');
  const pageSize = opts.pageSize ?? 2000;
  const decode = pageDecoder(caseDb, columns);
  const kinds = [NUM, NUM_NULL, ...columns.map((): typeof CELL => CELL)] as const;
  const page = (sql: string, params: SqlValue[]): PageRow[] => caseDb.tuples(`SELECT ${select} FROM signin_data d WHERE (${where.sql}) AND ${sql}`, [...where.params, ...params, pageSize], kinds);
  // Rows with a time, in time order.
  let last: [number, number] | null = null;
  for (;;) {
    opts.signal?.throwIfAborted();
    const rows = page(`d.created_ms IS NOT NULL ${last ? 'AND (d.created_ms, d.rid) > (?, ?)' : ''} ORDER BY d.created_ms, d.rid LIMIT ?`, last ?? []);
    if (rows.length === 0) break;
    yield decode(rows);
    const [endRid, endMs] = rows[rows.length - 1]!;
    last = [Number(endMs), endRid];
    await new Promise((resolve) => setImmediate(resolve)); // other requests run between pages
  }
  // Then rows without a readable time, in import order.
  let lastRid = 0;
  for (;;) {
    opts.signal?.throwIfAborted();
    const rows = page('d.created_ms IS NULL AND d.rid > ? ORDER BY d.rid LIMIT ?', [lastRid]);
    if (rows.length === 0) break;
    yield decode(rows);
    [lastRid] = rows[rows.length - 1]!;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Turns raw pages into rows, looking up each page's new dictionary ids in one query. */
function pageDecoder(caseDb: CaseDb, columns: readonly ColumnDef[]): (rows: PageRow[]) => ExportRow[] {
  const cache = new Map<number, string>();
  const dictAt = columns.flatMap((c, i) => (c.storage === 'dict' ? [i] : []));
  return (rows) => {
    if (cache.size > MAX_CACHED_STRINGS) cache.clear();
    const missing = new Set<number>();
    for (const [, , ...cells] of rows)
      for (const i of dictAt) {
        const id = cells[i];
        if (typeof id === 'number' && !cache.has(id)) missing.add(id);
      }
    for (const [id, text] of stringValues(caseDb, missing)) cache.set(id, text);
    return rows.map(([rid, createdMs, ...cells]) => {
      const values: Record<string, CellValue> = {};
      columns.forEach((col, i) => {
        const v = cells[i]!;
        if (v === null) values[col.key] = null;
        else if (col.storage === 'dict') values[col.key] = cache.get(v as number) ?? null;
        else if (col.storage === 'time') values[col.key] = isoTime(v as number);
        else if (col.storage === 'bool') values[col.key] = v === 1;
        else values[col.key] = v;
      });
      return { rid, createdMs, values };
    });
  };
}

/** rid, created_ms, then the exported columns' stored values. */
type PageRow = [number, number | null, ...Cell[]];

/** ISO-8601 UTC like the `signins` view; null for a time JavaScript cannot represent. */
export function isoTime(ms: number): string | null {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null;
}
