// Reading the investigator's work: the annotations panel (newest first, filtered, paged), the grid's
// per-row marks, and the tags in use.
import type { SqlValue } from '../db/row-spec';
import { COLUMN_BY_KEY } from '../../shared/model/columns';
import type { z } from 'zod';
import { PREDEFINED_TAGS, type AnnotationItem, type AnnotationListReq } from '../../shared/model/annotation';
import type { CaseDb } from '../db/case-db';
import { viewExpression } from '../db/schema';
import { inList } from '../query/sql-list';
import { ensureAnnotationTables } from './tables';
import { targetFromRow, targetMatch } from './targets';

type ListReq = z.output<typeof AnnotationListReq>;

const BRIEF_COLUMNS = ['created_at', 'user_principal_name', 'ip_address', 'app_display_name', 'status'] as const;
const BRIEF_SQL = BRIEF_COLUMNS.map((key) => viewExpression(COLUMN_BY_KEY.get(key)!)).join(', ');

export function listAnnotations(caseDb: CaseDb, req: ListReq): { total: number; items: AnnotationItem[] } {
  ensureAnnotationTables(caseDb);
  const where: string[] = [];
  const params: SqlValue[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`a.${column} = ?`);
    params.push(value);
  };
  equal('kind', req.kind);
  equal('tag', req.tag);
  equal('target_type', req.targetType);
  if (req.target) {
    const match = targetMatch(req.target, 'a.');
    where.push(match.sql);
    params.push(...match.params);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number(caseDb.scalar(`SELECT count(*) FROM annotations a ${clause}`, params));
  const rows = caseDb.all(
    `SELECT a.id, a.kind, a.target_type, a.rid, a.target_key, a.tag, a.note, a.uid, a.author, a.created_ms, d.rid, ${BRIEF_SQL}
     FROM annotations a LEFT JOIN signin_data d ON d.rid = a.rid ${clause}
     ORDER BY a.id DESC LIMIT ? OFFSET ?`,
    [...params, req.limit, req.offset],
  );
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const items = rows.map(([id, kind, type, rid, key, tag, note, uid, author, created, found, at, user, ip, app, status]) => ({
    id: Number(id),
    kind: kind as AnnotationItem['kind'],
    target: targetFromRow(type, rid, key),
    tag: text(tag),
    note: text(note),
    uid: text(uid),
    author: String(author),
    createdMs: Number(created),
    signin: found === null ? null : { createdAt: text(at), user: text(user), ip: text(ip), app: text(app), status: text(status) },
  }));
  return { total, items };
}

export interface RowMarks {
  rid: number;
  tags: string[];
  starred: boolean;
  notes: number;
}

/** Tags, star and note count of the given sign-ins (only those carrying any), in the order given. */
export function marksOfRids(caseDb: CaseDb, rids: readonly number[]): RowMarks[] {
  ensureAnnotationTables(caseDb);
  if (rids.length === 0) return [];
  const params: SqlValue[] = [];
  const rows = caseDb.all(`SELECT rid, kind, tag FROM annotations WHERE ${inList('rid', rids, params)} ORDER BY rid, tag`, params);
  const byRid = new Map<number, RowMarks>();
  for (const [rid, kind, tag] of rows) {
    const r = Number(rid);
    let marks = byRid.get(r);
    if (!marks) byRid.set(r, (marks = { rid: r, tags: [], starred: false, notes: 0 }));
    if (kind === 'tag') marks.tags.push(String(tag));
    else if (kind === 'star') marks.starred = true;
    else marks.notes++;
  }
  return rids.filter((rid) => byRid.has(rid)).map((rid) => byRid.get(rid)!);
}

/** Tags in use (sign-ins carrying each, other targets carrying each) and the predefined ones. */
export function tagsInUse(caseDb: CaseDb): { predefined: string[]; used: { tag: string; signins: number; others: number }[] } {
  ensureAnnotationTables(caseDb);
  const used = caseDb
    .all("SELECT tag, count(rid), count(*) - count(rid) FROM annotations WHERE kind = 'tag' GROUP BY tag ORDER BY count(*) DESC, tag")
    .map(([tag, signins, others]) => ({ tag: String(tag), signins: Number(signins), others: Number(others) }));
  return { predefined: [...PREDEFINED_TAGS], used };
}
