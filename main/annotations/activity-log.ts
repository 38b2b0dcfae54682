// The case's append-only activity log (triggers refuse UPDATE and DELETE): what was done, when and by
// whom. Annotation changes write it themselves; imports, saves and opens call `logActivity`.
import type { ActivityAction, ActivityEntry } from '../../shared/model/annotation';
import type { CaseDb } from '../db/case-db';
import { NUM, STR, STR_NULL } from '../db/row-spec';
import { defaultAuthor } from './author';
import { ensureAnnotationTables } from './tables';

export interface ActivityStamp {
  author?: string | undefined;
  /** Epoch ms; journal replay passes the original time. */
  at?: number | undefined;
}

export function logActivity(caseDb: CaseDb, action: ActivityAction, details: unknown, stamp: ActivityStamp = {}): void {
  ensureAnnotationTables(caseDb);
  caseDb.run('INSERT INTO activity_log (time, author, action, details_json) VALUES (?, ?, ?, ?)', [
    new Date(stamp.at ?? Date.now()).toISOString(),
    stamp.author ?? defaultAuthor(),
    action,
    JSON.stringify(details ?? null),
  ]);
}

export function listActivity(caseDb: CaseDb, req: { action?: ActivityAction | undefined; offset: number; limit: number }): { total: number; items: ActivityEntry[] } {
  ensureAnnotationTables(caseDb);
  const where = req.action ? 'WHERE action = ?' : '';
  const params = req.action ? [req.action] : [];
  const total = caseDb.value(`SELECT count(*) FROM activity_log ${where}`, params, NUM) ?? 0;
  const spec = { id: NUM, time: STR, author: STR, action: STR, details_json: STR_NULL } as const;
  const items = caseDb
    .rows(`SELECT id, time, author, action, details_json FROM activity_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, req.limit, req.offset], spec)
    .map((e) => ({ id: e.id, time: e.time, author: e.author, action: e.action, details: e.details_json === null ? null : JSON.parse(e.details_json) }));
  return { total, items };
}
