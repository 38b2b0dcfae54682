// Detections channels: rules and thresholds, a run as a job (progress per rule, cancel between
// rules), stored findings.
import { AppError } from '../../../shared/errors';
import { listFindings } from '../../detections/finding-store';
import { runDetections } from '../../detections/runner';
import { detectionStatus, saveRun } from '../../detections/run-record';
import { InvalidSettingError, listRules, updateSettings } from '../../detections/settings';
import { RULE_BY_ID } from '../../detections/registry';
import type { EngineContext, HandlerTable } from '../context';

export function detectionHandlers(ctx: EngineContext): HandlerTable {
  return {
    'detections.list': () => listRules(ctx.db),
    'detections.run': ({ ruleIds }) => {
      if (ctx.jobs.running('detections')) throw new AppError('BUSY', 'detections are already running');
      // Rules read the case between their statements: an import landing halfway would skew windows.
      if (ctx.jobs.running('import')) throw new AppError('BUSY', 'wait for the import to finish before running detections');
      const unknown = ruleIds?.find((id) => !RULE_BY_ID.has(id));
      if (unknown) throw new AppError('INVALID_INPUT', `unknown rule ${unknown}`);
      const db = ctx.db;
      const jobId = ctx.jobs.start('detections', async (signal, progress) => {
        const result = await runDetections(db, {
          ...(ruleIds ? { ruleIds } : {}),
          signal,
          // the rule being run as the "file" worked on, rules done as fileIndex/bytesDone, findings so far as records
          onProgress: (p) =>
            progress({
              phase: 'detecting',
              file: p.title,
              fileIndex: p.index,
              files: p.total,
              bytesDone: p.index,
              bytesTotal: p.total,
              records: p.findings,
              recordsPerSecond: 0,
              bytesPerSecond: 0,
            }),
        });
        if (db === ctx.db && result.completedRuleIds.length) {
          saveRun(db, result);
          ctx.keeper.markDirty();
        }
        return result.summary;
      });
      return { jobId };
    },
    'detections.findings': (query) => listFindings(ctx.db, query),
    'detections.status': () => detectionStatus(ctx.db),
    'detections.settings': (change) => {
      try {
        const info = updateSettings(ctx.db, change);
        ctx.keeper.markDirty();
        return info;
      } catch (e) {
        if (e instanceof InvalidSettingError) throw new AppError('INVALID_INPUT', e.message);
        throw e;
      }
    },
  };
}
