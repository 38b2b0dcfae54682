// The fields the filter bar offers (admin-center names first) and how a condition reads as a chip.
import { COLUMN_BY_KEY, LEGACY_CLIENT_APPS, type SIGN_IN_TYPES } from '../../../shared/model/columns';
import { GRID_COLUMN_BY_KEY } from '../../../shared/model/grid-columns';
import { MAX_REGEX_LENGTH, OP_LABELS, type Condition } from '../../../shared/model/filter-spec';
import { canonicalValue, COLUMN_VOCABULARY } from '../../../shared/model/vocabulary';
import { valueText } from '../../format/cells';

export type FieldKind = 'facet' | 'text' | 'ip';

export interface FilterField {
  column: string;
  label: string;
  kind: FieldKind;
}

const f = (column: string, label: string, kind: FieldKind = 'facet'): FilterField => ({ column, label, kind });

export const FILTER_FIELDS: readonly FilterField[] = [
  f('user_principal_name', 'User (UPN)'),
  f('user_display_name', 'User display name'),
  f('app_display_name', 'Application'),
  f('resource_display_name', 'Resource'),
  f('status', 'Status'),
  f('status_code', 'Error code'),
  f('conditional_access_status', 'Conditional Access'),
  f('ip_address', 'IP address', 'ip'),
  f('country', 'Country'),
  f('city', 'City'),
  f('client_app_used', 'Client app'),
  f('operating_system', 'Operating system'),
  f('browser', 'Browser'),
  f('sign_in_type', 'Sign-in type'),
  f('authentication_requirement', 'Authentication requirement'),
  f('risk_level_during_sign_in', 'Risk level (sign-in)'),
  f('risk_level_aggregated', 'Risk level (aggregated)'),
  f('risk_state', 'Risk state'),
  f('cross_tenant_access_type', 'Cross-tenant access type'),
  f('correlation_id', 'Correlation ID', 'text'),
  f('id', 'Request ID', 'text'),
];

const LISTED = new Set(FILTER_FIELDS.map((x) => x.column));

/** Every other catalogue column (and the tags / starred columns), offered under "More fields". */
export const OTHER_FIELDS: readonly FilterField[] = [...GRID_COLUMN_BY_KEY.values()]
  .filter((c) => !LISTED.has(c.key) && c.storage !== 'time')
  .map((c) => f(c.key, c.label, c.facet ? 'facet' : 'text'));

export function fieldOf(column: string): FilterField {
  return [...FILTER_FIELDS, ...OTHER_FIELDS].find((x) => x.column === column) ?? f(column, column, 'text');
}

export const LEGACY_CONDITION: Condition = { column: 'client_app_used', op: 'in', values: [...LEGACY_CLIENT_APPS] };

export function isLegacyCondition(c: Condition): boolean {
  return c.column === 'client_app_used' && c.op === 'in' && c.values.length === LEGACY_CLIENT_APPS.length && LEGACY_CLIENT_APPS.every((v) => c.values.includes(v));
}

export const SIGN_IN_TYPE_LABELS: Record<(typeof SIGN_IN_TYPES)[number], string> = {
  interactiveUser: 'Interactive',
  nonInteractiveUser: 'Non-interactive',
  servicePrincipal: 'Service principal',
  managedIdentity: 'Managed identity',
};

export function valueLabel(column: string, value: string | number): string {
  return valueText(column, value);
}

/** Chip text, e.g. `Status is Failure` or `Client app is Legacy authentication`. */
export function describeCondition(c: Condition): { field: string; op: string; value: string } {
  const field = fieldOf(c.column).label;
  if (isLegacyCondition(c)) return { field, op: 'is', value: 'Legacy authentication' };
  if (c.op === 'isNull' || c.op === 'notNull') return { field, op: OP_LABELS[c.op], value: '' };
  const values = c.values.map((v) => valueLabel(c.column, v));
  const shown = values.length > 3 ? `${values.slice(0, 2).join(', ')} +${values.length - 2}` : values.join(', ');
  const op = c.op === 'in' && values.length === 1 ? 'is' : c.op === 'notIn' && values.length === 1 ? 'is not' : OP_LABELS[c.op];
  return { field, op, value: shown };
}

/** Condition for a typed value: CIDR ranges for IPs, exact match otherwise. */
export function conditionForTyped(field: FilterField, text: string, op: Condition['op']): Condition | null {
  const value = text.trim();
  if (!value) return null;
  if (field.kind === 'ip' && op !== 'regex' && value.includes('/')) return { column: field.column, op: 'cidr', values: [value] };
  const numeric = COLUMN_BY_KEY.get(field.column)?.storage === 'int' && /^-?\d+$/.test(value);
  // "Not Applied" typed as the admin center shows it finds the stored `notApplied`.
  const vocabulary = op === 'eq' ? COLUMN_VOCABULARY[field.column] : undefined;
  const stored = vocabulary ? (canonicalValue(vocabulary, value) ?? value) : value;
  return { column: field.column, op, values: [numeric ? Number(value) : stored] };
}

/** Why a typed regular expression would be refused (the backend checks again), or null. */
export function regexProblem(pattern: string): string | null {
  if (!pattern) return null;
  if (pattern.length > MAX_REGEX_LENGTH) return `At most ${MAX_REGEX_LENGTH} characters`;
  try {
    new RegExp(pattern, 'iu');
    return null;
  } catch (e) {
    return `Invalid regular expression: ${(e as Error).message}`;
  }
}
