// DDL of the case database. `signin_data` holds compact rows (repeated text as ids into `strings`);
// the `signins` view presents them under the documented column names (docs/schema.md), so analysts
// and DB Browser query plain values while memory stays small.
import { COLUMNS, type ColumnDef } from '../../shared/model/columns';

export const SCHEMA_VERSION = 2; // 2: additional_details

/** Physical column of `signin_data` behind a catalogue column. */
export function storedName(col: ColumnDef): string {
  if (col.storage === 'dict') return `${col.key}_k`;
  if (col.storage === 'time') return 'created_ms';
  return col.key;
}

const SQL_TYPE: Record<ColumnDef['storage'], string> = { dict: 'INTEGER', text: 'TEXT', int: 'INTEGER', real: 'REAL', bool: 'INTEGER', time: 'INTEGER' };

/** Extra physical columns that are not part of the catalogue. */
export const EXTRA_STORED = ['content_hash', 'record_index', 'raw_offset', 'raw_length', 'auth_steps_k', 'ca_policies_k', 'time_source_k', 'overlap_hash'] as const;

/** Every physical column written by the importer, in insert order. */
export const STORED_COLUMNS: readonly string[] = [...COLUMNS.map(storedName), ...EXTRA_STORED];

/** SQL expression of a catalogue column over `signin_data d`, as the `signins` view shows it. */
export function viewExpression(col: ColumnDef): string {
  const stored = `d.${storedName(col)}`;
  if (col.storage === 'dict') return `(SELECT value FROM strings WHERE id = ${stored})`;
  if (col.storage === 'time') return isoExpression(stored);
  return stored;
}

/** Epoch ms to `2025-03-04T02:10:00.000Z` in plain SQLite (no extension needed). */
export function isoExpression(ms: string): string {
  return `strftime('%Y-%m-%dT%H:%M:%S', ${ms} / 1000, 'unixepoch') || printf('.%03dZ', ${ms} % 1000)`;
}

/** SQL type of every physical column of `signin_data` (besides rid). */
export const STORED_COLUMN_TYPES: Readonly<Record<string, string>> = Object.fromEntries([
  ...COLUMNS.map((col) => [storedName(col), SQL_TYPE[col.storage]]),
  ...EXTRA_STORED.map((name) => [name, 'INTEGER']),
]);

function signinDataTable(): string {
  const cols = Object.entries(STORED_COLUMN_TYPES).map(([name, type]) => `  ${name} ${type}`);
  return `CREATE TABLE IF NOT EXISTS signin_data (\n  rid INTEGER PRIMARY KEY,\n${cols.join(',\n')}\n);`;
}

function signinsView(): string {
  const cols = COLUMNS.map((col) => `  ${viewExpression(col)} AS ${col.key}`);
  cols.push('  (SELECT value FROM strings WHERE id = d.auth_steps_k) AS authentication_details_json');
  cols.push('  (SELECT value FROM strings WHERE id = d.ca_policies_k) AS conditional_access_policies_json');
  cols.push('  (SELECT value FROM strings WHERE id = d.time_source_k) AS created_at_source');
  return `CREATE VIEW IF NOT EXISTS signins AS SELECT\n  d.rid AS rid,\n${cols.join(',\n')}\nFROM signin_data d;`;
}

export function schemaDdl(): string {
  return [
    `CREATE TABLE IF NOT EXISTS case_meta (key TEXT PRIMARY KEY, value TEXT);`,
    `CREATE TABLE IF NOT EXISTS strings (id INTEGER PRIMARY KEY, value TEXT NOT NULL);`,
    `CREATE TABLE IF NOT EXISTS sources (
  id INTEGER PRIMARY KEY, path TEXT NOT NULL, file_name TEXT NOT NULL, size INTEGER, sha256 TEXT,
  format TEXT, encoding TEXT, compressed INTEGER, records INTEGER DEFAULT 0, imported INTEGER DEFAULT 0,
  duplicates INTEGER DEFAULT 0, republished INTEGER DEFAULT 0, errors INTEGER DEFAULT 0, warnings INTEGER DEFAULT 0,
  importer_version TEXT, imported_at TEXT, status TEXT
);`,
    `CREATE TABLE IF NOT EXISTS import_errors (
  id INTEGER PRIMARY KEY, source_id INTEGER, file TEXT, record_index INTEGER, byte_offset INTEGER,
  severity TEXT NOT NULL, message TEXT NOT NULL
);`,
    // Portal CSV `*_AuthDetails_*` companions: joined to sign-ins on the request id.
    `CREATE TABLE IF NOT EXISTS csv_auth_steps (
  request_id TEXT NOT NULL, seq INTEGER, step_at TEXT, method TEXT, method_detail TEXT, requirement TEXT,
  succeeded INTEGER, result_detail TEXT, source_id INTEGER
);`,
    signinDataTable(),
    signinsView(),
    `CREATE VIEW IF NOT EXISTS authentication_details AS
  SELECT s.rid AS rid, s.id AS request_id, CAST(j.key AS INTEGER) AS seq,
    json_extract(j.value, '$.method') AS method, json_extract(j.value, '$.detail') AS method_detail,
    json_extract(j.value, '$.succeeded') AS succeeded, json_extract(j.value, '$.result') AS result_detail,
    json_extract(j.value, '$.requirement') AS requirement, NULL AS step_at, 'record' AS origin
  FROM signins s, json_each(s.authentication_details_json) j
  UNION ALL
  SELECT NULL, request_id, seq, method, method_detail, succeeded, result_detail, requirement, step_at, 'authDetailsCsv'
  FROM csv_auth_steps;`,
    `CREATE VIEW IF NOT EXISTS conditional_access_results AS
  SELECT s.rid AS rid, s.id AS request_id, json_extract(j.value, '$.id') AS policy_id,
    json_extract(j.value, '$.name') AS policy_name, json_extract(j.value, '$.result') AS result,
    json_extract(j.value, '$.grant') AS enforced_grant_controls, json_extract(j.value, '$.session') AS enforced_session_controls
  FROM signins s, json_each(s.conditional_access_policies_json) j;`,
    `${SESSION_TABLE_DDL};`,
    `${SESSION_VIEW_DDL};`,
  ].join('\n');
}

