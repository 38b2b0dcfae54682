// Brings a case file written by an older SigninScope up to this schema: the catalogue only ever adds
// columns, so missing ones are added (NULL for old rows) and the views are recreated over them.
import type { Database } from 'sql.js';
import { SCHEMA_VERSION, STORED_COLUMN_TYPES } from './schema';

const VIEWS = ['signins', 'authentication_details', 'conditional_access_results'];

export function migrateCase(db: Database): void {
  const present = new Set((db.exec("SELECT name FROM pragma_table_info('signin_data')")[0]?.values ?? []).map((r) => String(r[0])));
  if (present.size === 0) return; // a new case: the DDL creates everything
  const missing = Object.entries(STORED_COLUMN_TYPES).filter(([name]) => !present.has(name));
  if (missing.length === 0) return;
  for (const [name, type] of missing) db.exec(`ALTER TABLE signin_data ADD COLUMN ${name} ${type}`);
  for (const view of VIEWS) db.exec(`DROP VIEW IF EXISTS ${view}`);
  db.run("INSERT INTO case_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [String(SCHEMA_VERSION)]);
}
