// Import channels: one import job at a time, progress and completion as job events.
import { ApiFailure } from '../../api/api-failure';
import { logActivity } from '../../annotations/activity-log';
import { refreshDerivedData } from '../../cases/derived-data';
import { importFiles } from '../../import/pipeline';
import { DEMO_RECOVERY_ID, keeperOf, newUnsavedLocation } from '../../cases/autosave';
import { CaseDb } from '../../db/case-db';
import type { EngineContext, HandlerTable } from '../context';
import type { Engine } from '../engine';

export function importHandlers(ctx: EngineContext): HandlerTable {
  const keeper = keeperOf(ctx as Engine);
  return {
    'import.start': async ({ paths, filter }) => {
      if (ctx.jobs.running('import')) throw new ApiFailure('BUSY', 'an import is already running');
      // Evidence never merges into the demo: importing while it is open starts a new, untitled case.
      const newCase = keeper.unsavedId() === DEMO_RECOVERY_ID;
      if (newCase) {
        await keeper.switchTo(() => CaseDb.create(), newUnsavedLocation());
        ctx.announceCase();
      }
      const db = ctx.db;
      const jobId = ctx.jobs.start('import', async (signal, progress) => {
        const summary = await importFiles(db, paths, { signal, onProgress: progress, filter });
        logActivity(db, 'import', { files: summary.files.map((f) => ({ path: f.path, sha256: f.sha256, format: f.format, imported: f.imported, status: f.status })), signins: summary.signins });
        if (!signal.aborted) await refreshDerivedData(db, signal, progress);
        if (db === ctx.db) {
          ctx.markDirty();
          ctx.announceCase();
        }
        return summary;
      });
      return { jobId, newCase };
    },
    'import.errors': ({ sourceId, limit }) =>
      ctx.db
        .all(
          `SELECT source_id, file, record_index, byte_offset, severity, message FROM import_errors ${sourceId === undefined ? '' : 'WHERE source_id = ?'} ORDER BY id LIMIT ?`,
          sourceId === undefined ? [limit] : [sourceId, limit],
        )
        .map(([s, file, rec, off, severity, message]) => ({
          sourceId: s === null ? null : Number(s),
          file: file === null ? null : String(file),
          recordIndex: rec === null ? null : Number(rec),
          byteOffset: off === null ? null : Number(off),
          severity: String(severity),
          message: String(message),
        })),
    'jobs.cancel': ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  };
}
