// FilterSpec → WHERE expression over `signin_data d` (the only place a filter becomes SQL). Every part
// is AND-ed; column names pass the catalogue allowlist, values are always bound parameters.
import type { SqlValue } from '../db/row-spec';
import type { FilterSpec } from '../../shared/model/filter-spec';
import { isAnnotationColumn } from '../../shared/model/grid-columns';
import type { CaseDb } from '../db/case-db';
import { storedName } from '../db/schema';
import { resolveColumn } from './column-ref';
import { annotationConditionSql } from './annotation-conditions';
import { assistedConditionSql, conditionSql } from './conditions';
import { ANY_COLUMN, IndexAdvisor, unindexed } from './index-assist';
import { inList } from './sql-list';
import { textSql } from './text-search';

export interface WhereClause {
  /** A boolean SQL expression ('1' for "everything"), to use as `WHERE ${sql}`. */
  sql: string;
  params: SqlValue[];
}

export interface WhereOptions {
  /**
   * Physical columns of signin_data the caller's query reads besides the filter (its select list),
   * so that an index holding all of them is used whatever its selectivity. Unknown: no index covers.
   */
  reads?: readonly string[];
}

export function buildWhere(caseDb: CaseDb, filter: FilterSpec, opts: WhereOptions = {}): WhereClause {
  const params: SqlValue[] = [];
  const parts: string[] = [];
  const advisor = new IndexAdvisor(caseDb, opts.reads ? new Set([...opts.reads, ...filterColumns(filter)]) : null);
  if (filter.timeFrom !== undefined || filter.timeTo !== undefined) parts.push(timeSql(filter, params, advisor));
  for (const cond of filter.conditions) {
    parts.push(isAnnotationColumn(cond.column) ? annotationConditionSql(caseDb, cond.column, cond, params) : assistedConditionSql(caseDb, cond, params, advisor));
  }
  const text = filter.text?.trim();
  if (text) parts.push(textSql(caseDb, text, params));
  if (filter.rids) parts.push(inList('d.rid', filter.rids, params));
  if (filter.anyOf?.length) {
    parts.push(`(${filter.anyOf.map((c) => (isAnnotationColumn(c.column) ? annotationConditionSql(caseDb, c.column, c, params) : conditionSql(caseDb, c, params))).join(' OR ')})`);
  }
  if (filter.tags?.length && !caseDb.hasTable('annotations'))
    parts.push('0'); // nothing is tagged yet
  else if (filter.tags?.length) {
    parts.push(`d.rid IN (SELECT rid FROM annotations WHERE ${inList('tag', filter.tags, params)})`);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/** The filter without the conditions on one column (a facet lists that column's alternatives). */
export function withoutColumn(filter: FilterSpec, column: string): FilterSpec {
  return { ...filter, conditions: filter.conditions.filter((c) => c.column !== column) };
}

/** Physical columns a filter's own conditions read. */
function filterColumns(filter: FilterSpec): string[] {
  // Annotation columns read only rid, which every index holds.
  const cols = [...filter.conditions, ...(filter.anyOf ?? [])].filter((c) => !isAnnotationColumn(c.column)).map((c) => storedName(resolveColumn(c.column)));
  if (filter.timeFrom !== undefined || filter.timeTo !== undefined) cols.push('created_ms');
  if (filter.text?.trim()) cols.push(ANY_COLUMN);
  return cols;
}

function timeSql(filter: FilterSpec, params: SqlValue[], advisor: IndexAdvisor): string {
  const bounds = (ref: string) => {
    const own: SqlValue[] = [];
    const tests: string[] = [];
    if (filter.timeFrom !== undefined) {
      tests.push(`${ref} >= ?`);
      own.push(filter.timeFrom);
    }
    if (filter.timeTo !== undefined) {
      tests.push(`${ref} < ?`);
      own.push(filter.timeTo);
    }
    return { sql: tests.join(' AND '), own };
  };
  let b = bounds('d.created_ms');
  if (!advisor.useIndex('created_ms', b.sql, b.own)) b = bounds(unindexed('d.created_ms'));
  params.push(...b.own);
  return b.sql;
}
