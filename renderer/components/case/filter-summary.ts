// A filter in a few words, for saved views and the export dialog ("3 conditions · text · 2 tags").
import type { FilterSpec } from '../../../shared/model/filter-spec';

export function describeFilter(filter: FilterSpec): string {
  const parts: string[] = [];
  if (filter.timeFrom !== undefined || filter.timeTo !== undefined) parts.push('time range');
  if (filter.text) parts.push('text search');
  if (filter.conditions.length) parts.push(`${filter.conditions.length} condition${filter.conditions.length === 1 ? '' : 's'}`);
  if (filter.tags?.length) parts.push(`tag${filter.tags.length === 1 ? '' : 's'} ${filter.tags.join(', ')}`);
  if (filter.anyOf?.length) parts.push('pivot');
  if (filter.rids) parts.push(`${filter.rids.length} listed sign-in${filter.rids.length === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' · ') : 'no filter';
}
