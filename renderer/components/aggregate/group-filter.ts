// Expanding an aggregated group: the filter that selects exactly its sign-ins in the normal grid.
// Pure (no DOM, no store), so the unit tests check it against the backend's own counts.
import type { Res } from '../../../shared/api/contract';
import type { Condition, FilterSpec } from '../../../shared/model/filter-spec';

export type AggregateRow = Res<'query.aggregate'>['rows'][number];
export type AggregateWindow = '1h' | '6h' | '24h';

export const WINDOW_MS: Record<AggregateWindow, number> = { '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 24 * 3_600_000 };

/** An empty value is matched with "is empty": an `eq` on NULL would match nothing. */
function exactly(column: string, value: string | null): Condition {
  return value === null ? { column, op: 'isNull', values: [] } : { column, op: 'eq', values: [value] };
}

/**
 * The group's key columns as conditions; `user` is the UPN, or the SP name when there is no UPN
 * (a group with neither has both empty).
 */
export function groupConditions(row: AggregateRow): Condition[] {
  const who = row.servicePrincipal || row.user === null ? [exactly('user_principal_name', null), exactly('service_principal_name', row.user)] : [exactly('user_principal_name', row.user)];
  return [exactly('app_display_name', row.app), ...who, exactly('ip_address', row.ip), exactly('status', row.status), exactly('resource_display_name', row.resource)];
}

/**
 * The base filter narrowed to the group: its key columns replace any condition on those columns
 * (the group's values satisfied them) and the time range becomes the window within the base range.
 */
export function groupFilter(base: FilterSpec, window: AggregateWindow, row: AggregateRow): FilterSpec {
  const conditions = groupConditions(row);
  const keyed = new Set(conditions.map((c) => c.column));
  const from = Math.max(row.windowStart, base.timeFrom ?? -Infinity);
  const to = Math.min(row.windowStart + WINDOW_MS[window], base.timeTo ?? Infinity);
  return { ...base, timeFrom: from, timeTo: to, conditions: [...base.conditions.filter((c) => !keyed.has(c.column)), ...conditions] };
}
