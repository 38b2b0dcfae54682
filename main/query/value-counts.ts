// How often each value of one column occurs among the rows of a filter, most frequent first: the
// facet lists and the swimlanes' busiest users. Values are the stored ones (string ids for 'dict').
import type { ColumnDef } from '../../shared/model/columns';
import { valuesLabelled } from '../../shared/model/vocabulary';
import { isEverything, type FilterSpec } from '../../shared/model/filter-spec';
import { CELL, NUM, NUM_NULL, type SqlValue } from '../db/row-spec';
import type { CaseDb } from '../db/case-db';
import { storedName } from '../db/schema';
import { storedRef } from './column-ref';
import { matchingStringIds } from './conditions';
import { buildWhere, type WhereClause } from './filters';
import { hasIndexLedBy } from './index-assist';
import { LIKE_ESCAPE, likePattern } from './sql-list';

export type Cell = string | number | null;
export type ValueCounts = { top: [Cell, number][]; distinct: number }; // distinct: non-empty values

export function topValues(caseDb: CaseDb, col: ColumnDef, filter: FilterSpec, limit: number, search?: string): ValueCounts {
  const where = buildWhere(caseDb, filter, { reads: [storedName(col)] });
  if (search) where.sql += ` AND ${searchSql(col, search, where.params)}`;
  // Over the whole case an index on the column hands SQLite the groups in order; anything else
  // would make SQLite sort every row first (~2 s at 1M rows), so JS tallies the streamed values.
  return isEverything(filter) && !search && hasIndexLedBy(caseDb, storedName(col)) ? indexedGroups(caseDb, col, where, limit) : tallied(caseDb, col, where, limit);
}

function searchSql(col: ColumnDef, search: string, params: SqlValue[]): string {
  const x = storedRef(col);
  if (col.storage === 'dict') {
    const byValue = matchingStringIds('contains', [search], params);
    const labelled = valuesLabelled(col.key, search); // the picker shows labels: search them too
    params.push(...labelled);
    const byLabel = labelled.length ? ` UNION SELECT id FROM strings WHERE value IN (${labelled.map(() => '?').join(', ')})` : '';
    return `${x} IN (${byValue}${byLabel})`;
  }
  params.push(likePattern(search, 'contains'));
  return `${col.storage === 'text' ? x : `CAST(${x} AS TEXT)`} LIKE ? ${LIKE_ESCAPE}`;
}

/** Groups ranked inside SQLite; a window over the grouped rows counts the non-empty values. */
function indexedGroups(caseDb: CaseDb, col: ColumnDef, where: WhereClause, limit: number): ValueCounts {
  const x = storedRef(col);
  const rows = caseDb.rows(
    `SELECT v, c, count(v) OVER () AS distinct_values FROM (SELECT ${x} AS v, count(*) AS c FROM signin_data d WHERE ${where.sql} GROUP BY ${x}) ORDER BY c DESC, v LIMIT ?`,
    [...where.params, limit],
    { v: CELL, c: NUM, distinct_values: NUM },
  );
  return { top: rows.map(({ v, c }) => [v, c]), distinct: rows[0]?.distinct_values ?? 0 };
}

function tallied(caseDb: CaseDb, col: ColumnDef, where: WhereClause, limit: number): ValueCounts {
  const counts = col.storage === 'dict' ? countIds(caseDb, col, where) : countValues(caseDb, col, where);
  const all = [...counts];
  all.sort((a, b) => b[1] - a[1] || compareCells(a[0], b[0]));
  return { top: all.slice(0, limit), distinct: counts.has(null) ? counts.size - 1 : counts.size };
}

/** String ids counted in an array indexed by id (a Map per row costs several times more). */
function countIds(caseDb: CaseDb, col: ColumnDef, where: WhereClause): Map<Cell, number> {
  const perId = new Int32Array((caseDb.value('SELECT max(id) FROM strings', [], NUM_NULL) ?? 0) + 1);
  let nulls = 0;
  caseDb.forEachTuple(`SELECT ${storedRef(col)} FROM signin_data d WHERE ${where.sql}`, where.params, [NUM_NULL], ([id]) => {
    if (id === null) nulls++;
    else perId[id]!++;
  });
  const counts = new Map<Cell, number>();
  if (nulls) counts.set(null, nulls);
  perId.forEach((n, id) => n && counts.set(id, n));
  return counts;
}

function countValues(caseDb: CaseDb, col: ColumnDef, where: WhereClause): Map<Cell, number> {
  const counts = new Map<Cell, number>();
  caseDb.forEachTuple(`SELECT ${storedRef(col)} FROM signin_data d WHERE ${where.sql}`, where.params, [CELL], ([v]) => {
    counts.set(v, (counts.get(v) ?? 0) + 1);
  });
  return counts;
}

/** SQLite's order for the tie-break: NULL first, numbers before text. */
function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return a < b ? -1 : 1;
}
