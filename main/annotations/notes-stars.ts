// Notes (many per target, each with a stable uid) and stars (one per target). Both are idempotent so
// that replaying a journal entry twice changes nothing.
import type { AnnotationTarget } from '../../shared/model/annotation';
import type { CaseDb } from '../db/case-db';
import { NUM, type SqlValue } from '../db/row-spec';
import { inList } from '../query/sql-list';
import { ensureAnnotationTables } from './tables';
import type { Stamp } from './tag-scope';
import { storedTarget, targetMatch } from './targets';

export function addNote(caseDb: CaseDb, target: AnnotationTarget, uid: string, text: string, stamp: Stamp): number {
  ensureAnnotationTables(caseDb);
  const t = storedTarget(target);
  return caseDb.run('INSERT OR IGNORE INTO annotations (kind, target_type, rid, target_key, note, uid, author, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    'note',
    t.targetType,
    t.rid,
    t.key,
    text,
    uid,
    stamp.author,
    stamp.at,
  ]);
}

export function deleteNote(caseDb: CaseDb, uid: string): number {
  ensureAnnotationTables(caseDb);
  return caseDb.run("DELETE FROM annotations WHERE kind = 'note' AND uid = ?", [uid]);
}

export function setStar(caseDb: CaseDb, target: AnnotationTarget, starred: boolean, stamp: Stamp): number {
  ensureAnnotationTables(caseDb);
  const t = storedTarget(target);
  if (starred)
    return caseDb.run('INSERT OR IGNORE INTO annotations (kind, target_type, rid, target_key, author, created_ms) VALUES (?, ?, ?, ?, ?, ?)', [
      'star',
      t.targetType,
      t.rid,
      t.key,
      stamp.author,
      stamp.at,
    ]);
  const match = targetMatch(target);
  return caseDb.run(`DELETE FROM annotations WHERE kind = 'star' AND ${match.sql}`, match.params);
}

/** Stars (or unstars) a selection of sign-ins at once; rids not in the case are skipped. */
export function setStarOnRows(caseDb: CaseDb, rids: readonly number[], starred: boolean, stamp: Stamp): { matched: number; changed: number } {
  ensureAnnotationTables(caseDb);
  const params: SqlValue[] = [];
  const inCase = `SELECT d.rid FROM signin_data d WHERE ${inList('d.rid', rids, params)}`;
  const matched = caseDb.value(`SELECT count(*) FROM (${inCase})`, params, NUM) ?? 0;
  const changed = starred
    ? caseDb.run(`INSERT OR IGNORE INTO annotations (kind, target_type, rid, author, created_ms) SELECT 'star', 'signin', rid, ?, ? FROM (${inCase})`, [stamp.author, stamp.at, ...params])
    : caseDb.run(`DELETE FROM annotations WHERE kind = 'star' AND target_type = 'signin' AND rid IN (${inCase})`, params);
  return { matched, changed };
}