/**
 * Indexes are built after a bulk load: inserting into indexed tables is about 25% slower. Every index
 * entry ends with the rid already, so ix_time on (created_ms) orders by (created_ms, rid); naming rid
 * as well stored it twice (~4 bytes per sign-in).
 */
export const INDEX_DDL: readonly string[] = [
  'CREATE INDEX IF NOT EXISTS ix_time ON signin_data (created_ms)',
  'CREATE INDEX IF NOT EXISTS ix_upn_time ON signin_data (user_principal_name_k, created_ms)',
  'CREATE INDEX IF NOT EXISTS ix_ip_time ON signin_data (ip_address_k, created_ms)',
  'CREATE INDEX IF NOT EXISTS ix_app_time ON signin_data (app_display_name_k, created_ms)',
  'CREATE INDEX IF NOT EXISTS ix_code_time ON signin_data (status_code, created_ms)',
  // The admin center's first filter: Success / Failure / Interrupted (failures are a few % of rows).
  'CREATE INDEX IF NOT EXISTS ix_status_time ON signin_data (status_k, created_ms)',
  'CREATE INDEX IF NOT EXISTS ix_country ON signin_data (country_k)',
  'CREATE INDEX IF NOT EXISTS ix_corr ON signin_data (correlation_id, created_ms)',
  'CREATE INDEX IF NOT EXISTS ix_request ON signin_data (id)',
  'CREATE INDEX IF NOT EXISTS ix_strings_value ON strings (value)',
  'CREATE INDEX IF NOT EXISTS ix_csv_auth_request ON csv_auth_steps (request_id)',
  'CREATE INDEX IF NOT EXISTS ix_errors_source ON import_errors (source_id, record_index)',
];

// The sessions: `session_data` holds one compact row per correlation id (main/sessions/build-sessions.ts);
// the `sessions` view presents it under the documented columns (docs/schema.md), as `signins` does
// `signin_data`. The session number is the correlation id's rank (the build scans in correlation
// order), so sorting by correlation id is sorting by session_no; the correlation id itself is read
// from the session's first sign-in (first_rid) rather than stored again. User and final status are
// dictionary ids, last_ms is first_ms + duration_ms, and linked_group is NULL for a session alone
// (its group is itself), so the link-group index holds linked sessions only.
export const SESSION_TABLE_DDL = `CREATE TABLE IF NOT EXISTS session_data (
  session_no INTEGER PRIMARY KEY, first_rid INTEGER NOT NULL, first_ms INTEGER NOT NULL, duration_ms INTEGER NOT NULL,
  user_k INTEGER, users INTEGER NOT NULL, app_count INTEGER NOT NULL, ip_count INTEGER NOT NULL, country_count INTEGER NOT NULL,
  rows INTEGER NOT NULL, final_status_k INTEGER, final_code INTEGER, linked_group INTEGER, linked_sessions INTEGER NOT NULL,
  flag_bits INTEGER NOT NULL, flag_count INTEGER NOT NULL
)`;

/** The `sessions` view's columns (in order) as SQL over `session_data s`. */
export const SESSION_VIEW_COLUMNS = {
  session_no: 's.session_no',
  correlation_id: '(SELECT correlation_id FROM signin_data WHERE rid = s.first_rid)',
  first_ms: 's.first_ms',
  last_ms: '(s.first_ms + s.duration_ms)',
  duration_ms: 's.duration_ms',
  user: "coalesce((SELECT value FROM strings WHERE id = s.user_k), '')",
  users: 's.users',
  app_count: 's.app_count',
  ip_count: 's.ip_count',
  country_count: 's.country_count',
  rows: 's.rows',
  final_status: "coalesce((SELECT value FROM strings WHERE id = s.final_status_k), '')",
  final_code: 's.final_code',
  linked_group: 'coalesce(s.linked_group, s.session_no)',
  linked_sessions: 's.linked_sessions',
  flag_bits: 's.flag_bits',
  flag_count: 's.flag_count',
} as const;

export const SESSION_VIEW_DDL = `CREATE VIEW IF NOT EXISTS sessions AS SELECT ${Object.entries(SESSION_VIEW_COLUMNS)
  .map(([name, sql]) => `${sql} AS ${name}`)
  .join(', ')} FROM session_data s`;

// The session indexes (main/sessions/session-table.ts builds them after a sessions build; migrate.ts
// needs them too, so they live with the other index definitions). Every index entry ends with the
// rowid (session_no), so (first_ms) orders by (first_ms, session_no).
export const SESSION_INDEXES: readonly string[] = [
  'CREATE INDEX IF NOT EXISTS ix_session_first_ms ON session_data (first_ms)',
  // a correlation id's session: its first sign-in (ix_corr), then this
  'CREATE INDEX IF NOT EXISTS ix_session_first_rid ON session_data (first_rid)',
  'CREATE INDEX IF NOT EXISTS ix_session_group ON session_data (linked_group, first_ms) WHERE linked_group IS NOT NULL',
];
