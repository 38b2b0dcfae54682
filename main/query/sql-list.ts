// `expr IN (...)` for lists of any length: short lists as placeholders, long ones as one JSON array
// parameter read by json_each (SQLite caps the number of placeholders; one parameter has no cap).
export type SqlParam = string | number;

const MAX_PLACEHOLDERS = 200;

export function inList(expr: string, values: readonly SqlParam[], params: SqlParam[]): string {
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
export function notInList(expr: string, values: readonly SqlParam[], params: SqlParam[]): string {
  if (values.length === 0) return '1';
  return `(${expr} IS NULL OR NOT (${inList(expr, values, params)}))`;
}

/** A LIKE pattern matching `text` literally (with `\` as the escape character). */
export function likePattern(text: string, kind: 'contains' | 'startsWith'): string {
  const escaped = text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return kind === 'contains' ? `%${escaped}%` : `${escaped}%`;
}

export const LIKE_ESCAPE = "ESCAPE '\\'";
