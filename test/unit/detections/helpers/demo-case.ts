// The generator's demo set (fixed seed) imported into a case: the planted attacks and their ground
// truth, shared by the planted-attack tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttackKind, GroundTruth } from '../../../../main/generator/ground-truth';
import { writeDemoSet } from '../../../../main/generator/demo-set';
import { CaseDb } from '../../../../main/db/case-db';
import { importFiles } from '../../../../main/import/pipeline';

export const DEMO_SEED = 20250303;

export interface DemoCase {
  db: CaseDb;
  truth: GroundTruth;
  /** Planted request id → attack kind. */
  kindOf: Map<string, AttackKind>;
}

export async function demoCase(): Promise<DemoCase> {
  const dir = mkdtempSync(join(tmpdir(), 'detections-demo-'));
  const manifest = await writeDemoSet(dir, { seed: DEMO_SEED, users: 100, days: 7 });
  const db = await CaseDb.create();
  await importFiles(
    db,
    manifest.files.map((f) => f.path),
  );
  rmSync(dir, { recursive: true, force: true });
  const kindOf = new Map<string, AttackKind>();
  for (const a of manifest.groundTruth.attacks) for (const id of a.requestIds) kindOf.set(id, a.kind);
  return { db, truth: manifest.groundTruth, kindOf };
}
