// Small SQL helpers for rules: dictionary ids of known strings (so rules filter on indexed integer
// columns instead of text), safe IN lists, decoding ids back to text.
import type { CaseDb } from '../db/case-db';

export type SqlParam = string | number | null;

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
  for (const f of fragments) {
    const pattern = `%${f.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    for (const [id] of db.all("SELECT id FROM strings WHERE value LIKE ? ESCAPE '\\'", [pattern])) ids.add(Number(id));
  }
  return [...ids];
}

/**
 * Successful sign-ins are most of the table: reaching them through ix_code_time costs a random row
 * lookup each, 3x slower than a plain scan, so rules filtering them with unindexed columns write
 * `+status_code` (the unary plus keeps SQLite off the index).
 */
export const SUCCEEDED = '+status_code = 0';

/** `(1,2,3)` for an IN clause; `(NULL)` matches nothing, so an absent value simply finds no rows. */
export function inList(values: readonly number[]): string {
  for (const v of values) if (!Number.isFinite(v)) throw new Error(`not a number in an IN list: ${v}`);
  return values.length ? `(${values.join(',')})` : '(NULL)';
}

/** `column NOT IN (...)`, true for every row when the list is empty (`x NOT IN (NULL)` is never true). */
export function notIn(column: string, values: readonly number[]): string {
  return values.length ? `${column} NOT IN ${inList(values)}` : '1';
}

/** Text of dictionary ids, batched. */
export function decode(db: CaseDb, ids: Iterable<number>): Map<number, string> {
  const out = new Map<number, string>();
  const list = [...new Set(ids)];
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    for (const [id, value] of db.all(`SELECT id, value FROM strings WHERE id IN ${inList(chunk)}`)) out.set(Number(id), String(value));
  }
  return out;
}

export function decodeOne(db: CaseDb, id: number | null): string | null {
  return id === null ? null : (decode(db, [id]).get(id) ?? null);
}

export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new DetectionCancelled();
}

export class DetectionCancelled extends Error {
  constructor() {
    super('detections cancelled');
  }
}
