// The one home for list and LIKE fragments of SQL. `inList` binds its values as parameters: short
// lists as placeholders, long ones as one JSON array read by json_each (SQLite caps the number of
// placeholders; one parameter has no cap). `numberSet` inlines checked numbers, for rule SQL written
// once as constants (status code sets) where there is no parameter list to add to.
import type { SqlValue } from '../db/row-spec';

const MAX_PLACEHOLDERS = 200;

export function inList(expr: string, values: readonly (string | number)[], params: SqlValue[]): string {
  if (values.length === 0) return '0';
  if (values.length === 1) {
    params.push(values[0]!);
    return `${expr} = ?`;
  }
  if (values.length <= MAX_PLACEHOLDERS) {
    params.push(...values);
    return `${expr} IN (${values.map(() => '?').join(', ')})`;
  }
  params.push(JSON.stringify(values));
  return `${expr} IN (SELECT value FROM json_each(?))`;
}

/** The negation that keeps empty cells: "is not X" includes rows where the column is empty. */
export function notInList(expr: string, values: readonly (string | number)[], params: SqlValue[]): string {
  if (values.length === 0) return '1';
  return `(${expr} IS NULL OR NOT (${inList(expr, values, params)}))`;
}

/** `(1,2,3)` for `x IN ...` with the numbers inlined; `(NULL)` matches nothing, so an empty set finds no rows. */
export function numberSet(values: readonly number[]): string {
  for (const v of values) if (!Number.isFinite(v)) throw new Error(`not a number in an IN list: ${v}`);
  return values.length ? `(${values.join(',')})` : '(NULL)';
}

/** `column NOT IN (...)` with inlined numbers, true for every row when the set is empty (`x NOT IN (NULL)` is never true). */
export function notInNumberSet(column: string, values: readonly number[]): string {
  return values.length ? `${column} NOT IN ${numberSet(values)}` : '1';
}

/** A LIKE pattern matching `text` literally (with `\` as the escape character, see LIKE_ESCAPE). */
export function likePattern(text: string, kind: 'contains' | 'startsWith'): string {
  const escaped = text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return kind === 'contains' ? `%${escaped}%` : `${escaped}%`;
}

export const LIKE_ESCAPE = "ESCAPE '\\'";
