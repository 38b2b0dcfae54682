// Small SQL helpers for rules: dictionary ids of known strings (so rules filter on indexed integer
// columns instead of text), and cancelling. Lists and text of ids live in query/sql-list and
// db/string-text.
import type { CaseDb } from '../db/case-db';
import { NUM } from '../db/row-spec';
import { LIKE_ESCAPE, likePattern } from '../query/sql-list';

/** Ids of values present in the case dictionary (exact, case-sensitive like the data). */
export function dictIds(db: CaseDb, values: readonly string[]): number[] {
  const ids: number[] = [];
  for (const v of values) {
    const id = db.strings.lookupId(v);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** Ids of dictionary values containing any of the fragments (ASCII case-insensitive, like SQL LIKE). */
export function dictIdsContaining(db: CaseDb, fragments: readonly string[]): number[] {
  const ids = new Set<number>();
  for (const f of fragments) db.forEach(`SELECT id FROM strings WHERE value LIKE ? ${LIKE_ESCAPE}`, [likePattern(f, 'contains')], { id: NUM }, ({ id }) => void ids.add(id));
  return [...ids];
}

/**
 * Successful sign-ins are most of the table: reaching them through ix_code_time costs a random row
 * lookup each, 3x slower than a plain scan, so rules filtering them with unindexed columns write
 * `+status_code` (the unary plus keeps SQLite off the index).
 */
export const SUCCEEDED = '+status_code = 0';

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new DetectionCancelled();
}

export class DetectionCancelled extends Error {
  constructor() {
    super('detections cancelled');
  }
}
