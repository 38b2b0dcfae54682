// Top values of one column under the current filter minus that column's own conditions, so the
// filter bar and the grid's header filters can offer the alternatives ("which other apps did this
// user use?").
import type { ParsedReq, Res } from '../../shared/api/contract';
import { isAnnotationColumn } from '../../shared/model/grid-columns';
import type { CaseDb } from '../db/case-db';
import { annotationValueCounts } from './annotation-columns';
import { resolveGridColumn } from './column-ref';
import { invalidInput } from './errors';
import { withoutColumn } from './filters';
import { stringValues } from './string-values';
import { topValues } from './value-counts';

export function facets(caseDb: CaseDb, req: ParsedReq<'query.facets'>): Res<'query.facets'> {
  const col = resolveGridColumn(req.column);
  if (col.storage === 'time') throw invalidInput('the time column has no value list; use the timeline to pick a range');
  const filter = withoutColumn(req.filter, col.key);
  const search = req.search?.trim() || undefined;
  const groups = isAnnotationColumn(col.key) ? annotationValueCounts(caseDb, col.key, filter, req.limit, search) : topValues(caseDb, col, filter, req.limit, search);
  const text = col.storage === 'dict' ? stringValues(caseDb, groups.top.map(([id]) => id).filter((id): id is number => typeof id === 'number')) : undefined;
  return {
    values: groups.top.map(([v, count]) => ({ value: text && typeof v === 'number' ? (text.get(v) ?? null) : v, count })),
    distinct: groups.distinct,
  };
}
