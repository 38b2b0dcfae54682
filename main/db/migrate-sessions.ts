// Sessions of a case saved before `session_data` (a `sessions` table holding the correlation id,
// user and final status as text, and last_ms) become `session_data` rows: the same numbers, the
// text as dictionary ids and the correlation id as the session's first sign-in. The `sessions`
// view then shows exactly what the table held (schemaDdl creates it after the migration).
import type { Database, SqlValue } from 'sql.js';
import { SESSION_INDEXES, SESSION_TABLE_DDL } from './schema';

/** The previous layout's session indexes, as SQLite stored their definitions (dropped with the table). */
export const OLD_SESSION_INDEXES: ReadonlyMap<string, string> = new Map([
  ['ix_sessions_corr', 'CREATE UNIQUE INDEX ix_sessions_corr ON sessions (correlation_id)'],
  ['ix_sessions_group', 'CREATE INDEX ix_sessions_group ON sessions (linked_group, first_ms)'],
  ['ix_sessions_first_ms', 'CREATE INDEX ix_sessions_first_ms ON sessions (first_ms, session_no)'],
]);

const NEW_COLUMNS = `session_no, first_rid, first_ms, duration_ms, user_k, users, app_count, ip_count, country_count,
  rows, final_status_k, final_code, linked_group, linked_sessions, flag_bits, flag_count`;
/** The users' and final statuses' dictionary ids, by text (a join: a lookup per row in a small table). */
const TEXT_IDS = `CREATE TEMP TABLE migrate_text_id (value TEXT PRIMARY KEY, id INTEGER NOT NULL);
  INSERT INTO temp.migrate_text_id SELECT value, min(id) FROM strings
    WHERE value IN (SELECT user FROM sessions WHERE user <> '' UNION SELECT final_status FROM sessions WHERE final_status <> '') GROUP BY value`;
/** The columns besides first_rid, from `sessions s` joined to the text ids `u` (user) and `st` (status). */
const CARRIED = `s.first_ms, s.last_ms - s.first_ms, u.id, s.users, s.app_count, s.ip_count, s.country_count,
  s.rows, st.id, s.final_code, CASE WHEN s.linked_sessions > 1 THEN s.linked_group END, s.linked_sessions, s.flag_bits, s.flag_count`;
const TEXT_JOINS = `LEFT JOIN temp.migrate_text_id u ON u.value = s.user LEFT JOIN temp.migrate_text_id st ON st.value = s.final_status`;

// The sessions build's numbering, read from ix_corr alone (see main/sessions/build-sessions.ts).
const SESSION_ROWS = 'FROM signin_data WHERE correlation_id IS NOT NULL AND created_ms IS NOT NULL';
const GROUP_SIZES = `SELECT count(*) ${SESSION_ROWS} GROUP BY correlation_id ORDER BY correlation_id`;
const RIDS_IN_ORDER = `SELECT rid ${SESSION_ROWS} ORDER BY correlation_id, created_ms, rid`;

export function migrateSessionTable(db: Database): void {
  const old = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'")[0]?.values.length;
  if (!old) return;
  db.exec('BEGIN');
  try {
    db.exec('DROP TABLE IF EXISTS session_data');
    db.exec(SESSION_TABLE_DDL);
    db.exec(TEXT_IDS);
    const firstRids = numberedFirstRids(db);
    if (firstRids) {
      // sessions built from the sign-ins as they are: session n is the n-th correlation id
      db.exec('CREATE TEMP TABLE migrate_first_rid (session_no INTEGER PRIMARY KEY, rid INTEGER NOT NULL)');
      const put = db.prepare('INSERT INTO temp.migrate_first_rid VALUES (?, ?)');
      firstRids.forEach((rid, i) => put.run([i + 1, rid]));
      put.free();
      db.exec(`INSERT INTO session_data (${NEW_COLUMNS}) SELECT s.session_no, f.rid, ${CARRIED} FROM sessions s JOIN temp.migrate_first_rid f USING (session_no) ${TEXT_JOINS}`);
      db.exec('DROP TABLE temp.migrate_first_rid');
    } else {
      // stale sessions (sign-ins added since they were built): each correlation id looked up
      const firstRid = 'SELECT f.rid FROM signin_data f WHERE f.correlation_id = s.correlation_id AND f.created_ms IS NOT NULL ORDER BY f.created_ms, f.rid LIMIT 1';
      db.exec(`INSERT INTO session_data (${NEW_COLUMNS}) SELECT * FROM (SELECT s.session_no, (${firstRid}) AS first_rid, ${CARRIED} FROM sessions s ${TEXT_JOINS}) WHERE first_rid IS NOT NULL`);
    }
    const lost = Number(db.exec('SELECT (SELECT count(*) FROM sessions) - (SELECT count(*) FROM session_data)')[0]!.values[0]![0]);
    // a session whose sign-ins are gone cannot be shown as before: the sessions are rebuilt instead
    if (lost > 0) db.exec("DELETE FROM case_meta WHERE key = 'sessions.build'");
    db.exec('DROP TABLE temp.migrate_text_id; DROP TABLE sessions');
    for (const ddl of SESSION_INDEXES) db.exec(ddl);
    db.exec('ANALYZE session_data');
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}

/**
 * The first sign-in of each correlation id in order, when the stored sessions are exactly those
 * groups (same count, same rows each, in session number order: sign-ins are only ever added, so
 * any added since the build changes a count); otherwise null.
 */
function numberedFirstRids(db: Database): number[] | null {
  const column = (sql: string): SqlValue[] => (db.exec(sql)[0]?.values ?? []).map((r) => r[0]!);
  const sizes = column(GROUP_SIZES);
  const stored = column('SELECT rows FROM sessions ORDER BY session_no');
  const numbers = column('SELECT session_no FROM sessions ORDER BY session_no');
  if (sizes.length !== stored.length || sizes.some((n, i) => n !== stored[i] || numbers[i] !== i + 1)) return null;
  const firstRids: number[] = [];
  let left = 0;
  const rids = db.prepare(RIDS_IN_ORDER);
  try {
    while (rids.step()) {
      const rid = rids.get()[0] as number;
      if (left === 0) {
        left = sizes[firstRids.length] as number;
        firstRids.push(rid);
      }
      left--;
    }
  } finally {
    rids.free();
  }
  return firstRids;
}
