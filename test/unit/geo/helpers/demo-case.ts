// A small generated demo set (with planted attacks and their ground truth) imported, enriched and
// sessionized: shared by the geo and sessions tests that check the planted attacks are found.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseDb } from '../../../../main/db/case-db';
import { writeDemoSet } from '../../../../main/generator/demo-set';
import type { AttackKind, AttackTruth, GroundTruth } from '../../../../main/generator/ground-truth';
import { enrichCase } from '../../../../main/geo/enrich';
import { importFiles } from '../../../../main/import/pipeline';
import { buildSessions } from '../../../../main/sessions/build-sessions';

export interface DemoCase {
  caseDb: CaseDb;
  truth: GroundTruth;
  attack(kind: AttackKind): AttackTruth;
}

export async function buildDemoCase(seed = 11): Promise<DemoCase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'signinscope-geo-demo-'));
  try {
    const manifest = await writeDemoSet(dir, { seed, users: 30, days: 7 });
    const caseDb = await CaseDb.create();
    await importFiles(
      caseDb,
      manifest.files.map((f) => f.path),
    );
    await enrichCase(caseDb);
    await buildSessions(caseDb);
    const truth = manifest.groundTruth;
    const attack = (kind: AttackKind) => {
      const found = truth.attacks.find((a) => a.kind === kind);
      if (!found) throw new Error(`the demo set planted no ${kind}`);
      return found;
    };
    return { caseDb, truth, attack };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
