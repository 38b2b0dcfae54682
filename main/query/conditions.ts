// One filter condition to SQL over `signin_data d`. Conditions on 'dict' columns become conditions on
// string ids (so the column indexes serve them); text matching is case-insensitive (SQLite LIKE,
// ASCII case folding). "is not" / "does not contain" keep rows where the column is empty.
import type { SqlValue } from '../db/row-spec';
import type { ColumnDef } from '../../shared/model/columns';
import type { Condition } from '../../shared/model/filter-spec';
import { parseTimestamp } from '../../shared/util/time';
import type { CaseDb } from '../db/case-db';
import { storedName } from '../db/schema';
import { isNumeric, resolveColumn, storedRef } from './column-ref';
import { invalidInput } from './errors';
import { unindexed, type IndexAdvisor } from './index-assist';
import { parseRange } from './ip-address';
import { regexSql } from './regex';
import { ipIdsInRanges } from './ip-index';
import { inList, LIKE_ESCAPE, likePattern, notInList } from './sql-list';

const NEEDS_VALUES = new Set<Condition['op']>(['eq', 'neq', 'in', 'notIn', 'contains', 'notContains', 'startsWith', 'cidr', 'gte', 'lte', 'regex']);

const INDEXABLE_OPS = new Set<Condition['op']>(['eq', 'in', 'contains', 'startsWith', 'cidr', 'gte', 'lte']);

/** SQL of a condition, letting it use its column's index only where the advisor says it pays. */
export function assistedConditionSql(caseDb: CaseDb, cond: Condition, params: SqlValue[], advisor: IndexAdvisor): string {
  const col = resolveColumn(cond.column);
  if (!INDEXABLE_OPS.has(cond.op)) return conditionSql(caseDb, cond, params);
  const own: SqlValue[] = [];
  const sql = conditionSql(caseDb, cond, own);
  if (sql === '0' || advisor.useIndex(storedName(col), sql, own)) {
    params.push(...own);
    return sql;
  }
  return conditionSql(caseDb, cond, params, unindexed(storedRef(col)));
}

export function conditionSql(caseDb: CaseDb, cond: Condition, params: SqlValue[], ref?: string): string {
  const col = resolveColumn(cond.column);
  const x = ref ?? storedRef(col);
  if (cond.op === 'isNull') return `${x} IS NULL`;
  if (cond.op === 'notNull') return `${x} IS NOT NULL`;
  if (NEEDS_VALUES.has(cond.op) && cond.values.length === 0) throw invalidInput(`the condition "${cond.op}" on ${col.key} needs a value`);
  if (cond.op === 'cidr') return cidrSql(caseDb, col, x, cond.values, params);
  if (cond.op === 'regex') {
    if (col.storage === 'time') throw invalidInput(`"matches" is not supported on ${col.key}; use a time range`);
    // Dictionary columns test each distinct string once, not each row.
    if (col.storage === 'dict') return `${x} IN (SELECT id FROM strings WHERE ${regexSql(caseDb, 'value', cond.values, params)})`;
    return regexSql(caseDb, col.storage === 'text' ? x : `CAST(${x} AS TEXT)`, cond.values, params);
  }
  if (cond.op === 'gte' || cond.op === 'lte') {
    if (!isNumeric(col)) throw invalidInput(`"${cond.op}" needs a number or time column; ${col.key} is text`);
    const bound = cond.op === 'gte' ? Math.min(...cond.values.map((v) => toNumber(col, v))) : Math.max(...cond.values.map((v) => toNumber(col, v)));
    params.push(bound);
    return `${x} ${cond.op === 'gte' ? '>=' : '<='} ?`;
  }
  return col.storage === 'dict' ? dictSql(caseDb, col, x, cond, params) : plainSql(col, x, cond, params);
}

function dictSql(caseDb: CaseDb, col: ColumnDef, x: string, cond: Condition, params: SqlValue[]): string {
  const ids = () => cond.values.map((v) => caseDb.strings.lookupId(String(v))).filter((id): id is number => id !== undefined);
  switch (cond.op) {
    case 'eq':
    case 'in':
      return inList(x, ids(), params); // a value the case never saw matches nothing
    case 'neq':
    case 'notIn':
      return notInList(x, ids(), params);
    case 'contains':
    case 'startsWith':
      return `${x} IN (${matchingStringIds(cond.op, cond.values, params)})`;
    case 'notContains':
      return `(${x} IS NULL OR ${x} NOT IN (${matchingStringIds('contains', cond.values, params)}))`;
    default:
      throw invalidInput(`"${cond.op}" is not supported on ${col.key}`);
  }
}

/** Sub-select of the ids of dictionary strings containing (or starting with) any of the values. */
export function matchingStringIds(kind: 'contains' | 'startsWith', values: readonly (string | number)[], params: SqlValue[]): string {
  const tests = values.map((v) => {
    params.push(likePattern(String(v), kind));
    return `value LIKE ? ${LIKE_ESCAPE}`;
  });
  return `SELECT id FROM strings WHERE ${tests.join(' OR ')}`;
}

function plainSql(col: ColumnDef, x: string, cond: Condition, params: SqlValue[]): string {
  const values = () => cond.values.map((v) => (col.storage === 'text' ? String(v) : toNumber(col, v)));
  switch (cond.op) {
    case 'eq':
    case 'in':
      return inList(x, values(), params);
    case 'neq':
    case 'notIn':
      return notInList(x, values(), params);
    case 'contains':
    case 'startsWith':
    case 'notContains': {
      if (col.storage === 'time') throw invalidInput(`"${cond.op}" is not supported on ${col.key}; use a time range`);
      const target = col.storage === 'text' ? x : `CAST(${x} AS TEXT)`;
      const tests = cond.values.map((v) => {
        params.push(likePattern(String(v), cond.op === 'startsWith' ? 'startsWith' : 'contains'));
        return `${target} LIKE ? ${LIKE_ESCAPE}`;
      });
      const any = `(${tests.join(' OR ')})`;
      return cond.op === 'notContains' ? `(${x} IS NULL OR NOT ${any})` : any;
    }
    default:
      throw invalidInput(`"${cond.op}" is not supported on ${col.key}`);
  }
}

function cidrSql(caseDb: CaseDb, col: ColumnDef, x: string, values: readonly (string | number)[], params: SqlValue[]): string {
  if (col.key !== 'ip_address') throw invalidInput(`"in range" applies to ip_address, not ${col.key}`);
  const ranges = values.map((v) => {
    const range = parseRange(String(v));
    if (!range) throw invalidInput(`"${String(v).slice(0, 80)}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 2001:db8::/32)`);
    return range;
  });
  return inList(x, ipIdsInRanges(caseDb, ranges), params);
}

const BOOL_WORDS: Record<string, number> = { true: 1, yes: 1, false: 0, no: 0 };

function toNumber(col: ColumnDef, v: string | number): number {
  if (typeof v === 'number') return v;
  const t = v.trim();
  if (col.storage === 'bool' && t.toLowerCase() in BOOL_WORDS) return BOOL_WORDS[t.toLowerCase()]!;
  if (col.storage === 'time') {
    const ms = /^-?\d+$/.test(t) ? Number(t) : parseTimestamp(t);
    if (ms !== null && Number.isFinite(ms)) return ms;
  } else if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  throw invalidInput(`"${t.slice(0, 80)}" is not a ${col.storage === 'time' ? 'time' : 'number'} (column ${col.key})`);
}
