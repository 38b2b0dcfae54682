// The in-memory case database: one sql.js Database with the schema applied, plus the string
// dictionary. Lives in the engine worker (or in-process for the CLI and tests).
import type { Database, Statement } from 'sql.js';
import { buildRow, CELL, checkTuple, checkValue, columnPlan, type Cell, type ColumnKind, type RowOf, type RowSpec, type SqlParams, type SqlValue, type TupleOf, type TupleSpec } from './row-spec';
import { loadSqlJs } from './sqljs';
import { migrateCase } from './migrate';
import { markVocabularyCurrent, migrateVocabulary } from './migrate-vocabulary';
import { INDEX_DDL, SCHEMA_VERSION, schemaDdl } from './schema';
import { StringDictionary } from './string-dictionary';

export class CaseDb {
  readonly strings: StringDictionary;
  private dataVersion = 0;

  private constructor(private readonly handle: Database) {
    this.strings = new StringDictionary(handle, () => this.changed());
  }

  /**
   * Goes up on every change made through this object (rows, strings, derived tables, annotations);
   * never goes down while the case is open. Caches compare it instead of re-counting tables.
   */
  get version(): number {
    return this.dataVersion;
  }

  private changed(): void {
    this.dataVersion++;
  }

  // ---- Typed reads -------------------------------------------------------------------------

  /** Every row of a read query, as objects with the spec's names and kinds. */
  rows<const S extends RowSpec>(sql: string, params: SqlParams, spec: S): RowOf<S>[] {
    const out: RowOf<S>[] = [];
    this.forEach(sql, params, spec, (row) => void out.push(row));
    return out;
  }

  /** The first row, or undefined when there is none. */
  first<const S extends RowSpec>(sql: string, params: SqlParams, spec: S): RowOf<S> | undefined {
    let found: RowOf<S> | undefined;
    this.forEach(sql, params, spec, (row) => {
      found = row;
      return false;
    });
    return found;
  }

  /** Streams rows without keeping them; the callback returns false to stop early. */
  forEach<const S extends RowSpec>(sql: string, params: SqlParams, spec: S, each: (row: RowOf<S>) => void | boolean): void {
    this.withStatement(sql, (stmt) => {
      stmt.bind(bindable(params));
      const plan = columnPlan(spec, stmt.getColumnNames(), sql);
      while (stmt.step()) if (each(buildRow<S>(plan, stmt.get())) === false) break;
    });
  }

  /** The first column of the first row, checked against `kind`; undefined when there is no row. */
  value<K extends ColumnKind>(sql: string, params: SqlParams, kind: K): RowOf<{ v: K }>['v'] | undefined {
    return this.withStatement(sql, (stmt) => {
      stmt.bind(bindable(params));
      return stmt.step() ? (checkValue('1', kind, stmt.get()[0]) as RowOf<{ v: K }>['v']) : undefined;
    });
  }

  // ---- Fast paths for hot loops ---------------------------------------------------------------
  // Building an object per row costs more than reading the row: the charts, counts and sort orders
  // walk millions of rows, and grid pages are posted across threads as arrays. These read arrays,
  // still checked against the kinds given by position.

  /** Streams rows as arrays checked against `kinds`; the callback returns false to stop early. */
  forEachTuple<const S extends TupleSpec>(sql: string, params: SqlParams, kinds: S, each: (row: TupleOf<S>) => void | boolean): void {
    this.withStatement(sql, (stmt) => {
      stmt.bind(bindable(params));
      while (stmt.step()) if (each(checkTuple(kinds, stmt.get())) === false) break;
    });
  }

  /** Every row as an array checked against `kinds`. */
  tuples<const S extends TupleSpec>(sql: string, params: SqlParams, kinds: S): TupleOf<S>[] {
    const out: TupleOf<S>[] = [];
    this.forEachTuple(sql, params, kinds, (row) => void out.push(row));
    return out;
  }

  /** Rows as arrays of `width` cells (text, number or NULL, never a blob), for column lists chosen at run time. */
  cellRows(sql: string, params: SqlParams, width: number): Cell[][] {
    return this.tuples(sql, params, Array<typeof CELL>(width).fill(CELL));
  }

  /** Rows as objects keyed by their result column names, for `SELECT *` of a view (the record pane). */
  cellObjects(sql: string, params: SqlParams): Record<string, Cell>[] {
    return this.withStatement(sql, (stmt) => {
      stmt.bind(bindable(params));
      const names = stmt.getColumnNames();
      const out: Record<string, Cell>[] = [];
      while (stmt.step()) {
        const values = stmt.get();
        const row: Record<string, Cell> = {};
        names.forEach((n, i) => (row[n] = checkValue(n, CELL, values[i]) as Cell));
        out.push(row);
      }
      return out;
    });
  }

  /** Statements in `sql`, compiled but not run (comments and stray semicolons do not count). */
  countStatements(sql: string): number {
    let n = 0;
    for (const stmt of this.handle.iterateStatements(sql)) {
      stmt.free();
      n++;
    }
    return n;
  }

