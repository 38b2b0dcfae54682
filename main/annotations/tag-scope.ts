// Adding and removing tags over a scope: one target, a selection of rids, or a filter's result. A
// filter scope carries `maxRid` (the last row it covered when it ran), so replaying it from the
// journal tags exactly the rows it tagged then, even if sign-ins were imported since.
import type { AnnotationTarget } from '../../shared/model/annotation';
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { NUM } from '../db/row-spec';
import { buildWhere, type WhereClause } from '../query/filters';
import { inList } from '../query/sql-list';
import { ensureAnnotationTables } from './tables';
import { storedTarget, targetMatch } from './targets';

export type StoredScope = { target: AnnotationTarget } | { rids: number[] } | { filter: FilterSpec; maxRid: number };
export type RowScope = Exclude<StoredScope, { target: AnnotationTarget }>;

export interface Stamp {
  author: string;
  at: number;
}

export interface TagChange {
  /** Targets (sign-ins) the scope covers. */
  matched: number;
  /** Rows added or removed (a tag already present, or absent, does not count). */
  changed: number;
}

/** The sign-ins of a row scope, optionally only those with rid in [lo, hi] (bulk jobs work in slices). */
export function scopeWhere(caseDb: CaseDb, scope: RowScope, range?: [number, number]): WhereClause {
  let where: WhereClause;
  if ('rids' in scope) {
    const params: WhereClause['params'] = [];
    where = { sql: inList('d.rid', scope.rids, params), params };
  } else {
    const base = buildWhere(caseDb, scope.filter);
    where = { sql: `(${base.sql}) AND d.rid <= ?`, params: [...base.params, scope.maxRid] };
  }
  return range ? { sql: `${where.sql} AND d.rid BETWEEN ? AND ?`, params: [...where.params, range[0], range[1]] } : where;
}

/**
 * Adds or removes the tags over the scope. Bulk slices (`range`) skip counting the rows matched: that
 * visits every row of the slice, and the job counted the whole filter once before it started.
 */
export function changeTags(caseDb: CaseDb, action: 'tag' | 'untag', scope: StoredScope, tags: readonly string[], stamp: Stamp, range?: [number, number]): TagChange {
  ensureAnnotationTables(caseDb);
  if ('target' in scope) return changeTargetTags(caseDb, action, scope.target, tags, stamp);
  const where = scopeWhere(caseDb, scope, range);
  const matched = range ? 0 : (caseDb.value(`SELECT count(*) FROM signin_data d WHERE ${where.sql}`, where.params, NUM) ?? 0);
  let changed = 0;
  for (const tag of tags) {
    if (action === 'tag') {
      changed += caseDb.run(
        `INSERT OR IGNORE INTO annotations (kind, target_type, rid, tag, author, created_ms)
         SELECT 'tag', 'signin', d.rid, ?, ?, ? FROM signin_data d WHERE ${where.sql}`,
        [tag, stamp.author, stamp.at, ...where.params],
      );
    } else {
      changed += caseDb.run(`DELETE FROM annotations WHERE kind = 'tag' AND tag = ? AND rid IN (SELECT d.rid FROM signin_data d WHERE ${where.sql})`, [tag, ...where.params]);
    }
  }
  return { matched, changed };
}

function changeTargetTags(caseDb: CaseDb, action: 'tag' | 'untag', target: AnnotationTarget, tags: readonly string[], stamp: Stamp): TagChange {
  const t = storedTarget(target);
  const exists = t.rid === null || caseDb.value('SELECT 1 FROM signin_data WHERE rid = ?', [t.rid], NUM) === 1;
  if (!exists) return { matched: 0, changed: 0 };
  const match = targetMatch(target);
  let changed = 0;
  for (const tag of tags) {
    if (action === 'tag') {
      changed += caseDb.run('INSERT OR IGNORE INTO annotations (kind, target_type, rid, target_key, tag, author, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        'tag',
        t.targetType,
        t.rid,
        t.key,
        tag,
        stamp.author,
        stamp.at,
      ]);
    } else {
      changed += caseDb.run(`DELETE FROM annotations WHERE kind = 'tag' AND tag = ? AND ${match.sql}`, [tag, ...match.params]);
    }
  }
  return { matched: 1, changed };
}
