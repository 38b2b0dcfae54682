// Top values of one column under the current filter minus that column's own conditions, so the
// filter bar and the grid's header filters can offer the alternatives ("which other apps did this
// user use?").
import type { ParsedReq, Res } from '../../shared/api/contract';
import type { FilterSpec } from '../../shared/model/filter-spec';
import { isAnnotationColumn } from '../../shared/model/grid-columns';
import type { CaseDb } from '../db/case-db';
import { annotationValueCounts } from './annotation-columns';
import { resolveGridColumn } from './column-ref';
import { invalidInput } from './errors';
import { withoutColumn } from './filters';
import { stringValues } from '../db/string-text';
import { topValues } from './value-counts';

export function facets(caseDb: CaseDb, req: ParsedReq<'query.facets'>): Res<'query.facets'> {
  return valueList(caseDb, req.column, (key) => withoutColumn(req.filter, key), req.limit, req.search?.trim() || undefined);
}

/** Top values under the whole filter, own column included: shares of the filter's sign-ins (Overview). */
export function filterShares(caseDb: CaseDb, req: ParsedReq<'stats.top'>): Res<'stats.top'> {
  return valueList(caseDb, req.column, () => req.filter, req.limit);
}

function valueList(caseDb: CaseDb, column: string, filterFor: (key: string) => FilterSpec, limit: number, search?: string): Res<'query.facets'> {
  const col = resolveGridColumn(column);
  if (col.storage === 'time') throw invalidInput('the time column has no value list; use the timeline to pick a range');
  const filter = filterFor(col.key);
  const groups = isAnnotationColumn(col.key) ? annotationValueCounts(caseDb, col.key, filter, limit, search) : topValues(caseDb, col, filter, limit, search);
  const text =
    col.storage === 'dict'
      ? stringValues(
          caseDb,
          groups.top.map(([id]) => id).filter((id): id is number => typeof id === 'number'),
        )
      : undefined;
  return {
    values: groups.top.map(([v, count]) => ({ value: text && typeof v === 'number' ? (text.get(v) ?? null) : v, count })),
    distinct: groups.distinct,
  };
}
