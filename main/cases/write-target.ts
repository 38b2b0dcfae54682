// The one rule every writer obeys before it creates or replaces a file (case save, autosave, export,
// report, CLI --case): evidence is never a write target, and an existing file is replaced only when
// it is the right kind and the user said so.
//   - an evidence file of the open case (or of the import under way) is refused, whether named by the
//     same path, another path to it (symlink, `..`) or a hard link to the same inode;
//   - anything that exists and is not a regular file (folder, FIFO, device) is refused;
//   - a case replaces only a SigninScope case, and only with `replace` (the user confirmed, CLI
//     --replace, or the case's own file); an export or report never replaces a case, and replaces any
//     other file only with `replace`.
import { promises as fsp, type Stats } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { CaseDb } from '../db/case-db';
import { STR } from '../db/row-spec';

export type WriteKind = 'case' | 'export' | 'report';

export interface WriteTargetOptions {
  kind: WriteKind;
  /** Replacing an existing file was confirmed (or it is the case's own file). */
  replace?: boolean;
  /** Evidence beyond the case's manifest (files about to be imported). */
  evidence?: readonly string[];
}

/** Bytes that start every SQLite file, and the table only a SigninScope case has. */
const SQLITE_MAGIC = 'SQLite format 3\u0000';
const CASE_TABLE = 'CREATE TABLE case_meta (';
const SCHEMA_SCAN_BYTES = 1 << 20;

/** Throws FORBIDDEN (or EXISTS when only a confirmation is missing) unless `target` may be written. */
export async function checkWriteTarget(caseDb: CaseDb | null, target: string, opts: WriteTargetOptions): Promise<void> {
  const abs = path.resolve(target);
  const real = await realPath(abs);
  const existing = await fsp.stat(abs).catch(() => null);
  for (const ev of [...(caseDb ? evidencePaths(caseDb) : []), ...(opts.evidence ?? [])]) {
    const evAbs = path.resolve(ev);
    const evStat = await fsp.stat(evAbs).catch(() => null);
    if (real === (await realPath(evAbs)) || (existing && evStat && sameFile(existing, evStat))) {
      throw new AppError('FORBIDDEN', `${abs} is evidence of this case (${evAbs}): evidence is never written. Choose another file name.`);
    }
  }
  if (!existing) return;
  if (!existing.isFile()) throw new AppError('FORBIDDEN', `${abs} exists and is not a regular file: choose another file name`);
  const isCase = await isCaseFile(abs);
  if (opts.kind === 'case' && !isCase) throw new AppError('FORBIDDEN', `${abs} exists and is not a SigninScope case: a case replaces only another case. Choose another file name.`);
  if (opts.kind !== 'case' && isCase) throw new AppError('FORBIDDEN', `${abs} is a SigninScope case: an ${opts.kind} never replaces a case. Choose another file name.`);
  if (!opts.replace) throw new AppError('EXISTS', `${abs} exists: confirm that it should be replaced`);
}

/** Evidence files recorded in the case's manifest. */
export function evidencePaths(caseDb: CaseDb): string[] {
  return caseDb.rows('SELECT DISTINCT path FROM sources WHERE path IS NOT NULL', [], { path: STR }).map((r) => r.path);
}

/** A SigninScope case: an SQLite file whose schema holds the case_meta table. */
export async function isCaseFile(file: string): Promise<boolean> {
  const handle = await fsp.open(file, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(SCHEMA_SCAN_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    return bytes.subarray(0, 16).toString('latin1') === SQLITE_MAGIC && bytes.includes(CASE_TABLE, 0, 'latin1');
  } finally {
    await handle.close();
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** The real path of a file, or of its folder plus its name when it does not exist yet. */
async function realPath(abs: string): Promise<string> {
  try {
    return await fsp.realpath(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(await realPath(parent), path.basename(abs));
  }
}
