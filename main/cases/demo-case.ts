// The embedded demo case: a fictional tenant's week written by the seeded generator (every export
// format, overlapping files, planted attacks), imported once and cached as a case file. Nothing real
// is shipped; the same seed always gives the same case.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CaseDb } from '../db/case-db';
import { cacheDir } from '../platform/cache-dir';
import { writeDemoSet } from '../generator/demo-set';
import { importIntoCase } from '../import/import-sequence';
import { loadCase, saveCase } from './case-store';
import { saveRun } from '../detections/run-record';
import { runDetections } from '../detections/runner';

export const DEMO_SEED = 20251104;
const DEMO_VERSION = 4; // bump when the generator's output changes (4: admin-center labels in the portal CSVs)

export async function openDemoCase(): Promise<{ caseDb: CaseDb; evidenceDir: string }> {
  const dir = path.join(cacheDir(), `demo-v${DEMO_VERSION}-${DEMO_SEED}`);
  const evidenceDir = path.join(dir, 'evidence');
  const caseFile = path.join(dir, 'demo.signinscope');
  if (existsSync(caseFile)) {
    try {
      return { caseDb: await loadCase(caseFile), evidenceDir };
    } catch {
      rmSync(caseFile, { force: true }); // a damaged cache is rebuilt below
    }
  }
  mkdirSync(evidenceDir, { recursive: true });
  const manifest = await writeDemoSet(evidenceDir, { seed: DEMO_SEED });
  const caseDb = await CaseDb.create();
  caseDb.setMeta('title', 'Demo: Northwind Traders (generated)');
  await importIntoCase(
    caseDb,
    manifest.files.map((f) => f.path),
  );
  // The demo opens with its findings in place: the responder's first question is "what fired?".
  saveRun(caseDb, await runDetections(caseDb));
  await saveCase(caseDb, caseFile);
  return { caseDb, evidenceDir };
}
