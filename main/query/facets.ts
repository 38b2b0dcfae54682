// Top values of one column under the current filter minus that column's own conditions, so the
// filter bar can offer the alternatives ("which other apps did this user use?").
import type { ParsedReq, Res } from '../../shared/api/contract';
import type { CaseDb } from '../db/case-db';
import { resolveColumn, storedRef } from './column-ref';
import { matchingStringIds } from './conditions';
import { invalidInput } from './errors';
import { buildWhere, withoutColumn } from './filters';
import { LIKE_ESCAPE, likePattern } from './sql-list';
import { stringValues } from './string-values';

type Cell = string | number | null;

export function facets(caseDb: CaseDb, req: ParsedReq<'query.facets'>): Res<'query.facets'> {
  const col = resolveColumn(req.column);
  if (col.storage === 'time') throw invalidInput('the time column has no value list; use the timeline to pick a range');
  const where = buildWhere(caseDb, withoutColumn(req.filter, col.key));
  const x = storedRef(col);
  let sql = `SELECT ${x} AS v, count(*) AS c FROM signin_data d WHERE ${where.sql}`;
  const search = req.search?.trim();
  if (search) {
    if (col.storage === 'dict') sql += ` AND ${x} IN (${matchingStringIds('contains', [search], where.params)})`;
    else {
      sql += ` AND ${col.storage === 'text' ? x : `CAST(${x} AS TEXT)`} LIKE ? ${LIKE_ESCAPE}`;
      where.params.push(likePattern(search, 'contains'));
    }
  }
  // One scan: group, then rank the groups and count the non-empty ones (window over the grouped rows) inside SQLite,
  // so a column with a million distinct values never crosses into JS.
  const ranked = `SELECT v, c, count(v) OVER () FROM (${sql} GROUP BY ${x}) ORDER BY c DESC, v LIMIT ?`;
  const rows = caseDb.all(ranked, [...where.params, req.limit]) as [Cell, number, number][];
  const text = col.storage === 'dict' ? stringValues(caseDb, rows.map(([id]) => id).filter((id): id is number => typeof id === 'number')) : undefined;
  return {
    values: rows.map(([v, count]) => ({ value: text && typeof v === 'number' ? (text.get(v) ?? null) : v, count })),
    distinct: rows[0]?.[2] ?? 0, // non-empty values only
  };
}
