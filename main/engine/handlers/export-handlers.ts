// Export channels: the filter's rows to CSV / JSON / Timesketch, and the HTML case report. Both run
// as jobs (progress, Cancel) and are recorded in the case's activity log when they finish.
import type { FilterSpec } from '../../../shared/model/filter-spec';
import { AppError } from '../../../shared/errors';
import { defaultAuthor } from '../../annotations/author';
import { checkWriteTarget } from '../../cases/write-target';
import { exportRows } from '../../export/export-rows';
import { resolveColumn } from '../../query/column-ref';
import { QueryError } from '../../query/errors';
import { buildWhere, type WhereClause } from '../../query/filters';
import type { CaseDb } from '../../db/case-db';
import { writeReport } from '../../report/write-report';
import type { EngineContext, HandlerTable } from '../context';

/** The filter's WHERE clause; bad column names and filters are the caller's mistake (INVALID_INPUT). */
export function checkedWhere(db: CaseDb, filter: FilterSpec, columns: readonly string[] = []): WhereClause {
  try {
    columns.forEach(resolveColumn);
    return buildWhere(db, filter);
  } catch (e) {
    if (e instanceof QueryError) throw new AppError(e.code, e.message);
    throw e;
  }
}

export function exportHandlers(ctx: EngineContext): HandlerTable {
  const { keeper } = ctx;
  const record = (db: unknown, action: 'export' | 'report', details: Record<string, unknown>) =>
    db === ctx.db ? keeper.commit({ type: 'activity', action, details, author: defaultAuthor(), at: Date.now() }, { dirty: false }) : undefined;

  return {
    'export.rows': async (req) => {
      checkedWhere(ctx.db, req.filter, req.columns); // refused before the job starts
      await checkWriteTarget(ctx.db, req.path, { kind: 'export', replace: req.overwrite === true }); // so is a refused target (EXISTS asks the user)
      const db = ctx.db;
      const jobId = ctx.jobs.start('export', async (signal, progress) => {
        const started = Date.now();
        const summary = await exportRows(db, req, {
          signal,
          onProgress: (p) => {
            const seconds = Math.max((Date.now() - started) / 1000, 0.001);
            // bytes written against the extrapolated total, rows as records
            progress({
              phase: 'exporting',
              file: req.path,
              fileIndex: 0,
              files: 1,
              bytesDone: p.bytes,
              bytesTotal: p.estimatedBytes,
              records: p.rows,
              recordsPerSecond: p.rows / seconds,
              bytesPerSecond: p.bytes / seconds,
            });
          },
        });
        await record(db, 'export', { path: req.path, format: req.format, columns: req.columns, filter: req.filter, rows: summary.rows, bytes: summary.bytes });
        return summary;
      });
      return { jobId };
    },
    'report.html': async (req) => {
      if (req.filter) checkedWhere(ctx.db, req.filter);
      await checkWriteTarget(ctx.db, req.path, { kind: 'report', replace: req.overwrite === true });
      const db = ctx.db;
      const jobId = ctx.jobs.start('report', async () => {
        const summary = await writeReport(db, req, { casePath: keeper.casePath });
        await record(db, 'report', { path: req.path, title: req.title ?? null, filter: req.filter ?? null, bytes: summary.bytes });
        return summary;
      });
      return { jobId };
    },
  };
}
