// FilterSpec → WHERE expression over `signin_data d` (the only place a filter becomes SQL). Every part
// is AND-ed; column names pass the catalogue allowlist, values are always bound parameters.
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { conditionSql } from './conditions';
import { inList, type SqlParam } from './sql-list';
import { textSql } from './text-search';

export interface WhereClause {
  /** A boolean SQL expression ('1' for "everything"), to use as `WHERE ${sql}`. */
  sql: string;
  params: SqlParam[];
}

export function buildWhere(caseDb: CaseDb, filter: FilterSpec): WhereClause {
  const params: SqlParam[] = [];
  const parts: string[] = [];
  if (filter.timeFrom !== undefined) {
    parts.push('d.created_ms >= ?');
    params.push(filter.timeFrom);
  }
  if (filter.timeTo !== undefined) {
    parts.push('d.created_ms < ?');
    params.push(filter.timeTo);
  }
  for (const cond of filter.conditions) parts.push(conditionSql(caseDb, cond, params));
  const text = filter.text?.trim();
  if (text) parts.push(textSql(caseDb, text, params));
  if (filter.rids) parts.push(inList('d.rid', filter.rids, params));
  if (filter.tags?.length && hasTable(caseDb, 'annotations')) {
    parts.push(`d.rid IN (SELECT rid FROM annotations WHERE ${inList('tag', filter.tags, params)})`);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/** The filter without the conditions on one column (a facet lists that column's alternatives). */
export function withoutColumn(filter: FilterSpec, column: string): FilterSpec {
  return { ...filter, conditions: filter.conditions.filter((c) => c.column !== column) };
}

function hasTable(caseDb: CaseDb, name: string): boolean {
  return caseDb.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]) === 1;
}
