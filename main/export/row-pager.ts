// Streams a filter's sign-ins in time order, one page at a time, without ever holding the result:
// keyset paging on (created_ms, rid) follows the ix_time index; rows without a time come last, paged
// on rid. Values are the `signins` view's (plain text, ISO times), booleans as booleans.
import type { ColumnDef } from '../../shared/model/columns';
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { viewExpression } from '../db/schema';
import { buildWhere } from '../query/filters';
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

export async function* pageRows(caseDb: CaseDb, filter: FilterSpec, columns: readonly ColumnDef[], opts: PageOptions = {}): AsyncGenerator<ExportRow[]> {
  const where = buildWhere(caseDb, filter);
  const select = ['d.rid', 'd.created_ms', ...columns.map(viewExpression)].join(', ');
  const pageSize = opts.pageSize ?? 2000;
  const toRow = (r: unknown[]): ExportRow => {
    const values: Record<string, CellValue> = {};
    columns.forEach((col, i) => {
      const v = r[i + 2] as string | number | null;
      values[col.key] = col.storage === 'bool' && v !== null ? v === 1 : v;
    });
    return { rid: Number(r[0]), createdMs: r[1] === null ? null : Number(r[1]), values };
  };
  // Rows with a time, in time order.
  let last: [number, number] | null = null;
  for (;;) {
    opts.signal?.throwIfAborted();
    const after = last ? 'AND (d.created_ms, d.rid) > (?, ?)' : '';
    const rows = caseDb.all(
      `SELECT ${select} FROM signin_data d WHERE (${where.sql}) AND d.created_ms IS NOT NULL ${after} ORDER BY d.created_ms, d.rid LIMIT ?`,
      [...where.params, ...(last ?? []), pageSize],
    );
    if (rows.length === 0) break;
    yield rows.map(toRow);
    const end = rows[rows.length - 1]!;
    last = [Number(end[1]), Number(end[0])];
    await new Promise((resolve) => setImmediate(resolve)); // other requests run between pages
  }
  // Then rows without a readable time, in import order.
  let lastRid = 0;
  for (;;) {
    opts.signal?.throwIfAborted();
    const rows = caseDb.all(`SELECT ${select} FROM signin_data d WHERE (${where.sql}) AND d.created_ms IS NULL AND d.rid > ? ORDER BY d.rid LIMIT ?`, [...where.params, lastRid, pageSize]);
    if (rows.length === 0) break;
    yield rows.map(toRow);
    lastRid = Number(rows[rows.length - 1]![0]);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
