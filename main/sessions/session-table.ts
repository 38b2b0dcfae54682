// The precomputed `sessions` table: one narrow row per correlation id (times, counts, outcome,
// link group, flags). Lists (apps, IPs...) and the authentication steps are read from the session's
// sign-ins when a page is shown. Indexes: the correlation id (sign-ins → session), the link group and
// the default sort (start time). Other sorts are sorted on demand and flag filters read the table
// (list-sessions.ts): an index per sort column cost ~260 bytes per sign-in, more than the table.
import type { CaseDb } from '../db/case-db';
import { SESSION_INDEXES } from '../db/schema';

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

/** Sort columns whose order an index gives (correlation ids are unique, so no tie-break is needed). */
export const INDEXED_SORT_COLUMNS: ReadonlySet<string> = new Set(['first_ms', 'correlation_id']);

export function ensureSessionTables(caseDb: CaseDb): void {
  caseDb.exec(DDL);
}

/** Empties the table for a rebuild (indexes dropped first: rebuilt once after the bulk insert). */
export function resetSessionTables(caseDb: CaseDb): void {
  caseDb.exec('DROP TABLE IF EXISTS sessions');
  ensureSessionTables(caseDb);
}

export function createSessionIndexes(caseDb: CaseDb): void {
  for (const ddl of SESSION_INDEXES) caseDb.exec(ddl);
}

export function hasSessions(caseDb: CaseDb): boolean {
  return caseDb.meta(SESSIONS_META_KEY) !== undefined && caseDb.hasTable('sessions');
}
