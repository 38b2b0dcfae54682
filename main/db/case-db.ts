// The in-memory case database: one sql.js Database with the schema applied, plus the string
// dictionary. Lives in the engine worker (or in-process for the CLI and tests).
import type { Database } from 'sql.js';
import { loadSqlJs } from './sqljs';
import { migrateCase } from './migrate';
import { markVocabularyCurrent, migrateVocabulary } from './migrate-vocabulary';
import { INDEX_DDL, SCHEMA_VERSION, schemaDdl } from './schema';
import { StringDictionary } from './string-dictionary';

export class CaseDb {
  readonly strings: StringDictionary;

  private constructor(readonly db: Database) {
    this.strings = new StringDictionary(db);
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
