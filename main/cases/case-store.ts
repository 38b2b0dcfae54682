// Case files: one SQLite file (opens in sqlite3 / DB Browser) holding the sign-ins, the evidence
// manifest, import errors and the investigator's work. Saved atomically; reopened without re-import.
import { promises as fsp } from 'node:fs';
import { CaseDb } from '../db/case-db';
import { writeFileAtomic } from './atomic-write';

export const CASE_EXTENSION = '.signinscope';

export async function saveCase(caseDb: CaseDb, target: string): Promise<number> {
  caseDb.setMeta('saved_at', new Date().toISOString());
  const bytes = caseDb.export();
  await writeFileAtomic(target, bytes);
  return bytes.length;
}

export async function loadCase(file: string): Promise<CaseDb> {
  const bytes = await fsp.readFile(file);
  if (bytes.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') {
    throw new Error(`${file} is not a SigninScope case file (not an SQLite database)`);
  }
  return CaseDb.create(bytes);
}
