// Case channels: new, demo, open (with evidence verification as a job), save, info.
import { CASE_PARTS } from '../../../shared/api/contract';
import { AppError, messageOf } from '../../../shared/errors';
import { caseInfo, TIME_ZONE_KEY } from '../../cases/case-info';
import { DEMO_RECOVERY_ID, newUnsavedLocation } from '../../cases/autosave';
import { loadCase } from '../../cases/case-store';
import { openDemoCase } from '../../cases/demo-case';
import { checkEvidence, relocateEvidence, type EvidenceCheck } from '../../cases/evidence-check';
import { defaultAuthor } from '../../annotations/author';
import { CaseDb } from '../../db/case-db';
import type { EngineContext, HandlerTable } from '../context';
import { warmQueryCaches } from '../../query/warm-caches';

export function caseHandlers(ctx: EngineContext): HandlerTable {
  const { keeper } = ctx; // journal + autosave: every switch autosaves first and replays the new case's journal
  let evidence: EvidenceCheck[] = [];
  ctx.onCaseChanged(() => (evidence = []));
  const info = () => caseInfo(ctx.db, { path: keeper.casePath, dirty: keeper.dirty, evidence });

  const verifyEvidence = () => {
    const db = ctx.db;
    ctx.jobs.start('verify-evidence', async (signal) => {
      const checks = await checkEvidence(db, signal);
      if (db !== ctx.db) return null;
      evidence = checks;
      ctx.announceCase(['meta']); // the sources' evidence checks
      return checks;
    });
  };

  return {
    'case.info': () => info(),
    'case.new': async () => {
      await keeper.switchTo(() => CaseDb.create(), newUnsavedLocation());
      ctx.announceCase(CASE_PARTS);
      return info();
    },
    'case.openDemo': async () => {
      await keeper.switchTo(async () => (await openDemoCase()).caseDb, { kind: 'unsaved', id: DEMO_RECOVERY_ID }, { preferRecovered: true, openDetails: { demo: true } });
      ctx.announceCase(CASE_PARTS);
      verifyEvidence();
      return info();
    },
    'case.open': async ({ path }) => {
      await keeper.switchTo(() => loadCase(path), { kind: 'file', casePath: path }, { openDetails: { path } });
      warmQueryCaches(ctx.db); // here rather than in front of the page's first chart and search
      ctx.announceCase(CASE_PARTS);
      verifyEvidence();
      return info();
    },
    'case.setTimeZone': ({ zone }) => {
      if (ctx.db.meta(TIME_ZONE_KEY) !== zone) {
        ctx.db.setMeta(TIME_ZONE_KEY, zone);
        keeper.markDirty();
      }
      return info();
    },
    'case.locateEvidence': async ({ sourceId, path }) => {
      const db = ctx.db;
      let check: EvidenceCheck;
      try {
        check = await relocateEvidence(db, sourceId, path);
      } catch (e) {
        throw new AppError('INVALID_INPUT', messageOf(e));
      }
      if (db !== ctx.db) throw new AppError('BUSY', 'another case was opened meanwhile');
      evidence = [...evidence.filter((c) => c.sourceId !== sourceId), check].sort((a, b) => a.sourceId - b.sourceId);
      keeper.markDirty();
      await keeper.commit({ type: 'activity', action: 'locate', details: { sourceId, path }, author: defaultAuthor(), at: Date.now() });
      return info();
    },
    'case.save': async ({ path, overwrite }) => {
      const target = path ?? keeper.casePath;
      if (!target) throw new AppError('INVALID_INPUT', 'this case has not been saved yet: choose a file name');
      if (ctx.jobs.running('import')) throw new AppError('BUSY', 'an import is running: save when it has finished or cancel it');
      const bytes = await keeper.saveAs(target, undefined, overwrite === true); // also sets casePath, clears dirty, restarts the journal
      return { path: target, bytes };
    },
  };
}
