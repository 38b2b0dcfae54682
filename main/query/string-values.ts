// Text of dictionary ids, fetched in one query for a page of results.
import type { CaseDb } from '../db/case-db';
import { inList, type SqlParam } from './sql-list';

export function stringValues(caseDb: CaseDb, ids: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  const params: SqlParam[] = [];
  for (const [id, value] of caseDb.all(`SELECT id, value FROM strings WHERE ${inList('id', [...new Set(ids)], params)}`, params)) {
    out.set(Number(id), String(value));
  }
  return out;
}
