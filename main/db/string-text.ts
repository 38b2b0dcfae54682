// Text of dictionary ids: the one home for turning the integers rows store back into strings.
// `stringValues` fetches a batch in one query; `stringLookup` memoizes single ids for loops that meet
// the same few ids again and again.
import type { CaseDb } from './case-db';
import { NUM, STR } from './row-spec';

const BATCH = 500;

/** Text of the given ids (duplicates and unknown ids are fine), in batches of bound parameters. */
export function stringValues(caseDb: CaseDb, ids: Iterable<number>): Map<number, string> {
  const out = new Map<number, string>();
  const list = [...new Set(ids)];
  for (let i = 0; i < list.length; i += BATCH) {
    const chunk = list.slice(i, i + BATCH);
    const sql = `SELECT id, value FROM strings WHERE id IN (${chunk.map(() => '?').join(', ')})`;
    caseDb.forEach(sql, chunk, { id: NUM, value: STR }, ({ id, value }) => void out.set(id, value));
  }
  return out;
}

/** Text of one id; null for NULL or an unknown id. */
export function stringValue(caseDb: CaseDb, id: number | null): string | null {
  return id === null ? null : (caseDb.value('SELECT value FROM strings WHERE id = ?', [id], STR) ?? null);
}

/**
 * A memoized id → text lookup (each distinct id is read once), optionally mapped (e.g. upper-cased
 * country codes). Null for NULL, an unknown id, or what `map` turns into null.
 */
export function stringLookup(caseDb: CaseDb, map: (text: string) => string | null = (t) => t): (id: number | null | undefined) => string | null {
  const memo = new Map<number, string | null>();
  return (id) => {
    if (id === null || id === undefined) return null;
    let text = memo.get(id);
    if (text === undefined) {
      const stored = stringValue(caseDb, id);
      text = stored === null ? null : map(stored);
      memo.set(id, text);
    }
    return text;
  };
}
