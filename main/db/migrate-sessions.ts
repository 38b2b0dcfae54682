// Sessions of a case saved before `session_data` (a `sessions` table holding the correlation id,
// user and final status as text, and last_ms) become `session_data` rows: the same numbers, the
// text as dictionary ids and the correlation id as the session's first sign-in. The `sessions`
// view then shows exactly what the table held (schemaDdl creates it after the migration).
import type { Database } from 'sql.js';
import { SESSION_INDEXES, SESSION_TABLE_DDL } from './schema';

/** The previous layout's session indexes, as SQLite stored their definitions (dropped with the table). */
export const OLD_SESSION_INDEXES: ReadonlyMap<string, string> = new Map([
  ['ix_sessions_corr', 'CREATE UNIQUE INDEX ix_sessions_corr ON sessions (correlation_id)'],
  ['ix_sessions_group', 'CREATE INDEX ix_sessions_group ON sessions (linked_group, first_ms)'],
  ['ix_sessions_first_ms', 'CREATE INDEX ix_sessions_first_ms ON sessions (first_ms, session_no)'],
]);

const textId = (column: string) => `(SELECT min(id) FROM strings WHERE value = s.${column} AND s.${column} <> '')`;

const CONVERT = `INSERT INTO session_data (session_no, first_rid, first_ms, duration_ms, user_k, users, app_count, ip_count, country_count,
    rows, final_status_k, final_code, linked_group, linked_sessions, flag_bits, flag_count)
  SELECT * FROM (SELECT s.session_no,
    (SELECT f.rid FROM signin_data f WHERE f.correlation_id = s.correlation_id AND f.created_ms IS NOT NULL ORDER BY f.created_ms, f.rid LIMIT 1) AS first_rid,
    s.first_ms, s.last_ms - s.first_ms, ${textId('user')}, s.users, s.app_count, s.ip_count, s.country_count,
    s.rows, ${textId('final_status')}, s.final_code, CASE WHEN s.linked_sessions > 1 THEN s.linked_group END, s.linked_sessions, s.flag_bits, s.flag_count
  FROM sessions s) WHERE first_rid IS NOT NULL`;

export function migrateSessionTable(db: Database): void {
  const old = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'")[0]?.values.length;
  if (!old) return;
  db.exec('BEGIN');
  try {
    db.exec('DROP TABLE IF EXISTS session_data');
    db.exec(SESSION_TABLE_DDL);
    db.exec(CONVERT);
    const lost = Number(db.exec('SELECT (SELECT count(*) FROM sessions) - (SELECT count(*) FROM session_data)')[0]!.values[0]![0]);
    // a session whose sign-ins are gone cannot be shown as before: the sessions are rebuilt instead
    if (lost > 0) db.exec("DELETE FROM case_meta WHERE key = 'sessions.build'");
    db.exec('DROP TABLE sessions');
    for (const ddl of SESSION_INDEXES) db.exec(ddl);
    db.exec('ANALYZE session_data');
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
