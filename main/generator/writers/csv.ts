/** RFC 4180 CSV helpers. */

export type Cell = string | number | boolean | null | undefined;

function text(v: Cell): string {
  return v === null || v === undefined ? '' : String(v);
}

/** Quote every field (the Entra admin center download does). */
export function csvRowAllQuoted(cells: readonly Cell[]): string {
  return cells.map((c) => `"${text(c).replace(/"/g, '""')}"`).join(',') + '\r\n';
}

/** Quote only when needed (Log Analytics "Export to CSV"). */
export function csvRowMinimal(cells: readonly Cell[]): string {
  return (
    cells
      .map((c) => {
        const s = text(c);
        return /[",\r\n]/.test(s) || s.startsWith(' ') || s.endsWith(' ') ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',') + '\r\n'
  );
}

export const BOM = '\uFEFF';
