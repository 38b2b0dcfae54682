// Display text of a cell value. Values are untrusted log fields: this only ever produces strings
// that React renders as text nodes.
import { GRID_COLUMN_BY_KEY as COLUMN_BY_KEY } from '../../shared/model/grid-columns';
import { displayValue } from '../../shared/model/vocabulary';
import type { TimeMode } from '../store/ui-slice';
import { formatDateTime, toMs } from './time';

export type CellValue = string | number | null | undefined;

export function formatCell(column: string, value: CellValue, mode: TimeMode): string {
  if (value === null || value === undefined || value === '') return '';
  if (column === 'starred') return value === 1 ? '★' : '';
  const def = COLUMN_BY_KEY.get(column);
  if (def?.storage === 'time') {
    const ms = toMs(value);
    return ms === null ? String(value) : formatDateTime(ms, mode);
  }
  return valueText(column, value);
}

/** A stored value as the admin center words it: Yes/No for flags, the vocabulary's label for enumerated columns. */
export function valueText(column: string, value: string | number): string {
  if (COLUMN_BY_KEY.get(column)?.storage === 'bool') return value === 1 || value === '1' || value === 'true' ? 'Yes' : value === 0 || value === '0' || value === 'false' ? 'No' : String(value);
  return typeof value === 'string' ? displayValue(column, value) : String(value);
}

export function columnLabel(column: string, mode: TimeMode): string {
  if (column === 'created_at') return mode === 'utc' ? 'Date (UTC)' : 'Date (local)';
  return COLUMN_BY_KEY.get(column)?.label ?? column;
}

/** Columns best read in a fixed-width font (identifiers, addresses, codes). */
export function isMonoColumn(column: string): boolean {
  return /(_id$|^id$|ip_address|status_code|unique_token|created_at|asn)/.test(column);
}

export function statusClass(value: CellValue): string {
  if (value === 'Success') return 'st-success';
  if (value === 'Failure') return 'st-failure';
  if (value === 'Interrupted') return 'st-interrupted';
  return 'st-other';
}
