// Group by any column: one level of groups (value and count) under the filter and a path of outer
// group values, most sign-ins first. A level's full list is computed once (an indexed GROUP BY over
// the whole case, a JS tally of the streamed values otherwise: value-counts.ts) and kept for paging.
import type { ParsedReq, Res } from '../../shared/api/contract';
import type { FilterSpec } from '../../shared/model/filter-spec';
import { isAnnotationColumn } from '../../shared/model/grid-columns';
import { withGroupPath } from '../../shared/model/grouping';
import type { ColumnDef } from '../../shared/model/columns';
import type { CaseDb } from '../db/case-db';
import { annotationValueCounts } from './annotation-columns';
import { CaseMemo } from './case-cache';
import { resolveGridColumn } from './column-ref';
import { invalidInput } from './errors';
import { stringValues } from '../db/string-text';
import { topValues, type Cell } from './value-counts';

const EVERY_GROUP = Number.MAX_SAFE_INTEGER;
const MAX_CACHED = 8;
/** Per case version: recent levels by (column, filter); a new import drops them. */
const cache = new CaseMemo<Map<string, [Cell, number][]>>(() => new Map());

export function groups(caseDb: CaseDb, req: ParsedReq<'query.groups'>): Res<'query.groups'> {
  const started = performance.now();
  const cols = req.by.map(resolveGridColumn);
  if (new Set(req.by).size !== req.by.length) throw invalidInput('each column can be grouped by once');
  for (const col of cols) {
    if (col.storage === 'time') throw invalidInput('grouping by the exact time makes a group per row; use the Aggregate view or the timeline for time windows');
    if (col.key === 'tags') throw invalidInput('a sign-in can carry several tags, so tags cannot be a group level; filter on a tag instead');
  }
  if (req.path.length >= req.by.length) throw invalidInput('the group path must be shorter than the grouping columns');
  const col = cols[req.path.length]!;
  const all = levelCounts(caseDb, col, withGroupPath(req.filter, req.by, req.path));
  const page = all.slice(req.offset, req.offset + req.limit);
  const text =
    col.storage === 'dict'
      ? stringValues(
          caseDb,
          page.map(([id]) => id).filter((id): id is number => typeof id === 'number'),
        )
      : undefined;
  return {
    total: all.length,
    matching: all.reduce((sum, [, n]) => sum + n, 0),
    rows: page.map(([v, count]) => ({ value: text && typeof v === 'number' ? (text.get(v) ?? null) : v, count })),
    ms: Math.round(performance.now() - started),
  };
}

function levelCounts(caseDb: CaseDb, col: ColumnDef, filter: FilterSpec): [Cell, number][] {
  // Stars change without the case changing version: never kept.
  if (isAnnotationColumn(col.key)) return annotationValueCounts(caseDb, col.key, filter, EVERY_GROUP).top;
  const marks = filter.tags?.length || filter.conditions.some((c) => isAnnotationColumn(c.column));
  const memo = cache.get(caseDb);
  const key = `${col.key}|${JSON.stringify(filter)}`;
  const hit = marks ? undefined : memo.get(key);
  if (hit) return hit;
  const { top } = topValues(caseDb, col, filter, EVERY_GROUP);
  if (!marks) {
    memo.set(key, top);
    while (memo.size > MAX_CACHED) memo.delete(memo.keys().next().value!);
  }
  return top;
}
