// Plain-text tables for the terminal. Cell text is untrusted log content: control characters are
// replaced so a crafted field cannot move the cursor or recolour the terminal.
export function cleanCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

export function table(headers: readonly string[], rows: readonly (readonly unknown[])[], maxWidth = 60): string {
  const cells = rows.map((r) => r.map((c) => truncate(cleanCell(c), maxWidth)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
