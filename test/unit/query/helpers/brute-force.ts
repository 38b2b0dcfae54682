// The filter semantics restated in plain JS over `signins` view rows, independent of the SQL
// translation: counts from SQL must equal counts from here.
import type { Condition, FilterSpec } from '../../../../shared/model/filter-spec';
import { COLUMN_BY_KEY } from '../../../../shared/model/columns';
import { parseTimestamp } from '../../../../shared/util/time';

export type Row = Record<string, string | number | null>;

const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase()); // SQLite LIKE folds ASCII only

function cell(row: Row, key: string): string | number | null {
  const col = COLUMN_BY_KEY.get(key)!;
  if (col.storage === 'time') return row.created_at === null ? null : Date.parse(String(row.created_at));
  return row[key] ?? null;
}

function norm(key: string, v: string | number): string | number {
  const col = COLUMN_BY_KEY.get(key)!;
  if (col.storage === 'dict' || col.storage === 'text') return String(v);
  if (typeof v === 'number') return v;
  if (col.storage === 'time') return parseTimestamp(v) ?? Number(v);
  if (col.storage === 'bool' && /^(true|false)$/i.test(v)) return /true/i.test(v) ? 1 : 0;
  return Number(v);
}

/** `ipMatches` decides CIDR conditions (tests pass hand-written expectations). */
export function conditionMatches(row: Row, c: Condition, ipMatches?: (ip: string) => boolean): boolean {
  const v = cell(row, c.column);
  const values = c.values.map((x) => norm(c.column, x));
  const text = v === null ? null : asciiLower(String(v));
  const has = (f: (t: string, x: string) => boolean) => text !== null && c.values.some((x) => f(text, asciiLower(String(x))));
  switch (c.op) {
    case 'eq':
    case 'in':
      return v !== null && values.includes(v);
    case 'neq':
    case 'notIn':
      return v === null || !values.includes(v);
    case 'contains':
      return has((t, x) => t.includes(x));
    case 'startsWith':
      return has((t, x) => t.startsWith(x));
    case 'notContains':
      return !has((t, x) => t.includes(x));
    case 'isNull':
      return v === null;
    case 'notNull':
      return v !== null;
    case 'gte':
      return v !== null && (v as number) >= Math.min(...(values as number[]));
    case 'lte':
      return v !== null && (v as number) <= Math.max(...(values as number[]));
    case 'cidr':
      return v !== null && !!ipMatches?.(String(v));
    case 'regex':
      return v !== null && c.values.some((x) => new RegExp(String(x), 'iu').test(String(v)));
  }
}

const TEXT_DICT = [
  'user_principal_name',
  'user_display_name',
  'app_display_name',
  'resource_display_name',
  'ip_address',
  'user_agent',
  'failure_reason',
  'city',
  'country',
  'device_name',
  'operating_system',
  'browser',
  'client_app_used',
];
const TEXT_IDS = ['id', 'correlation_id', 'session_id', 'unique_token_identifier'];

export function textMatches(row: Row, raw: string): boolean {
  const text = raw.trim();
  const needle = asciiLower(text);
  if (TEXT_DICT.some((k) => row[k] !== null && asciiLower(String(row[k])).includes(needle))) return true;
  if (/^[A-Za-z0-9_-]{16,}$/.test(text) && TEXT_IDS.some((k) => row[k] === text)) return true;
  return /^\d{1,9}$/.test(text) && row.status_code === Number(text);
}

export function filterMatches(row: Row, f: FilterSpec, ipMatches?: (ip: string) => boolean): boolean {
  const t = row.created_at === null ? null : Date.parse(String(row.created_at));
  if (f.timeFrom !== undefined && (t === null || t < f.timeFrom)) return false;
  if (f.timeTo !== undefined && (t === null || t >= f.timeTo)) return false;
  if (f.text?.trim() && !textMatches(row, f.text)) return false;
  if (f.rids && !f.rids.includes(Number(row.rid))) return false;
  if (f.anyOf?.length && !f.anyOf.some((c) => conditionMatches(row, c, ipMatches))) return false;
  return f.conditions.every((c) => conditionMatches(row, c, ipMatches));
}

export function matchingRids(rows: readonly Row[], f: FilterSpec, ipMatches?: (ip: string) => boolean): number[] {
  return rows.filter((r) => filterMatches(r, f, ipMatches)).map((r) => Number(r.rid));
}
