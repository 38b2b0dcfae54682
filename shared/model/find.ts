// What Find (Ctrl+F in the grid) searches: the same rule for the backend query (main/query/find.ts)
// and the highlighting of visible cells, so the count and the marks agree.
import type { ColumnDef } from './columns';

/**
 * Columns whose stored value is the text the grid shows. Time and yes/no columns are shown
 * formatted (time zone, "Yes"), and reals may print differently, so Find does not search them.
 */
export function findableColumn(col: ColumnDef): boolean {
  return col.storage === 'dict' || col.storage === 'text' || col.storage === 'int';
}

/** Lower-cases ASCII letters only: SQLite's LIKE ignores case for ASCII and nothing else. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
}
