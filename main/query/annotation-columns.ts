// Values of the grid's annotation columns (tags, starred) for a page of rows, their sort ranks and
// their value counts under a filter. Read from `annotations` at query time, so a tag added a second
// ago shows, sorts and counts at once.
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { AnnotationColumnKey } from '../../shared/model/grid-columns';
import { ensureAnnotationTables } from '../annotations/tables';
import type { CaseDb } from '../db/case-db';
import { NUM, STR, type SqlValue } from '../db/row-spec';
import { STARRED_RIDS, taggedRids } from './annotation-conditions';
import { buildWhere } from './filters';
import { inList, LIKE_ESCAPE, likePattern } from './sql-list';
import type { ValueCounts } from './value-counts';

const TAG_SEPARATOR = ', ';

/** Each row's cell: its tags in name order joined by ", " (null when untagged), or 1 / 0 for starred. */
export function annotationCells(caseDb: CaseDb, key: AnnotationColumnKey, rids: readonly number[]): Map<number, string | number | null> {
  ensureAnnotationTables(caseDb);
  const out = new Map<number, string | number | null>(rids.map((rid) => [rid, key === 'starred' ? 0 : null]));
  if (rids.length === 0) return out;
  const params: SqlValue[] = [];
  const sql =
    key === 'tags'
      ? `SELECT rid, tag FROM annotations WHERE kind = 'tag' AND ${inList('rid', rids, params)} ORDER BY rid, tag`
      : `SELECT rid, '' AS tag FROM annotations WHERE kind = 'star' AND ${inList('rid', rids, params)}`;
  caseDb.forEach(sql, params, { rid: NUM, tag: STR }, ({ rid, tag }) => {
    const prev = out.get(rid);
    out.set(rid, key === 'starred' ? 1 : prev ? `${prev}${TAG_SEPARATOR}${tag}` : tag);
  });
  return out;
}

/** Rank of every rid (an array indexed by rid, 0 = untagged / not starred) under the column's order. */
export function annotationRanks(caseDb: CaseDb, key: AnnotationColumnKey, maxRid: number): { byRid: Int32Array; max: number } {
  ensureAnnotationTables(caseDb);
  const byRid = new Int32Array(maxRid + 1);
  if (key === 'starred') {
    caseDb.forEachTuple(STARRED_RIDS, [], [NUM], ([rid]) => void (rid <= maxRid && (byRid[rid] = 1)));
    return { byRid, max: 1 };
  }
  const lists = new Map<number, string>();
  caseDb.forEachTuple(`SELECT rid, tag FROM annotations WHERE kind = 'tag' AND rid IS NOT NULL ORDER BY rid, tag`, [], [NUM, STR], ([rid, tag]) => {
    const prev = lists.get(rid);
    lists.set(rid, prev ? `${prev}${TAG_SEPARATOR}${tag}` : tag);
  });
  const distinct = [...new Set(lists.values())].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()) || (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map(distinct.map((text, i) => [text, i + 1]));
  for (const [rid, text] of lists) if (rid <= maxRid) byRid[rid] = rank.get(text)!;
  return { byRid, max: distinct.length };
}

/**
 * How many rows of the filter carry each tag (a row with two tags counts under both) or are starred
 * and not; untagged rows count under null. Most frequent first.
 */
export function annotationValueCounts(caseDb: CaseDb, key: AnnotationColumnKey, filter: FilterSpec, limit: number, search?: string): ValueCounts {
  ensureAnnotationTables(caseDb);
  const where = buildWhere(caseDb, filter);
  if (key === 'starred') {
    const rows = caseDb.rows(`SELECT d.rid IN (${STARRED_RIDS}) AS v, count(*) AS c FROM signin_data d WHERE ${where.sql} GROUP BY v ORDER BY c DESC, v`, where.params, { v: NUM, c: NUM });
    return { top: rows.slice(0, limit).map(({ v, c }) => [v, c]), distinct: rows.length };
  }
  const params = [...where.params];
  let tagTest = '';
  if (search) {
    tagTest = ` AND a.tag LIKE ? ${LIKE_ESCAPE}`;
    params.push(likePattern(search, 'contains'));
  }
  const rows = caseDb.rows(
    `SELECT a.tag, count(*) AS c FROM annotations a WHERE a.kind = 'tag' AND a.rid IN (SELECT d.rid FROM signin_data d WHERE ${where.sql})${tagTest} GROUP BY a.tag ORDER BY c DESC, a.tag`,
    params,
    { tag: STR, c: NUM },
  );
  const top: ValueCounts['top'] = rows.map(({ tag, c }) => [tag, c]);
  if (!search) {
    const untagged = caseDb.value(`SELECT count(*) FROM signin_data d WHERE ${where.sql} AND d.rid NOT IN (${taggedRids()})`, where.params, NUM) ?? 0;
    if (untagged) top.push([null, untagged]);
    top.sort((a, b) => b[1] - a[1]);
  }
  return { top: top.slice(0, limit), distinct: rows.length };
}
