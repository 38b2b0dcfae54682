// Case files: one SQLite file (opens in sqlite3 / DB Browser) holding the sign-ins, the evidence
// manifest, import errors and the investigator's work. Saved atomically; reopened without re-import.
import { CaseDb } from '../db/case-db';
import { openRegularFile } from '../import/evidence';
import { writeFileAtomic } from './atomic-write';
import { appSchema, repairSchema } from './schema-repair';
import { checkWriteTarget } from './write-target';

export const CASE_EXTENSION = '.signinscope';

/**
 * Writes the case to `target`, which must pass the write-target rule (main/cases/write-target.ts):
 * never evidence; an existing file only when it is a case and `replace` says so.
 */
export async function saveCase(caseDb: CaseDb, target: string, opts: { replace?: boolean; evidence?: readonly string[] } = {}): Promise<number> {
  await checkWriteTarget(caseDb, target, { kind: 'case', ...opts });
  caseDb.setMeta('saved_at', new Date().toISOString());
  const bytes = caseDb.export();
  await writeFileAtomic(target, bytes);
  return bytes.length;
}

export async function loadCase(file: string): Promise<CaseDb> {
  const bytes = await readWhole(file);
  if (Buffer.from(bytes.subarray(0, 16)).toString('latin1') !== 'SQLite format 3\u0000') {
    throw new Error(`${file} is not a SigninScope case file (not an SQLite database)`);
  }
  const app = await appSchema();
  let dropped: string[] = [];
  const caseDb = await CaseDb.create(bytes, (db) => (dropped = repairSchema(db, app)));
  if (dropped.length) schemaRepairs.set(caseDb, dropped);
  return caseDb;
}

const schemaRepairs = new WeakMap<CaseDb, string[]>();

/** What loadCase dropped from this case because it was not SigninScope's own (views, triggers, indexes). */
export function schemaRepairsOf(caseDb: CaseDb): string[] {
  return schemaRepairs.get(caseDb) ?? [];
}

/** The whole file in one array; fs.readFile stops at 2 GiB, and a 5M sign-in case is larger. */
async function readWhole(file: string): Promise<Uint8Array> {
  const handle = await openRegularFile(file);
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(size);
    for (let at = 0; at < size;) {
      const { bytesRead } = await handle.read(bytes, at, Math.min(64 << 20, size - at), at);
      if (bytesRead === 0) throw new Error(`${file} ended early while being read`);
      at += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}
