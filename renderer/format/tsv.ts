// Rows as tab-separated text for the clipboard (pasting into a spreadsheet or a ticket). Values are
// copied as shown; only the characters that would break the TSV structure are escaped, reversibly:
// backslash, tab, carriage return and line feed become \\, \t, \r and \n.
export function tsvField(value: string): string {
  return value.replace(/[\\\t\r\n]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\r' ? '\\r' : '\\n'));
}

export function toTsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [headers, ...rows].map((row) => row.map(tsvField).join('\t')).join('\n') + '\n';
}
