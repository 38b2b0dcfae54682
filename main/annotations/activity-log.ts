// The case's append-only activity log (triggers refuse UPDATE and DELETE): what was done, when and by
// whom. Annotation changes write it themselves; imports, saves and opens call `logActivity`.
import type { ActivityAction, ActivityEntry } from '../../shared/model/annotation';
import type { CaseDb } from '../db/case-db';
import { defaultAuthor } from './author';
import { ensureAnnotationTables } from './tables';

export interface ActivityStamp {
  author?: string | undefined;
  /** Epoch ms; journal replay passes the original time. */
  at?: number | undefined;
}

export function logActivity(caseDb: CaseDb, action: ActivityAction, details: unknown, stamp: ActivityStamp = {}): void {
  ensureAnnotationTables(caseDb);
  caseDb.db.run('INSERT INTO activity_log (time, author, action, details_json) VALUES (?, ?, ?, ?)', [
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
  const total = Number(caseDb.scalar(`SELECT count(*) FROM activity_log ${where}`, params));
  const items = caseDb
    .all(`SELECT id, time, author, action, details_json FROM activity_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, req.limit, req.offset])
    .map(([id, time, author, action, details]) => ({
      id: Number(id),
      time: String(time),
      author: String(author),
      action: String(action),
      details: details === null ? null : JSON.parse(String(details)),
    }));
  return { total, items };
}
