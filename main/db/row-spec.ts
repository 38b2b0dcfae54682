// Typed result rows: a query names the columns it reads and the kind of each, and gets back objects
// with those names and types (in the spirit of Perfetto's `iter({ts: NUM, name: STR_NULL})`).
// A value of the wrong kind throws at once, naming the column, instead of flowing on as `unknown`.

export const NUM = 'num';
export const NUM_NULL = 'num?';
export const STR = 'str';
export const STR_NULL = 'str?';
export const BLOB = 'blob';
export const BLOB_NULL = 'blob?';

export type ColumnKind = typeof NUM | typeof NUM_NULL | typeof STR | typeof STR_NULL | typeof BLOB | typeof BLOB_NULL;
export type RowSpec = Readonly<Record<string, ColumnKind>>;

type ValueOf<K extends ColumnKind> = K extends 'num'
  ? number
  : K extends 'num?'
    ? number | null
    : K extends 'str'
      ? string
      : K extends 'str?'
        ? string | null
        : K extends 'blob'
          ? Uint8Array
          : Uint8Array | null;

export type RowOf<S extends RowSpec> = { -readonly [C in keyof S]: ValueOf<S[C]> };

/** A value bound to a `?` parameter. */
export type SqlValue = string | number | null | Uint8Array;
export type SqlParams = readonly SqlValue[];

export class RowTypeError extends Error {}

/** Checks one value against its column's kind. SQLite's integers in a text column read as text. */
export function checkValue(column: string, kind: ColumnKind, v: unknown): unknown {
  if (v === null || v === undefined) {
    if (kind.endsWith('?')) return null;
    throw new RowTypeError(`column ${column}: NULL where ${kind} was expected`);
  }
  switch (kind) {
    case NUM:
    case NUM_NULL:
      if (typeof v === 'number') return v;
      break;
    case STR:
    case STR_NULL:
      if (typeof v === 'string') return v;
      if (typeof v === 'number') return String(v);
      break;
    default:
      if (v instanceof Uint8Array) return v;
  }
  throw new RowTypeError(`column ${column}: ${typeof v} where ${kind} was expected`);
}

/** Maps a spec's names to result-column positions; every name must be a result column. */
export function columnPlan(spec: RowSpec, columnNames: readonly string[], sql: string): { names: string[]; kinds: ColumnKind[]; positions: number[] } {
  const names = Object.keys(spec);
  const positions = names.map((n) => {
    const i = columnNames.indexOf(n);
    if (i < 0) throw new RowTypeError(`column ${n} is not in the result of: ${sql.slice(0, 200)}`);
    return i;
  });
  return { names, kinds: names.map((n) => spec[n]!), positions };
}

export function buildRow<S extends RowSpec>(plan: ReturnType<typeof columnPlan>, values: readonly unknown[]): RowOf<S> {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < plan.names.length; i++) row[plan.names[i]!] = checkValue(plan.names[i]!, plan.kinds[i]!, values[plan.positions[i]!]);
  return row as RowOf<S>;
}