  hasTable(name: string): boolean {
    return this.value("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name], 'num') === 1;
  }

  // ---- Writes ------------------------------------------------------------------------------

  /** Runs one write statement (a script of several goes to `exec`); returns how many rows it inserted, changed or deleted. */
  run(sql: string, params: SqlParams = []): number {
    this.handle.run(sql, bindable(params));
    this.changed();
    return this.handle.getRowsModified();
  }

  /** Runs a script of statements (DDL, multi-statement writes). */
  exec(sql: string): void {
    this.handle.exec(sql);
    this.changed();
  }

  /**
   * A write to the temp schema only (a request's working set, e.g. the sessions a filter keeps): the
   * case's data does not change, so the version does not move and caches stay valid.
   */
  scratch(sql: string, params: SqlParams = []): void {
    if (!/\btemp\./i.test(sql)) throw new Error('scratch writes name temp.<table>');
    this.handle.run(sql, bindable(params));
  }

  /** The rowid of the last row inserted. */
  lastInsertId(): number {
    return this.value('SELECT last_insert_rowid()', [], 'num') ?? 0;
  }

  /** Registers a scalar SQL function (sql.js has no REGEXP of its own). */
  createFunction(name: string, fn: (...args: Cell[]) => Cell): void {
    this.handle.create_function(name, fn);
  }

  /** Runs `fn` in one transaction, rolled back when it throws. */
  transaction<T>(fn: () => T): T {
    this.handle.exec('BEGIN');
    try {
      const result = fn();
      this.handle.exec('COMMIT');
      return result;
    } catch (e) {
      this.handle.exec('ROLLBACK');
      throw e;
    } finally {
      this.changed();
    }
  }

  /** A statement that is always freed, whatever `use` does. */
  withStatement<T>(sql: string, use: (stmt: Statement) => T): T {
    const stmt = this.handle.prepare(sql);
    try {
      return use(stmt);
    } finally {
      stmt.free();
    }
  }

  /** A prepared write for hot loops (imports): bumps the version once per `run`. Free it when done. */
  prepareWrite(sql: string): PreparedWrite {
    const stmt = this.handle.prepare(sql);
    return {
      run: (params) => {
        stmt.run(bindable(params));
        this.dataVersion++;
      },
      free: () => void stmt.free(),
    };
  }

  /**
   * A new empty case, or one loaded from a saved case file's bytes. `beforeUse` sees a loaded file's
   * database before anything reads it (main/cases/schema-repair.ts drops what is not the app's own).
   */
  static async create(bytes?: Uint8Array, beforeUse?: (db: Database) => void): Promise<CaseDb> {
    const SQL = await loadSqlJs();
    const db = bytes ? new SQL.Database(bytes) : new SQL.Database();
    applyPragmas(db);
    if (bytes) {
      beforeUse?.(db);
      assertCaseFile(db);
      migrateCase(db);
    }
    db.exec(schemaDdl());
    if (bytes) migrateVocabulary(db);
    else {
      setMeta(db, 'schema_version', String(SCHEMA_VERSION));
      markVocabularyCurrent(db);
    }
    return new CaseDb(db);
  }

  /** Builds the missing indexes, then ANALYZE; `onStep(done, total)` before the first step and after each. */
  buildIndexes(onStep?: (done: number, total: number) => void): void {
    const total = INDEX_DDL.length + 1;
    onStep?.(0, total);
    INDEX_DDL.forEach((ddl, i) => {
      this.exec(ddl);
      onStep?.(i + 1, total);
    });
    this.exec('ANALYZE');
    onStep?.(total, total);
  }

  meta(key: string): string | undefined {
    const row = this.first('SELECT value FROM case_meta WHERE key = ?', [key], { value: 'str?' });
    return row === undefined ? undefined : String(row.value);
  }

  setMeta(key: string, value: string): void {
    setMeta(this.handle, key, value);
    this.changed();
  }

  /** The database file's bytes. sql.js closes and reopens the database to do it (pragmas reset). */
  export(): Uint8Array {
    this.strings.close();
    const bytes = this.handle.export();
    applyPragmas(this.handle);
    return bytes;
  }

  close(): void {
    this.strings.close();
    this.handle.close();
  }
}

// sql.js's bind takes a mutable array; it does not change it.
function bindable(params: SqlParams): SqlValue[] {
  return params as SqlValue[];
}

// The case lives in memory; a journal would only double the writes.
function applyPragmas(db: Database): void {
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;');
}

function setMeta(db: Database, key: string, value: string): void {
  db.run('INSERT INTO case_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
}

function assertCaseFile(db: Database): void {
  const res = db.exec("SELECT value FROM case_meta WHERE key = 'schema_version'");
  const version = Number(res[0]?.values[0]?.[0]);
  if (!Number.isFinite(version)) throw new Error('not a SigninScope case file (no schema_version)');
  if (version > SCHEMA_VERSION) throw new Error(`case file schema ${version} is newer than this SigninScope (${SCHEMA_VERSION})`);
}

export interface PreparedWrite {
  run(params: SqlParams): void;
  free(): void;
}
