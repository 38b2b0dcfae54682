// The three export formats as text producers: a prologue, one piece per row, an epilogue.
// CSV: UTF-8 with BOM (so Excel reads it as UTF-8), neutralized and RFC 4180-quoted cells.
// JSON: an array of objects. Timesketch: JSON lines with `message`, `datetime`, `timestamp_desc`.
import type { ExportFormat } from '../../shared/model/export';
import { csvLine } from './csv-cell';
import { isoTime, type ExportRow } from './row-pager';

export interface RowFormat {
  /** Columns the format needs besides the requested ones (Timesketch builds its message from them). */
  readonly extraColumns: readonly string[];
  begin(columns: readonly string[]): string;
  /** Text of one row, or null to skip it. */
  row(row: ExportRow, columns: readonly string[], index: number): string | null;
  end(): string;
}

const pick = (row: ExportRow, columns: readonly string[]) => Object.fromEntries(columns.map((c) => [c, row.values[c] ?? null]));

const csv: RowFormat = {
  extraColumns: [],
  begin: (columns) => '\uFEFF' + csvLine(columns),
  row: (row, columns) => csvLine(columns.map((c) => row.values[c] ?? null)),
  end: () => '',
};

const json: RowFormat = {
  extraColumns: [],
  begin: () => '[',
  row: (row, columns, index) => (index === 0 ? '\n' : ',\n') + JSON.stringify(pick(row, columns)),
  end: () => '\n]\n',
};

const MESSAGE_COLUMNS = ['status', 'user_principal_name', 'app_display_name', 'ip_address', 'country', 'status_code', 'failure_reason'] as const;

/** One line a timeline reader understands at a glance: outcome, who, what, from where, why. */
export function timesketchMessage(v: ExportRow['values']): string {
  const text = (key: string) => (v[key] === null || v[key] === undefined || v[key] === '' ? null : String(v[key]));
  const place = [text('ip_address'), text('country')].filter(Boolean).join(' ');
  let message = `${text('status') ?? 'Sign-in'}: ${text('user_principal_name') ?? 'unknown user'} to ${text('app_display_name') ?? 'unknown application'}`;
  if (place) message += ` from ${place}`;
  const code = v.status_code;
  if (typeof code === 'number' && code !== 0) message += ` (error ${code}${text('failure_reason') ? `: ${text('failure_reason')}` : ''})`;
  return message;
}

const timesketch: RowFormat = {
  extraColumns: MESSAGE_COLUMNS,
  begin: () => '',
  // Timesketch needs a time on every event; rows without one are skipped (and counted).
  row: (row, columns) => {
    const datetime = row.createdMs === null ? null : isoTime(row.createdMs);
    return datetime === null ? null : JSON.stringify({ message: timesketchMessage(row.values), datetime, timestamp_desc: 'Sign-in time', ...pick(row, columns) }) + '\n';
  },
  end: () => '',
};

export const ROW_FORMATS: Record<ExportFormat, RowFormat> = { csv, json, timesketch };
