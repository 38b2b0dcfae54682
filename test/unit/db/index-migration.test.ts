// A case saved by an earlier SigninScope (one sessions index per sort column, ix_time naming the rid)
// opens with this version's indexes, reports nothing foreign, and answers every session
// list and grid query exactly as a case built by this version does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCase, saveCase, schemaRepairsOf } from '../../../main/cases/case-store';
import { CaseDb } from '../../../main/db/case-db';
import { loadSqlJs } from '../../../main/db/sqljs';
import { enrichCase } from '../../../main/geo/enrich';
import { SnapshotStore } from '../../../main/query/snapshot';
import { buildSessions } from '../../../main/sessions/build-sessions';
import { listSessions, SessionMatchCache } from '../../../main/sessions/list-sessions';
import { SESSION_INDEXES } from '../../../main/db/schema';
import { SESSION_SORT_COLUMNS, SessionsListReq, type SessionSortColumn } from '../../../shared/model/session';
import { graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir();

/** The session indexes as the previous version created them (a copy of its DDL, on purpose). */
const OLD_SESSION_INDEXES = [
  'CREATE UNIQUE INDEX IF NOT EXISTS ix_sessions_corr ON sessions (correlation_id)',
  'CREATE INDEX IF NOT EXISTS ix_sessions_group ON sessions (linked_group, first_ms)',
  ...['first_ms', 'last_ms', 'duration_ms', 'user', 'rows', 'ip_count', 'country_count', 'app_count', 'final_status', 'flag_count', 'linked_sessions'].map(
    (c) => `CREATE INDEX IF NOT EXISTS ix_sessions_${c} ON sessions (${c}, session_no)`,
  ),
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
let currentIndexes: string[];
let oldFile: string;

beforeAll(async () => {
  const { caseDb } = await importIntoNewCase([evidence()]);
  await enrichCase(caseDb);
  await buildSessions(caseDb);
  expected = answers(caseDb);
  currentIndexes = indexNames(caseDb);
  // the previous version's layout: its session indexes and its time index
  caseDb.exec('DROP INDEX ix_time; CREATE INDEX ix_time ON signin_data (created_ms, rid)');
  for (const ddl of SESSION_INDEXES) caseDb.exec(`DROP INDEX ${/INDEX IF NOT EXISTS (\w+)/.exec(ddl)![1]}`);
  for (const ddl of OLD_SESSION_INDEXES) caseDb.exec(ddl);
  oldFile = path.join(tmp.dir, 'old-layout.signinscope');
  await saveCase(caseDb, oldFile);
  caseDb.close();
}, 60_000);

describe('a case saved with the previous index layout', () => {
  it('really has the old layout (the test would prove nothing otherwise)', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database(readFileSync(oldFile));
    const names = (db.exec("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sessions'")[0]?.values ?? []).map((r) => String(r[0]));
    const time = db.exec("SELECT sql FROM sqlite_master WHERE name = 'ix_time'")[0]?.values[0]?.[0];
    db.close();
    expect(names).toContain('ix_sessions_rows');
    expect(names.length).toBe(OLD_SESSION_INDEXES.length);
    expect(time).toBe('CREATE INDEX ix_time ON signin_data (created_ms, rid)');
  });

  it('opens through loadCase with the current indexes, nothing reported, identical answers', async () => {
    const reopened = await loadCase(oldFile);
    expect(schemaRepairsOf(reopened)).toEqual([]);
    expect(indexNames(reopened)).toEqual(currentIndexes);
    expect(answers(reopened)).toEqual(expected);
    reopened.close();
  });

  it('opens from bytes (no schema repair) with the current indexes and identical answers', async () => {
    const reopened = await CaseDb.create(new Uint8Array(readFileSync(oldFile)));
    expect(indexNames(reopened)).toEqual(currentIndexes);
    expect(answers(reopened)).toEqual(expected);
    reopened.close();
  });
});
