// The precomputed sessions: `session_data`, one narrow row per correlation id (times, counts, outcome,
// link group, flags; DDL and the `sessions` view over it in main/db/schema.ts). Lists (apps, IPs...)
// and the authentication steps are read from the session's sign-ins when a page is shown. Indexes:
// the first sign-in (a correlation id's session), the default sort (start time) and the linked
// sessions' groups. Other sorts are sorted on demand and flag filters read the table
// (list-sessions.ts): an index per sort column cost ~260 bytes per sign-in, more than the table.
import type { CaseDb } from '../db/case-db';
import { SESSION_INDEXES, SESSION_TABLE_DDL, SESSION_VIEW_COLUMNS } from '../db/schema';

export const SESSIONS_META_KEY = 'sessions.build';

/** Column order of an insert into `session_data`. */
export const SESSION_COLUMNS = [
  'session_no',
  'first_rid',
  'first_ms',
  'duration_ms',
  'user_k',
  'users',
  'app_count',
  'ip_count',
  'country_count',
  'rows',
  'final_status_k',
  'final_code',
  'linked_group',
  'linked_sessions',
  'flag_bits',
  'flag_count',
] as const;

export type SessionViewColumn = keyof typeof SESSION_VIEW_COLUMNS;

/** SQL over `session_data s` of a `sessions` view column. */
export function sessionColumn(column: SessionViewColumn): string {
  return SESSION_VIEW_COLUMNS[column];
}

/**
 * SQL over `session_data s` to sort on a view column: the session number stands for the correlation
 * id (numbered in correlation order; the ids are unique), so that sort reads the table in key order.
 */
export function sessionSortKey(column: SessionViewColumn): string {
  return column === 'correlation_id' ? 's.session_no' : sessionColumn(column);
}

/** Sort keys whose order an index gives (the table's own key is one). */
export const INDEXED_SORT_KEYS: ReadonlySet<string> = new Set(['s.first_ms', 's.session_no']);

/**
 * SQL: whether `session_data s` is the session of a correlation id (`correlation`: SQL, e.g.
 * `d.correlation_id`): the id's first timed sign-in (ix_corr) is the session's first_rid. One seek
 * per sign-in when a filter's rows are mapped to their sessions.
 */
export function sessionOf(correlation: string): string {
  return `s.first_rid = (SELECT f.rid FROM signin_data f WHERE f.correlation_id = ${correlation} AND f.created_ms IS NOT NULL ORDER BY f.created_ms, f.rid LIMIT 1)`;
}

/**
 * SQL: whether `session_data s` is the session of the correlation id `?`, by any of its sign-ins (the
 * session holds one of them), so a session built before sign-ins of its id were added is found too.
 */
export const SESSION_OF_ID = 's.first_rid IN (SELECT f.rid FROM signin_data f WHERE f.correlation_id = ?)';

export function ensureSessionTables(caseDb: CaseDb): void {
  caseDb.exec(SESSION_TABLE_DDL);
}

/** Empties the table for a rebuild (indexes dropped first: rebuilt once after the bulk insert). */
export function resetSessionTables(caseDb: CaseDb): void {
  caseDb.exec('DROP TABLE IF EXISTS session_data');
  ensureSessionTables(caseDb);
}

export function createSessionIndexes(caseDb: CaseDb): void {
  for (const ddl of SESSION_INDEXES) caseDb.exec(ddl);
}

export function hasSessions(caseDb: CaseDb): boolean {
  return caseDb.meta(SESSIONS_META_KEY) !== undefined && caseDb.hasTable('session_data');
}
