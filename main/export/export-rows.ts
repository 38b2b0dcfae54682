// Exports the current filter's rows to a file: streamed page by page into a temp file that replaces
// the target only when complete, with progress (rows, bytes, an estimated total from the row count).
import type { ExportFormat, ExportSummary } from '../../shared/model/export';
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { NUM } from '../db/row-spec';
import { buildWhere } from '../query/filters';
import { resolveColumn } from '../query/column-ref';
import { checkWriteTarget } from '../cases/write-target';
import { AtomicFileWriter } from './atomic-file-writer';
import { ROW_FORMATS } from './row-formats';
import { pageRows } from './row-pager';
import { isoInZone } from '../../shared/util/zoned-time';
import { statedZone } from '../../shared/model/time-zone';

export interface ExportProgress {
  rows: number;
  totalRows: number;
  bytes: number;
  /** Bytes expected at the end, extrapolated from the rows written so far. */
  estimatedBytes: number;
}

export interface ExportOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((p: ExportProgress) => void) | undefined;
  pageSize?: number;
}

export async function exportRows(
  caseDb: CaseDb,
  req: { filter: FilterSpec; columns: readonly string[]; format: ExportFormat; path: string; overwrite?: boolean | undefined; timeZone?: string | undefined },
  opts: ExportOptions = {},
): Promise<ExportSummary & { skipped: number }> {
  const started = Date.now();
  const format = ROW_FORMATS[req.format];
  // UTC stays the reference; a display zone adds each row's wall time with its own (DST) offset.
  const zoned = statedZone(req.timeZone);
  const zonedKey = zoned ? `created_at (${zoned})` : null;
  const columns = zonedKey ? withZonedColumn([...new Set(req.columns)], zonedKey) : [...new Set(req.columns)];
  const fetched = [...new Set([...columns.filter((c) => c !== zonedKey), ...format.extraColumns])].map(resolveColumn); // the allowlist: unknown names throw
  const where = buildWhere(caseDb, req.filter);
  const totalRows = caseDb.value(`SELECT count(*) FROM signin_data d WHERE ${where.sql}`, where.params, NUM) ?? 0;
  await checkWriteTarget(caseDb, req.path, { kind: 'export', replace: req.overwrite === true });
  const writer = await AtomicFileWriter.open(req.path);
  let rows = 0;
  let skipped = 0;
  try {
    await writer.write(format.begin(columns));
    for await (const page of pageRows(caseDb, req.filter, fetched, { pageSize: opts.pageSize, signal: opts.signal })) {
      const parts: string[] = [];
      for (const row of page) {
        if (zonedKey) row.values[zonedKey] = row.createdMs === null ? null : isoInZone(row.createdMs, zoned!);
        const text = format.row(row, columns, rows);
        if (text === null) skipped++;
        else {
          parts.push(text);
          rows++;
        }
      }
      await writer.write(parts.join(''));
      const seen = rows + skipped;
      opts.onProgress?.({ rows: seen, totalRows, bytes: writer.bytes, estimatedBytes: seen ? Math.round((writer.bytes / seen) * totalRows) : 0 });
    }
    await writer.write(format.end());
    await writer.commit();
  } catch (e) {
    await writer.abort();
    throw e;
  }
  return { path: req.path, format: req.format, rows, skipped, bytes: writer.bytes, ms: Date.now() - started };
}

/** The zoned time goes right after the UTC time (first when the UTC time is not exported). */
function withZonedColumn(columns: string[], key: string): string[] {
  const at = columns.indexOf('created_at') + 1;
  return [...columns.slice(0, at), key, ...columns.slice(at)];
}
