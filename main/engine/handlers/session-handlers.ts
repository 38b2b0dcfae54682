// Sessions channels: list (filtered, sorted, paged), one session with its rows, rebuild (a job).
import { AppError } from '../../../shared/errors';
import { buildSessions } from '../../sessions/build-sessions';
import { getSession } from '../../sessions/get-session';
import { listSessions, SessionMatchCache } from '../../sessions/list-sessions';
import type { EngineContext, HandlerTable } from '../context';

export function sessionHandlers(ctx: EngineContext): HandlerTable {
  let cache = new SessionMatchCache();
  ctx.onCaseChanged(() => (cache = new SessionMatchCache()));
  return {
    'sessions.list': (req) => listSessions(ctx.db, req, cache),
    'sessions.get': (req) => getSession(ctx.db, req),
    'sessions.rebuild': () => {
      if (ctx.jobs.running('import')) throw new AppError('BUSY', 'an import is running: sessions are rebuilt when it ends');
      if (ctx.jobs.running('sessions') || ctx.jobs.running('geo-enrich')) throw new AppError('BUSY', 'the sessions or the IP enrichment are already being rebuilt');
      const db = ctx.db;
      const jobId = ctx.jobs.start('sessions', async (signal, progress) => {
        const summary = await buildSessions(db, signal, {
          onProgress: (done, total) =>
            progress({ phase: 'sessions', file: 'sessions', fileIndex: 0, files: 1, bytesDone: done, bytesTotal: total, records: done, recordsPerSecond: 0, bytesPerSecond: 0 }),
        });
        if (db === ctx.db) {
          cache = new SessionMatchCache();
          ctx.keeper.markDirty();
        }
        return summary;
      });
      return { jobId };
    },
  };
}
