// CSV cells that are safe to open in Excel: text starting with a formula trigger (= + - @, tab, CR) is
// neutralized with a leading single quote (OWASP "CSV injection"), and every cell is quoted per
// RFC 4180 when it holds a comma, a quote or a line break. Numbers from numeric columns are written
// as numbers: their text form cannot start a formula.
export type CellValue = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutralize(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 says. */
export function csvLine(values: readonly CellValue[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
