// Brings a case file written by an older SigninScope up to this schema: the catalogue only ever adds
// columns, so missing ones are added (NULL for old rows) and the views are recreated over them.
// Indexes that earlier versions built and this one does not are dropped, and this version's built.
import type { Database } from 'sql.js';
import { migrateSessionTable, OLD_SESSION_INDEXES } from './migrate-sessions';
import { INDEX_DDL, SCHEMA_VERSION, SESSION_INDEXES, STORED_COLUMN_TYPES } from './schema';

const VIEWS = ['signins', 'authentication_details', 'conditional_access_results', 'sessions'];

/**
 * Indexes of earlier versions, as SQLite stored their definitions. Sessions had one per sort column
 * (~260 bytes per sign-in in all); they are sorted on demand now (main/sessions/list-sessions.ts).
 * ix_time named the rid that every index entry holds anyway. The `sessions` table's own indexes went
 * with it (migrate-sessions.ts).
 */
const RETIRED_INDEXES: ReadonlyMap<string, string> = new Map([
  ...['last_ms', 'duration_ms', 'user', 'rows', 'ip_count', 'country_count', 'app_count', 'final_status', 'flag_count', 'linked_sessions'].map(
    (c) => [`ix_sessions_${c}`, `CREATE INDEX ix_sessions_${c} ON sessions (${c}, session_no)`] as const,
  ),
  ['ix_time', 'CREATE INDEX ix_time ON signin_data (created_ms, rid)'],
  ...OLD_SESSION_INDEXES,
]);

/** Whether an index is one an earlier SigninScope built (dropped quietly, not reported as foreign). */
export function isRetiredIndex(name: string, sql: string): boolean {
  return RETIRED_INDEXES.get(name) === sql;
}

export function migrateCase(db: Database): void {
  const present = new Set((db.exec("SELECT name FROM pragma_table_info('signin_data')")[0]?.values ?? []).map((r) => String(r[0])));
  if (present.size === 0) return; // a new case: the DDL creates everything
  migrateIndexes(db);
  migrateSessionTable(db);
  const missing = Object.entries(STORED_COLUMN_TYPES).filter(([name]) => !present.has(name));
  if (missing.length === 0) return;
  for (const [name, type] of missing) db.exec(`ALTER TABLE signin_data ADD COLUMN ${name} ${type}`);
  for (const view of VIEWS) db.exec(`DROP VIEW IF EXISTS ${view}`);
  db.run("INSERT INTO case_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [String(SCHEMA_VERSION)]);
}

/**
 * An index layout of an earlier version (any retired index present) becomes this version's. A case
 * opened through loadCase has had this done by schema-repair.ts already; this covers the other opens.
 */
function migrateIndexes(db: Database): void {
  const stored = db.exec("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")[0]?.values ?? [];
  const retired = stored.filter(([name, sql]) => isRetiredIndex(String(name), String(sql)));
  if (retired.length === 0) return;
  for (const [name] of retired) db.exec(`DROP INDEX IF EXISTS ${String(name)}`);
  const tables = new Set((db.exec("SELECT name FROM sqlite_master WHERE type = 'table'")[0]?.values ?? []).map((r) => String(r[0])));
  for (const ddl of [...INDEX_DDL, ...SESSION_INDEXES]) if (tables.has(/ ON (\w+)/.exec(ddl)![1]!)) db.exec(ddl);
}
