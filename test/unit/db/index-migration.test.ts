// A case saved by an earlier SigninScope (a `sessions` table holding text, with one index per sort
// column or the later three; ix_time naming the rid) opens with this version's layout
// (`session_data` and its indexes), reports nothing foreign, and answers every session list and grid
// query exactly as a case built by this version does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCase, saveCase, schemaRepairsOf } from '../../../main/cases/case-store';
import { CaseDb } from '../../../main/db/case-db';
import { loadSqlJs } from '../../../main/db/sqljs';
import { enrichCase } from '../../../main/geo/enrich';
import { SnapshotStore } from '../../../main/query/snapshot';
import { buildSessions } from '../../../main/sessions/build-sessions';
import { getSession } from '../../../main/sessions/get-session';
import { hasSessions } from '../../../main/sessions/session-table';
import { listSessions, SessionMatchCache } from '../../../main/sessions/list-sessions';
import { SESSION_SORT_COLUMNS, SessionsListReq, type SessionSortColumn } from '../../../shared/model/session';
import { graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir();

/** The `sessions` table as earlier versions created it (a copy of their DDL, on purpose). */
const OLD_SESSION_TABLE = `CREATE TABLE sessions (
  session_no INTEGER PRIMARY KEY, correlation_id TEXT NOT NULL,
  first_ms INTEGER NOT NULL, last_ms INTEGER NOT NULL, duration_ms INTEGER NOT NULL,
  user TEXT NOT NULL, users INTEGER NOT NULL, app_count INTEGER NOT NULL, ip_count INTEGER NOT NULL,
  country_count INTEGER NOT NULL, rows INTEGER NOT NULL, final_status TEXT NOT NULL, final_code INTEGER,
  linked_group INTEGER NOT NULL, linked_sessions INTEGER NOT NULL, flag_bits INTEGER NOT NULL, flag_count INTEGER NOT NULL
)`;

/** The session indexes of the version before the last (one per sort column). */
const OLDER_SESSION_INDEXES = [
  'CREATE UNIQUE INDEX IF NOT EXISTS ix_sessions_corr ON sessions (correlation_id)',
  'CREATE INDEX IF NOT EXISTS ix_sessions_group ON sessions (linked_group, first_ms)',
  ...['first_ms', 'last_ms', 'duration_ms', 'user', 'rows', 'ip_count', 'country_count', 'app_count', 'final_status', 'flag_count', 'linked_sessions'].map(
    (c) => `CREATE INDEX IF NOT EXISTS ix_sessions_${c} ON sessions (${c}, session_no)`,
  ),
];

/** The last version's session indexes. */
const OLD_SESSION_INDEXES = [
  'CREATE UNIQUE INDEX IF NOT EXISTS ix_sessions_corr ON sessions (correlation_id)',
  'CREATE INDEX IF NOT EXISTS ix_sessions_group ON sessions (linked_group, first_ms)',
  'CREATE INDEX IF NOT EXISTS ix_sessions_first_ms ON sessions (first_ms, session_no)',
];

const USERS = ['alice', 'bob', 'carol', 'dave', 'erin'];
const IPS = ['203.0.113.10', '198.51.100.7', '192.0.2.44', '2001:db8::5'];
const CODES = [0, 0, 50126, 50074, 0, 53003];

/** Sign-ins spread over users, IPs and outcomes; sessions of 1 to 4 rows, some sharing a session id. */
function evidence(): string {
  const lines: string[] = [];
  for (let i = 0; i < 60; i++) {
    const user = USERS[i % USERS.length]!;
    lines.push(
      JSON.stringify(
        graphSignin({
          userPrincipalName: `${user}@contoso.example`,
          userDisplayName: user,
          correlationId: `corr-${Math.floor(i / ((i % 4) + 1))}`,
          sessionId: i % 7 === 0 ? 'shared-session' : `sid-${i}`,
          createdDateTime: new Date(Date.UTC(2025, 2, 4, 8, (i * 7) % 60, i % 60)).toISOString(),
          ipAddress: IPS[(i * 3) % IPS.length],
          status: { errorCode: CODES[i % CODES.length], failureReason: CODES[i % CODES.length] ? 'Invalid password' : 'Other.', additionalDetails: null },
        }),
      ),
    );
  }
  return tmp.write('evidence.jsonl', lines.join('\n'));
}

const FILTERS: Partial<SessionsListReq>[] = [
  {},
  { filter: { conditions: [{ column: 'user_principal_name', op: 'in', values: ['bob@contoso.example', 'erin@contoso.example'] }] } },
  { filter: { conditions: [], text: '198.51' } },
  { flags: ['ipChange'] },
];

/** Every session list (all sort columns, both directions, a few filters) and a few grid snapshots. */
function answers(caseDb: CaseDb): unknown[] {
  const out: unknown[] = [];
  for (const shape of FILTERS) {
    for (const column of Object.keys(SESSION_SORT_COLUMNS) as SessionSortColumn[]) {
      for (const dir of ['asc', 'desc'] as const) {
        const req = SessionsListReq.parse({ filter: { conditions: [] }, ...shape, sort: { column, dir }, limit: 500 });
        const { rows, total } = listSessions(caseDb, req, new SessionMatchCache());
        out.push([column, dir, total, rows.map((r) => [r.sessionNo, r.correlationId, r.rows, r.flags])]);
      }
    }
  }
  const store = new SnapshotStore();
  for (const filter of [{ conditions: [] }, { conditions: [], text: 'carol' }, { conditions: [{ column: 'status_code', op: 'eq' as const, values: [50126] }] }]) {
    const snap = store.create(caseDb, filter, { column: 'created_at', dir: 'desc' });
    out.push(store.page(caseDb, snap.snapshotId, 0, 100, ['user_principal_name', 'ip_address', 'status_code']).rows);
  }
  return out;
}

const indexNames = (caseDb: CaseDb) =>
  caseDb.rows("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name", [], { name: 'str', sql: 'str' }).map((r) => `${r.name}: ${r.sql}`);

let expected: unknown[];
let expectedSessions: unknown[][];
let currentIndexes: string[];
const oldFiles: Record<string, string> = {};

const allSessions = (caseDb: CaseDb) => caseDb.cellRows('SELECT * FROM sessions ORDER BY session_no', [], 17);

beforeAll(async () => {
  const { caseDb } = await importIntoNewCase([evidence()]);
  await enrichCase(caseDb);
  await buildSessions(caseDb);
  expected = answers(caseDb);
  expectedSessions = allSessions(caseDb);
  currentIndexes = indexNames(caseDb);
  // the earlier versions' layout: a sessions table holding what the view shows, and their time index
  caseDb.exec('DROP INDEX ix_time; CREATE INDEX ix_time ON signin_data (created_ms, rid)');
  caseDb.exec(`${OLD_SESSION_TABLE.replace('TABLE sessions', 'TABLE old_sessions')}; INSERT INTO old_sessions SELECT * FROM sessions`);
  caseDb.exec('DROP VIEW sessions; DROP TABLE session_data; ALTER TABLE old_sessions RENAME TO sessions');
  for (const [name, indexes] of Object.entries({ older: OLDER_SESSION_INDEXES, old: OLD_SESSION_INDEXES })) {
    for (const ddl of [...OLDER_SESSION_INDEXES, ...OLD_SESSION_INDEXES]) caseDb.exec(`DROP INDEX IF EXISTS ${/INDEX IF NOT EXISTS (\w+)/.exec(ddl)![1]}`);
    for (const ddl of indexes) caseDb.exec(ddl);
    oldFiles[name] = path.join(tmp.dir, `${name}-layout.signinscope`);
    await saveCase(caseDb, oldFiles[name]);
  }
  // stale sessions: a sign-in added since the build, earlier than the first of its correlation id
  const columns = caseDb.rows("SELECT name FROM pragma_table_info('signin_data') WHERE name <> 'rid'", [], { name: 'str' }).map((r) => r.name);
  const copied = columns.map((c) => (c === 'created_ms' ? 'created_ms - 60000' : c)).join(', ');
  caseDb.run(`INSERT INTO signin_data (${columns.join(', ')}) SELECT ${copied} FROM signin_data WHERE correlation_id = 'corr-3' ORDER BY rid LIMIT 1`);
  oldFiles.stale = path.join(tmp.dir, 'stale-layout.signinscope');
  await saveCase(caseDb, oldFiles.stale);
  caseDb.close();
}, 60_000);

describe.each([
  ['the version before the last (an index per sort column)', 'older', OLDER_SESSION_INDEXES],
  ['the last version (three session indexes)', 'old', OLD_SESSION_INDEXES],
])('a case saved with the sessions table of %s', (_label, name, indexes) => {
  it('really has the old layout (the test would prove nothing otherwise)', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database(readFileSync(oldFiles[name]!));
    const names = (db.exec("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sessions'")[0]?.values ?? []).map((r) => String(r[0]));
    const time = db.exec("SELECT sql FROM sqlite_master WHERE name = 'ix_time'")[0]?.values[0]?.[0];
    const table = db.exec("SELECT type FROM sqlite_master WHERE name = 'sessions'")[0]?.values[0]?.[0];
    const rows = db.exec('SELECT count(*) FROM sessions')[0]?.values[0]?.[0];
    const newTable = db.exec("SELECT count(*) FROM sqlite_master WHERE name = 'session_data'")[0]?.values[0]?.[0];
    db.close();
    expect(names.sort()).toEqual(indexes.map((ddl) => /INDEX IF NOT EXISTS (\w+)/.exec(ddl)![1]).sort());
    expect(time).toBe('CREATE INDEX ix_time ON signin_data (created_ms, rid)');
    expect(table).toBe('table');
    expect(rows).toBe(expectedSessions.length);
    expect(newTable).toBe(0);
  });

  it('opens through loadCase with the current layout, nothing reported, identical sessions and answers', async () => {
    const reopened = await loadCase(oldFiles[name]!);
    expect(schemaRepairsOf(reopened)).toEqual([]);
    expect(indexNames(reopened)).toEqual(currentIndexes);
    expect(reopened.hasTable('sessions')).toBe(false); // the view over session_data now
    expect(allSessions(reopened)).toEqual(expectedSessions);
    expect(answers(reopened)).toEqual(expected);
    reopened.close();
  });

  it('opens from bytes (no schema repair) with the current layout and identical answers', async () => {
    const reopened = await CaseDb.create(new Uint8Array(readFileSync(oldFiles[name]!)));
    expect(indexNames(reopened)).toEqual(currentIndexes);
    expect(allSessions(reopened)).toEqual(expectedSessions);
    expect(answers(reopened)).toEqual(expected);
    reopened.close();
  });
});

describe('a case saved with the old sessions table, built before its last sign-ins were added', () => {
  it('opens with the same sessions shown (found through each correlation id), still marked built', async () => {
    const reopened = await loadCase(oldFiles.stale!);
    expect(schemaRepairsOf(reopened)).toEqual([]);
    expect(reopened.value('SELECT count(*) FROM signin_data', [], 'num')).toBe(61);
    expect(allSessions(reopened)).toEqual(expectedSessions);
    expect(hasSessions(reopened)).toBe(true);
    const corr3 = expectedSessions.find((row) => row[1] === 'corr-3')!;
    expect(getSession(reopened, { correlationId: 'corr-3' }).session.sessionNo).toBe(corr3[0]);
    reopened.close();
  });
});
