// The precomputed `sessions` table (one row per correlation id), with an index per sortable column so listing pages never sorts the whole table.
import { SESSION_SORT_COLUMNS } from '../../shared/model/session';
import type { CaseDb } from '../db/case-db';

export const SESSIONS_META_KEY = 'sessions.build';

const DDL = `
CREATE TABLE IF NOT EXISTS sessions (
  session_no INTEGER PRIMARY KEY, correlation_id TEXT NOT NULL,
  first_ms INTEGER NOT NULL, last_ms INTEGER NOT NULL, duration_ms INTEGER NOT NULL,
  user TEXT NOT NULL, users INTEGER NOT NULL, apps TEXT NOT NULL, app_count INTEGER NOT NULL,
  resources TEXT NOT NULL, ips TEXT NOT NULL, ip_count INTEGER NOT NULL,
  countries TEXT NOT NULL, country_count INTEGER NOT NULL, devices TEXT NOT NULL,
  rows INTEGER NOT NULL, auth_steps TEXT NOT NULL, final_status TEXT NOT NULL, final_code INTEGER,
  linked_group INTEGER NOT NULL, linked_sessions INTEGER NOT NULL,
  flag_bits INTEGER NOT NULL, flag_count INTEGER NOT NULL
);`;

/** Column order of an insert into `sessions`. */
export const SESSION_COLUMNS = [
  'session_no', 'correlation_id', 'first_ms', 'last_ms', 'duration_ms', 'user', 'users', 'apps', 'app_count',
  'resources', 'ips', 'ip_count', 'countries', 'country_count', 'devices', 'rows', 'auth_steps', 'final_status', 'final_code',
  'linked_group', 'linked_sessions', 'flag_bits', 'flag_count',
] as const;

export function ensureSessionTables(caseDb: CaseDb): void {
  caseDb.db.exec(DDL);
}

export function dropSessionIndexes(caseDb: CaseDb): void {
  for (const name of indexNames()) caseDb.db.exec(`DROP INDEX IF EXISTS ${name}`);
}

/** Built after the bulk insert (cheaper than maintaining them row by row). */
export function createSessionIndexes(caseDb: CaseDb): void {
  caseDb.db.exec('CREATE UNIQUE INDEX IF NOT EXISTS ix_sessions_corr ON sessions (correlation_id)');
  caseDb.db.exec('CREATE INDEX IF NOT EXISTS ix_sessions_group ON sessions (linked_group, first_ms)');
  for (const column of new Set(Object.values(SESSION_SORT_COLUMNS))) {
    if (column === 'correlation_id') continue; // served by ix_sessions_corr (+ rowid)
    caseDb.db.exec(`CREATE INDEX IF NOT EXISTS ix_sessions_${column} ON sessions (${column}, session_no)`);
  }
}

function indexNames(): string[] {
  const sorted = [...new Set(Object.values(SESSION_SORT_COLUMNS))].filter((c) => c !== 'correlation_id').map((c) => `ix_sessions_${c}`);
  return ['ix_sessions_corr', 'ix_sessions_group', ...sorted];
}

export function hasSessions(caseDb: CaseDb): boolean {
  return caseDb.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'") === 1 && caseDb.meta(SESSIONS_META_KEY) !== undefined;
}
