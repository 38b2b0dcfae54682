// Typed result rows: a query names the columns it reads and the kind of each, and gets back objects
// with those names and types (in the spirit of Perfetto's `iter({ts: NUM, name: STR_NULL})`).
// A value of the wrong kind throws at once, naming the column, instead of flowing on as `unknown`.

export const NUM = 'num';
export const NUM_NULL = 'num?';
export const STR = 'str';
export const STR_NULL = 'str?';
export const BLOB = 'blob';
export const BLOB_NULL = 'blob?';
/** Whatever a cell holds except a blob: for column lists chosen at run time (grid pages, the record view). */
export const CELL = 'cell';

export type ColumnKind = typeof NUM | typeof NUM_NULL | typeof STR | typeof STR_NULL | typeof BLOB | typeof BLOB_NULL | typeof CELL;
export type RowSpec = Readonly<Record<string, ColumnKind>>;
/** Column kinds by position, for hot loops that read arrays instead of building objects. */
export type TupleSpec = readonly ColumnKind[];
/** A cell as the grid and the record view carry it. */
export type Cell = string | number | null;
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
          : K extends 'blob?'
            ? Uint8Array | null
            : Cell;

export type RowOf<S extends RowSpec> = { -readonly [C in keyof S]: ValueOf<S[C]> };
export type TupleOf<S extends TupleSpec> = { -readonly [I in keyof S]: S[I] extends ColumnKind ? ValueOf<S[I]> : never };

/** A value bound to a `?` parameter. */
export type SqlValue = string | number | null | Uint8Array;
export type SqlParams = readonly SqlValue[];

export class RowTypeError extends Error {}

/** Checks one value against its column's kind. SQLite's integers in a text column read as text. */
export function checkValue(column: string | number, kind: ColumnKind, v: unknown): unknown {
  if (v === null || v === undefined) {
    if (kind.endsWith('?') || kind === CELL) return null;
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
    case CELL:
      if (typeof v === 'number' || typeof v === 'string') return v;
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

/** Checks a row read as an array in place against kinds by position (the tuple fast path). */
export function checkTuple<S extends TupleSpec>(kinds: S, values: unknown[]): TupleOf<S> {
  if (values.length < kinds.length) throw new RowTypeError(`the query returns ${values.length} columns, ${kinds.length} expected`);
  for (let i = 0; i < kinds.length; i++) values[i] = checkValue(i + 1, kinds[i]!, values[i]);
  return values as TupleOf<S>;
}
