// Reading the investigator's work: the annotations panel (newest first, filtered, paged), the grid's
// per-row marks, and the tags in use.
import { COLUMN_BY_KEY } from '../../shared/model/columns';
import type { z } from 'zod';
import { PREDEFINED_TAGS, type AnnotationItem, type AnnotationListReq } from '../../shared/model/annotation';
import type { CaseDb } from '../db/case-db';
import { CELL, NUM, NUM_NULL, STR, STR_NULL, type SqlValue } from '../db/row-spec';
import { viewExpression } from '../db/schema';
import { inList } from '../query/sql-list';
import { ensureAnnotationTables } from './tables';
import { targetFromRow, targetMatch } from './targets';

type ListReq = z.output<typeof AnnotationListReq>;

const BRIEF_COLUMNS = ['created_at', 'user_principal_name', 'ip_address', 'app_display_name', 'status'] as const;
const BRIEF_SQL = BRIEF_COLUMNS.map((key) => `${viewExpression(COLUMN_BY_KEY.get(key)!)} AS brief_${key}`).join(', ');
const ITEM_SPEC = {
  id: NUM,
  kind: STR,
  target_type: STR,
  rid: NUM_NULL,
  target_key: STR_NULL,
  tag: STR_NULL,
  note: STR_NULL,
  uid: STR_NULL,
  author: STR,
  created_ms: NUM,
  found: NUM_NULL,
  brief_created_at: CELL,
  brief_user_principal_name: CELL,
  brief_ip_address: CELL,
  brief_app_display_name: CELL,
  brief_status: CELL,
} as const;

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
  const total = caseDb.value(`SELECT count(*) FROM annotations a ${clause}`, params, NUM) ?? 0;
  const rows = caseDb.rows(
    `SELECT a.id, a.kind, a.target_type, a.rid, a.target_key, a.tag, a.note, a.uid, a.author, a.created_ms, d.rid AS found, ${BRIEF_SQL}
     FROM annotations a LEFT JOIN signin_data d ON d.rid = a.rid ${clause}
     ORDER BY a.id DESC LIMIT ? OFFSET ?`,
    [...params, req.limit, req.offset],
    ITEM_SPEC,
  );
  const text = (v: string | number | null) => (v === null ? null : String(v));
  const items = rows.map((a) => ({
    id: a.id,
    kind: a.kind as AnnotationItem['kind'],
    target: targetFromRow(a.target_type, a.rid, a.target_key),
    tag: a.tag,
    note: a.note,
    uid: a.uid,
    author: a.author,
    createdMs: a.created_ms,
    signin:
      a.found === null
        ? null
        : { createdAt: text(a.brief_created_at), user: text(a.brief_user_principal_name), ip: text(a.brief_ip_address), app: text(a.brief_app_display_name), status: text(a.brief_status) },
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
  const byRid = new Map<number, RowMarks>();
  caseDb.forEach(`SELECT rid, kind, tag FROM annotations WHERE ${inList('rid', rids, params)} ORDER BY rid, tag`, params, { rid: NUM, kind: STR, tag: STR_NULL }, ({ rid, kind, tag }) => {
    let marks = byRid.get(rid);
    if (!marks) byRid.set(rid, (marks = { rid, tags: [], starred: false, notes: 0 }));
    if (kind === 'tag') marks.tags.push(String(tag));
    else if (kind === 'star') marks.starred = true;
    else marks.notes++;
  });
  return rids.filter((rid) => byRid.has(rid)).map((rid) => byRid.get(rid)!);
}

/** Tags in use (sign-ins carrying each, other targets carrying each) and the predefined ones. */
export function tagsInUse(caseDb: CaseDb): { predefined: string[]; used: { tag: string; signins: number; others: number }[] } {
  ensureAnnotationTables(caseDb);
  const used = caseDb
    .rows("SELECT tag, count(rid) AS signins, count(*) - count(rid) AS others FROM annotations WHERE kind = 'tag' GROUP BY tag ORDER BY count(*) DESC, tag", [], {
      tag: STR,
      signins: NUM,
      others: NUM,
    })
    .map(({ tag, signins, others }) => ({ tag, signins, others }));
  return { predefined: [...PREDEFINED_TAGS], used };
}
