// Import channels: one import job at a time, progress and completion as job events.
import { CASE_PARTS } from '../../../shared/api/contract';
import { AppError } from '../../../shared/errors';
import { DEMO_RECOVERY_ID, newUnsavedLocation } from '../../cases/autosave';
import { CaseDb } from '../../db/case-db';
import { NUM_NULL, STR, STR_NULL } from '../../db/row-spec';
import { importIntoCase } from '../../import/import-sequence';
import type { EngineContext, HandlerTable } from '../context';

const IMPORT_ERROR_ROW = { sourceId: NUM_NULL, file: STR_NULL, recordIndex: NUM_NULL, byteOffset: NUM_NULL, severity: STR, message: STR } as const;

export function importHandlers(ctx: EngineContext): HandlerTable {
  const { keeper } = ctx;
  return {
    'import.start': async ({ paths, filter }) => {
      if (ctx.jobs.running('import')) throw new AppError('BUSY', 'an import is already running');
      // Evidence never merges into the demo: importing while it is open starts a new, untitled case.
      const newCase = keeper.unsavedId() === DEMO_RECOVERY_ID;
      if (newCase) {
        await keeper.switchTo(() => CaseDb.create(), newUnsavedLocation());
        ctx.announceCase(CASE_PARTS);
      }
      const db = ctx.db;
      const jobId = ctx.jobs.start('import', (signal, progress) =>
        importIntoCase(db, paths, {
          signal,
          onProgress: progress,
          filter,
          logActivity: true,
          onCaseChanged: () => {
            if (db !== ctx.db) return; // another case was opened meanwhile
            keeper.markDirty();
            ctx.announceCase(['signins', 'sessions', 'geo', 'meta']); // rows, derived sessions and geo, sources
          },
        }),
      );
      return { jobId, newCase };
    },
    'import.errors': ({ sourceId, limit }) =>
      ctx.db.rows(
        `SELECT source_id AS sourceId, file, record_index AS recordIndex, byte_offset AS byteOffset, severity, message FROM import_errors ${sourceId === undefined ? '' : 'WHERE source_id = ?'} ORDER BY id LIMIT ?`,
        sourceId === undefined ? [limit] : [sourceId, limit],
        IMPORT_ERROR_ROW,
      ),
    'jobs.cancel': ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  };
}
