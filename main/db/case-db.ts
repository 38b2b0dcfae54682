// The in-memory case database: one sql.js Database with the schema applied, plus the string
// dictionary. Lives in the engine worker (or in-process for the CLI and tests).
import type { Database, Statement } from 'sql.js';
import { buildRow, checkValue, columnPlan, type ColumnKind, type RowOf, type RowSpec, type SqlParams } from './row-spec';
import { loadSqlJs } from './sqljs';
import { migrateCase } from './migrate';
import { markVocabularyCurrent, migrateVocabulary } from './migrate-vocabulary';
import { INDEX_DDL, SCHEMA_VERSION, schemaDdl } from './schema';
import { StringDictionary } from './string-dictionary';

export class CaseDb {
  readonly strings: StringDictionary;
  private dataVersion = 0;

  private constructor(readonly db: Database) {
    this.strings = new StringDictionary(db, () => this.changed());
  }

  /**
   * Goes up on every change made through this object (rows, strings, derived tables, annotations);
   * never goes down while the case is open. Caches compare it instead of re-counting tables.
   */
  get version(): number {
    return this.dataVersion;
  }

  /** Records a change made outside `run`/`exec`/prepared writes (none should remain). */
  changed(): void {
    this.dataVersion++;
  }

  // ---- Typed reads -------------------------------------------------------------------------

  /** Every row of a read query, as objects with the spec's names and kinds. */
  rows<S extends RowSpec>(sql: string, params: SqlParams, spec: S): RowOf<S>[] {
    const out: RowOf<S>[] = [];
    this.forEach(sql, params, spec, (row) => void out.push(row));
    return out;
  }

  /** The first row, or undefined when there is none. */
  first<S extends RowSpec>(sql: string, params: SqlParams, spec: S): RowOf<S> | undefined {
    let found: RowOf<S> | undefined;
    this.forEach(sql, params, spec, (row) => {
      found = row;
      return false;
    });
    return found;
  }

  /** Streams rows without keeping them; the callback returns false to stop early. */
  forEach<S extends RowSpec>(sql: string, params: SqlParams, spec: S, each: (row: RowOf<S>) => void | boolean): void {
    this.withStatement(sql, (stmt) => {
      stmt.bind(params as (string | number | null | Uint8Array)[]);
      const plan = columnPlan(spec, stmt.getColumnNames(), sql);
      while (stmt.step()) if (each(buildRow<S>(plan, stmt.get())) === false) break;
    });
  }

  /** The first column of the first row, checked against `kind`; undefined when there is no row. */
  value<K extends ColumnKind>(sql: string, params: SqlParams, kind: K): RowOf<{ v: K }>['v'] | undefined {
    return this.withStatement(sql, (stmt) => {
      stmt.bind(params as (string | number | null | Uint8Array)[]);
      return stmt.step() ? (checkValue('1', kind, stmt.get()[0]) as RowOf<{ v: K }>['v']) : undefined;
    });
  }

  hasTable(name: string): boolean {
    return this.value("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name], 'num') === 1;
  }

  // ---- Writes ------------------------------------------------------------------------------

  run(sql: string, params: SqlParams = []): void {
    this.db.run(sql, params as (string | number | null | Uint8Array)[]);
    this.changed();
  }

  /** Runs a script of statements (DDL, multi-statement writes). */
  exec(sql: string): void {
    this.db.exec(sql);
    this.changed();
  }

  /** Runs `fn` in one transaction, rolled back when it throws. */
  transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    } finally {
      this.changed();
    }
  }

  /** A statement that is always freed, whatever `use` does. */
  withStatement<T>(sql: string, use: (stmt: Statement) => T): T {
    const stmt = this.db.prepare(sql);
    try {
      return use(stmt);
    } finally {
      stmt.free();
    }
  }

  /** A prepared write for hot loops (imports): bumps the version once per `run`. Free it when done. */
  prepareWrite(sql: string): PreparedWrite {
    const stmt = this.db.prepare(sql);
    return {
      run: (params) => {
        stmt.run(params as (string | number | null | Uint8Array)[]);
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

  buildIndexes(): void {
    for (const ddl of INDEX_DDL) this.db.exec(ddl);
    this.db.exec('ANALYZE');
  }

  meta(key: string): string | undefined {
    const stmt = this.db.prepare('SELECT value FROM case_meta WHERE key = ?');
    try {
      stmt.bind([key]);
      return stmt.step() ? String(stmt.get()[0]) : undefined;
    } finally {
      stmt.free();
    }
  }

  setMeta(key: string, value: string): void {
    setMeta(this.db, key, value);
  }

  /** Rows of a read query as arrays (cheaper than objects to build and to post across threads). */
  all(sql: string, params: (string | number | null)[] = []): unknown[][] {
    const stmt = this.db.prepare(sql);
    try {
      stmt.bind(params);
      const rows: unknown[][] = [];
      while (stmt.step()) rows.push(stmt.get());
      return rows;
    } finally {
      stmt.free();
    }
  }

  scalar(sql: string, params: (string | number | null)[] = []): unknown {
    return this.all(sql, params)[0]?.[0];
  }

  /** The database file's bytes. sql.js closes and reopens the database to do it (pragmas reset). */
  export(): Uint8Array {
    this.strings.close();
    const bytes = this.db.export();
    applyPragmas(this.db);
    return bytes;
  }

  close(): void {
    this.strings.close();
    this.db.close();
  }
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
