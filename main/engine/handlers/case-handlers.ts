// Case channels: new, demo, open (with evidence verification as a job), save, info.
import { ApiFailure } from '../../api/api-failure';
import { caseInfo } from '../../cases/case-info';
import { loadCase, saveCase } from '../../cases/case-store';
import { openDemoCase } from '../../cases/demo-case';
import { checkEvidence, type EvidenceCheck } from '../../cases/evidence-check';
import { CaseDb } from '../../db/case-db';
import type { EngineContext, HandlerTable } from '../context';
import type { Engine } from '../engine';

export function caseHandlers(ctx: EngineContext): HandlerTable {
  const engine = ctx as Engine;
  let evidence: EvidenceCheck[] = [];
  ctx.onCaseChanged(() => (evidence = []));
  const info = () => caseInfo(ctx.db, { path: engine.casePath, dirty: engine.dirty, evidence });

  const verifyEvidence = () => {
    const db = ctx.db;
    ctx.jobs.start('verify-evidence', async (signal) => {
      const checks = await checkEvidence(db, signal);
      if (db !== ctx.db) return null;
      evidence = checks;
      ctx.announceCase();
      return checks;
    });
  };

  return {
    'case.info': () => info(),
    'case.new': async () => {
      engine.replaceCase(await CaseDb.create(), null);
      return info();
    },
    'case.openDemo': async () => {
      const demo = await openDemoCase();
      engine.replaceCase(demo.caseDb, null);
      verifyEvidence();
      return info();
    },
    'case.open': async ({ path }) => {
      engine.replaceCase(await loadCase(path), path);
      verifyEvidence();
      return info();
    },
    'case.save': async ({ path }) => {
      const target = path ?? engine.casePath;
      if (!target) throw new ApiFailure('INVALID_INPUT', 'this case has not been saved yet: choose a file name');
      if (ctx.jobs.running('import')) throw new ApiFailure('BUSY', 'an import is running: save when it has finished or cancel it');
      const bytes = await saveCase(ctx.db, target);
      engine.casePath = target;
      engine.dirty = false;
      return { path: target, bytes };
    },
  };
}
