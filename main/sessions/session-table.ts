// The precomputed `sessions` table: one narrow row per correlation id (times, counts, outcome,
// link group, flags) with indexes on the usual sort columns. Lists (apps, IPs...) and the
// authentication steps are read from the session's sign-ins when a page is shown.
import { SESSION_SORT_COLUMNS } from '../../shared/model/session';
import type { CaseDb } from '../db/case-db';

export const SESSIONS_META_KEY = 'sessions.build';

const DDL = `CREATE TABLE IF NOT EXISTS sessions (
  session_no INTEGER PRIMARY KEY, correlation_id TEXT NOT NULL,
  first_ms INTEGER NOT NULL, last_ms INTEGER NOT NULL, duration_ms INTEGER NOT NULL,
  user TEXT NOT NULL, users INTEGER NOT NULL, app_count INTEGER NOT NULL, ip_count INTEGER NOT NULL,
  country_count INTEGER NOT NULL, rows INTEGER NOT NULL, final_status TEXT NOT NULL, final_code INTEGER,
  linked_group INTEGER NOT NULL, linked_sessions INTEGER NOT NULL, flag_bits INTEGER NOT NULL, flag_count INTEGER NOT NULL
)`;

/** Column order of an insert into `sessions`. */
export const SESSION_COLUMNS = [
  'session_no',
  'correlation_id',
  'first_ms',
  'last_ms',
  'duration_ms',
  'user',
  'users',
  'app_count',
  'ip_count',
  'country_count',
  'rows',
  'final_status',
  'final_code',
  'linked_group',
  'linked_sessions',
  'flag_bits',
  'flag_count',
] as const;

/** Every sort column has an index, so a page of any sort order is an index range read. */
export const INDEXED_SORT_COLUMNS: ReadonlySet<string> = new Set(Object.values(SESSION_SORT_COLUMNS));

const INDEXES: Record<string, string> = {
  ix_sessions_corr: 'CREATE UNIQUE INDEX IF NOT EXISTS ix_sessions_corr ON sessions (correlation_id)',
  ix_sessions_group: 'CREATE INDEX IF NOT EXISTS ix_sessions_group ON sessions (linked_group, first_ms)',
  ...Object.fromEntries([...INDEXED_SORT_COLUMNS].filter((c) => c !== 'correlation_id').map((c) => [`ix_sessions_${c}`, `CREATE INDEX IF NOT EXISTS ix_sessions_${c} ON sessions (${c}, session_no)`])),
};

export function ensureSessionTables(caseDb: CaseDb): void {
  caseDb.db.exec(DDL);
}

/** Empties the table for a rebuild (indexes dropped first: rebuilt once after the bulk insert). */
export function resetSessionTables(caseDb: CaseDb): void {
  caseDb.db.exec('DROP TABLE IF EXISTS sessions');
  ensureSessionTables(caseDb);
}

export function createSessionIndexes(caseDb: CaseDb): void {
  for (const ddl of Object.values(INDEXES)) caseDb.db.exec(ddl);
}

export function hasSessions(caseDb: CaseDb): boolean {
  return caseDb.meta(SESSIONS_META_KEY) !== undefined && caseDb.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'") === 1;
}
