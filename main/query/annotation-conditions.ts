// Conditions on the grid's annotation columns (shared/model/grid-columns.ts): "Tags" and "Starred"
// are not stored on the sign-in row but looked up in `annotations` (one row per sign-in and tag, one
// per starred sign-in), so each condition becomes a rid set test over that table.
import type { SqlValue } from '../db/row-spec';
import type { Condition } from '../../shared/model/filter-spec';
import type { AnnotationColumnKey } from '../../shared/model/grid-columns';
import { ensureAnnotationTables } from '../annotations/tables';
import type { CaseDb } from '../db/case-db';
import { invalidInput } from './errors';
import { regexSql } from './regex';
import { inList, LIKE_ESCAPE, likePattern } from './sql-list';

/** Row ids of tagged sign-ins, optionally only the tags passing `tagTest` (over column `tag`). */
export function taggedRids(tagTest?: string): string {
  return `SELECT rid FROM annotations WHERE kind = 'tag' AND rid IS NOT NULL${tagTest ? ` AND ${tagTest}` : ''}`;
}

export const STARRED_RIDS = "SELECT rid FROM annotations WHERE kind = 'star' AND rid IS NOT NULL";

export function annotationConditionSql(caseDb: CaseDb, key: AnnotationColumnKey, cond: Condition, params: SqlValue[]): string {
  ensureAnnotationTables(caseDb);
  if (cond.op !== 'isNull' && cond.op !== 'notNull' && cond.values.length === 0) throw invalidInput(`the condition "${cond.op}" on ${key} needs a value`);
  return key === 'tags' ? tagsSql(caseDb, cond, params) : starredSql(cond);
}

function tagsSql(caseDb: CaseDb, cond: Condition, params: SqlValue[]): string {
  const likeAny = (kind: 'contains' | 'startsWith') =>
    `(${cond.values
      .map((v) => {
        params.push(likePattern(String(v), kind));
        return `tag LIKE ? ${LIKE_ESCAPE}`;
      })
      .join(' OR ')})`;
  switch (cond.op) {
    case 'isNull':
      return `d.rid NOT IN (${taggedRids()})`;
    case 'notNull':
      return `d.rid IN (${taggedRids()})`;
    case 'eq':
    case 'in':
      return `d.rid IN (${taggedRids(inList('tag', cond.values.map(String), params))})`;
    case 'neq':
    case 'notIn':
      return `d.rid NOT IN (${taggedRids(inList('tag', cond.values.map(String), params))})`;
    case 'contains':
    case 'startsWith':
      return `d.rid IN (${taggedRids(likeAny(cond.op))})`;
    case 'notContains':
      return `d.rid NOT IN (${taggedRids(likeAny('contains'))})`;
    case 'regex':
      return `d.rid IN (${taggedRids(regexSql(caseDb, 'tag', cond.values, params))})`;
    default:
      throw invalidInput(`"${cond.op}" is not supported on tags`);
  }
}

function starredSql(cond: Condition): string {
  if (cond.op === 'isNull') return '0'; // a sign-in is starred or not, never unknown
  if (cond.op === 'notNull') return '1';
  if (!['eq', 'in', 'neq', 'notIn'].includes(cond.op)) throw invalidInput(`"${cond.op}" is not supported on starred`);
  const wanted = new Set(cond.values.map(starValue));
  const positive = cond.op === 'eq' || cond.op === 'in';
  const starred = wanted.has(1) === positive; // keep starred rows?
  const unstarred = wanted.has(0) === positive;
  if (starred && unstarred) return '1';
  if (!starred && !unstarred) return '0';
  return starred ? `d.rid IN (${STARRED_RIDS})` : `d.rid NOT IN (${STARRED_RIDS})`;
}

const STAR_WORDS: Record<string, 0 | 1> = { '1': 1, true: 1, yes: 1, '0': 0, false: 0, no: 0 };

function starValue(v: string | number): 0 | 1 {
  const word = STAR_WORDS[String(v).trim().toLowerCase()];
  if (word === undefined) throw invalidInput(`"${String(v).slice(0, 40)}" is not yes or no (column starred)`);
  return word;
}
