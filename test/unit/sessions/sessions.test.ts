// Sessions built from small hand-written Graph exports: grouping by correlation id, the auth-step
// sequence, flags, token links, listing with filters/sort/paging and one session's rows.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDb } from '../../../main/db/case-db';
import { enrichCase } from '../../../main/geo/enrich';
import { buildSessions } from '../../../main/sessions/build-sessions';
import { getSession } from '../../../main/sessions/get-session';
import { listSessions, SessionMatchCache } from '../../../main/sessions/list-sessions';
import { SessionsListReq, type SessionSummary } from '../../../shared/model/session';
import { graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';
import { scalar } from '../../helpers/sql';

const tmp = tempDir();
const T0 = Date.parse('2025-03-04T08:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString().replace('.000Z', 'Z');
const PARIS = { city: 'Paris', state: 'Ile-de-France', countryOrRegion: 'FR', geoCoordinates: { latitude: 48.85, longitude: 2.35 } };
const AMSTERDAM = { city: 'Amsterdam', state: 'North Holland', countryOrRegion: 'NL', geoCoordinates: { latitude: 52.37, longitude: 4.9 } };
const NOWHERE = { city: '', state: '', countryOrRegion: '', geoCoordinates: {} };
const password = {
  authenticationMethod: 'Password',
  authenticationMethodDetail: 'Password in the cloud',
  succeeded: true,
  authenticationStepResultDetail: 'Correct password',
  authenticationStepRequirement: 'Primary authentication',
};
const push = (ok: boolean) => ({
  authenticationMethod: 'Mobile app notification',
  succeeded: ok,
  authenticationStepResultDetail: ok ? 'MFA successfully completed' : 'MFA required in Azure AD',
  authenticationStepRequirement: 'Multi-factor authentication',
});
const byClaim = {
  authenticationMethod: 'Previously satisfied',
  succeeded: true,
  authenticationStepResultDetail: 'MFA requirement satisfied by claim in the token',
  authenticationStepRequirement: 'Multi-factor authentication',
};
const alice = { userPrincipalName: 'alice@contoso.example', userDisplayName: 'Alice' };
const bob = { userPrincipalName: 'bob@contoso.example', userDisplayName: 'Bob' };
const carol = { userPrincipalName: 'carol@contoso.example', userDisplayName: 'Carol' };
const laptop = { deviceId: 'dev-1', displayName: 'ALICE-LT', operatingSystem: 'Windows 10', browser: 'Edge 120.0', isCompliant: true, isManaged: true, trustType: 'Azure AD joined' };

const records = [
  // A: an MFA sign-in (interrupted, then completed), ending from another IP, country and ASN
  graphSignin({
    ...alice,
    correlationId: 'corr-a',
    createdDateTime: at(0),
    ipAddress: '20.1.1.1',
    autonomousSystemNumber: 3215,
    location: PARIS,
    sessionId: 'sid-1',
    deviceDetail: laptop,
    status: { errorCode: 50074, failureReason: 'Strong Authentication is required.' },
    authenticationDetails: [password, push(false)],
  }),
  graphSignin({
    ...alice,
    correlationId: 'corr-a',
    createdDateTime: at(1),
    ipAddress: '20.1.1.1',
    autonomousSystemNumber: 3215,
    location: PARIS,
    sessionId: 'sid-1',
    deviceDetail: laptop,
    authenticationDetails: [password, push(true)],
  }),
  graphSignin({
    ...alice,
    correlationId: 'corr-a',
    createdDateTime: at(2),
    ipAddress: '45.2.2.2',
    autonomousSystemNumber: 1136,
    location: AMSTERDAM,
    sessionId: 'sid-1',
    deviceDetail: laptop,
    authenticationDetails: [password, push(true)],
  }),
  // B: the same SSO session two hours later, MFA from the token's claim
  graphSignin({
    ...alice,
    correlationId: 'corr-b',
    createdDateTime: at(120),
    ipAddress: '45.2.2.2',
    autonomousSystemNumber: 1136,
    location: AMSTERDAM,
    sessionId: 'sid-1',
    deviceDetail: laptop,
    authenticationDetails: [byClaim],
  }),
  // C: device code flow; D: ROPC failure from a private address
  graphSignin({ ...bob, correlationId: 'corr-c', createdDateTime: at(30), ipAddress: '8.8.8.8', location: NOWHERE, authenticationProtocol: 'deviceCode' }),
  graphSignin({
    ...bob,
    correlationId: 'corr-d',
    createdDateTime: at(40),
    ipAddress: '10.0.0.5',
    location: NOWHERE,
    authenticationProtocol: 'ropc',
    status: { errorCode: 50126, failureReason: 'Invalid username or password.' },
  }),
  // E: two clients in one flow; F: same token identifier as E (token reuse)
  graphSignin({ ...carol, correlationId: 'corr-e', createdDateTime: at(50), uniqueTokenIdentifier: 'uti-9', location: PARIS, ipAddress: '20.1.1.1' }),
  graphSignin({
    ...carol,
    correlationId: 'corr-e',
    createdDateTime: at(51),
    uniqueTokenIdentifier: 'uti-9',
    location: PARIS,
    ipAddress: '20.1.1.1',
    deviceDetail: { operatingSystem: 'iOS 17', browser: 'Mobile Safari 17.1' },
  }),
  graphSignin({ ...carol, correlationId: 'corr-f', createdDateTime: at(55), uniqueTokenIdentifier: 'uti-9', location: PARIS, ipAddress: '20.1.1.1', authenticationProtocol: 'authenticationTransfer' }),
];

let caseDb: CaseDb;
let sessions: Map<string, SessionSummary>;
const list = (req: Partial<SessionsListReq> = {}, cache = new SessionMatchCache()) => listSessions(caseDb, SessionsListReq.parse({ filter: {}, ...req }), cache);

beforeAll(async () => {
  ({ caseDb } = await importIntoNewCase([tmp.write('signins.json', JSON.stringify({ value: records }))]));
  await enrichCase(caseDb, undefined, { countryDb: null });
  const summary = await buildSessions(caseDb);
  expect(summary).toMatchObject({ sessions: 6, signins: 9, linkedGroups: 2 });
  sessions = new Map(list({ limit: 100 }).rows.map((s) => [s.correlationId, s]));
});

describe('session grouping', () => {
  it('folds the rows of one correlation id into a summary', () => {
    const a = sessions.get('corr-a')!;
    expect(a).toMatchObject({ user: 'alice@contoso.example', users: 1, rows: 3, firstMs: T0, lastMs: T0 + 120_000, durationMs: 120_000, finalStatus: 'Success', finalCode: 0 });
    expect(a.ips).toEqual(['20.1.1.1', '45.2.2.2']);
    expect(a.countries).toEqual(['FR', 'NL']);
    expect(a.devices).toEqual(['ALICE-LT']);
    expect(a.apps).toEqual(['Office 365 Exchange Online']);
  });

  it('keeps the sequence of distinct authentication steps', () => {
    expect(sessions.get('corr-a')!.authSteps).toEqual([
      { method: 'Password', succeeded: true, detail: 'Correct password' },
      { method: 'Mobile app notification', succeeded: false, detail: 'MFA required in Azure AD' },
      { method: 'Mobile app notification', succeeded: true, detail: 'MFA successfully completed' },
    ]);
  });

  it('takes the outcome from the last row', () => {
    expect(sessions.get('corr-d')).toMatchObject({ finalStatus: 'Failure', finalCode: 50126 });
  });
});

describe('session flags', () => {
  it.each([
    ['corr-a', ['ipChange', 'countryChange', 'asnChange', 'linkedGeoChange']],
    ['corr-b', ['mfaByClaim', 'linkedGeoChange']],
    ['corr-c', ['deviceCode']],
    ['corr-d', ['ropc']],
    ['corr-e', ['deviceChange']],
    ['corr-f', ['authTransfer']],
  ])('%s is flagged %j', (corr, flags) => {
    expect([...sessions.get(corr)!.flags].sort()).toEqual([...flags].sort());
  });
});

describe('token links', () => {
  it('groups sessions sharing a session id or a token identifier', () => {
    const [a, b, e, f, c] = ['corr-a', 'corr-b', 'corr-e', 'corr-f', 'corr-c'].map((k) => sessions.get(k)!);
    expect(b!.linkedGroup).toBe(a!.linkedGroup);
    expect(f!.linkedGroup).toBe(e!.linkedGroup);
    expect(e!.linkedGroup).not.toBe(a!.linkedGroup);
    expect([a!.linkedSessions, e!.linkedSessions, c!.linkedSessions]).toEqual([2, 2, 1]);
    expect(
      list({ linkedGroup: a!.linkedGroup })
        .rows.map((s) => s.correlationId)
        .sort(),
    ).toEqual(['corr-a', 'corr-b']);
  });
});

describe('sessions.list', () => {
  it('applies a pivot filter (these users or these IPs) like any row condition', () => {
    const all = list({ limit: 100 }).rows;
    const alice = all.filter((x) => x.user === 'alice@contoso.example');
    expect(alice.length).toBeGreaterThan(0);
    expect(alice.length).toBeLessThan(all.length);
    const pivot = list({
      filter: {
        conditions: [],
        anyOf: [
          { column: 'user_principal_name', op: 'in', values: ['alice@contoso.example'] },
          { column: 'ip_address', op: 'in', values: ['192.0.2.254'] },
        ],
      },
      limit: 100,
    });
    expect(pivot.rows.map((x) => x.correlationId).sort()).toEqual(alice.map((x) => x.correlationId).sort());
  });

  it('filters by the sign-ins of a session', () => {
    const byUser = list({ filter: { conditions: [{ column: 'user_principal_name', op: 'eq', values: ['bob@contoso.example'] }] } });
    expect(byUser.rows.map((s) => s.correlationId).sort()).toEqual(['corr-c', 'corr-d']);
    expect(byUser.total).toBe(2);
    // a session matches when any of its rows does: corr-a has one Amsterdam row
    const byCountry = list({ filter: { conditions: [{ column: 'country', op: 'eq', values: ['NL'] }] } });
    expect(byCountry.rows.map((s) => s.correlationId).sort()).toEqual(['corr-a', 'corr-b']);
    const byTime = list({ filter: { timeFrom: T0 + 45 * 60_000, timeTo: T0 + 60 * 60_000, conditions: [] } });
    expect(byTime.rows.map((s) => s.correlationId).sort()).toEqual(['corr-e', 'corr-f']);
  });

  it('filters by flags', () => {
    expect(list({ flags: ['mfaByClaim'] }).rows.map((s) => s.correlationId)).toEqual(['corr-b']);
    expect(list({ flags: ['ipChange', 'asnChange'] }).rows.map((s) => s.correlationId)).toEqual(['corr-a']);
  });

  it('sorts on a summary column and pages by cursor and by position alike', () => {
    const all = list({ sort: { column: 'rows', dir: 'desc' }, limit: 100 }).rows;
    expect(all.map((s) => s.rows)).toEqual([...all.map((s) => s.rows)].sort((x, y) => y - x));
    const cache = new SessionMatchCache();
    const seen: string[] = [];
    let page = list({ sort: { column: 'rows', dir: 'desc' }, limit: 4 }, cache);
    seen.push(...page.rows.map((s) => s.correlationId));
    expect(page.next).not.toBeNull();
    page = list({ sort: { column: 'rows', dir: 'desc' }, limit: 4, after: page.next! }, cache);
    seen.push(...page.rows.map((s) => s.correlationId));
    expect(seen).toEqual(all.map((s) => s.correlationId));
    expect(page.next).toBeNull();
    const second = list({ sort: { column: 'rows', dir: 'desc' }, limit: 4, offset: 4 }, cache);
    expect(second.rows.map((s) => s.correlationId)).toEqual(seen.slice(4));
    expect(second.total).toBe(6);
  });

  it('says when the table is stale', () => {
    expect(list().stale).toBe(false);
    expect(list().built).toBe(true);
  });
});

describe('sessions.get', () => {
  it('returns the rows in time order and the linked sessions', () => {
    const a = sessions.get('corr-a')!;
    const got = getSession(caseDb, { correlationId: 'corr-a' });
    const times = got.rids.map((rid) => Number(scalar(caseDb, 'SELECT created_ms FROM signin_data WHERE rid = ?', [rid])));
    expect(times).toEqual([T0, T0 + 60_000, T0 + 120_000]);
    expect(got.linked.map((s) => s.correlationId)).toEqual(['corr-b']);
    expect(getSession(caseDb, { sessionNo: a.sessionNo }).session).toEqual(a);
  });

  it('is idempotent when rebuilt', async () => {
    await buildSessions(caseDb);
    expect(getSession(caseDb, { correlationId: 'corr-a' }).session).toEqual(sessions.get('corr-a'));
    expect(Number(scalar(caseDb, 'SELECT count(*) FROM sessions'))).toBe(6);
  });
});

describe('sessions.list paging strategies', () => {
  // Index walks (many sessions kept) and sorted snapshots (few kept) must page identically.
  const shapes: Partial<SessionsListReq>[] = [
    {},
    { filter: { conditions: [{ column: 'user_principal_name', op: 'in', values: ['alice@contoso.example', 'carol@contoso.example'] }] } },
    { filter: { timeFrom: T0 + 30 * 60_000, conditions: [] } },
    { flags: ['linkedGeoChange'] },
  ];
  const sorts = [
    { column: 'firstMs', dir: 'desc' },
    { column: 'user', dir: 'asc' },
    { column: 'flagCount', dir: 'desc' },
    { column: 'lastMs', dir: 'asc' },
  ] as const;

  it.each(shapes.flatMap((shape) => sorts.map((sort) => [JSON.stringify({ ...shape, sort }), { ...shape, sort }] as const)))('%s', (_name, req) => {
    const walk = (cache: SessionMatchCache) => {
      const seen: number[] = [];
      let page = list({ ...req, limit: 2 }, cache);
      seen.push(...page.rows.map((s) => s.sessionNo));
      while (page.next) {
        page = list({ ...req, limit: 2, after: page.next }, cache);
        seen.push(...page.rows.map((s) => s.sessionNo));
      }
      return { seen, total: page.total };
    };
    const byIndex = walk(new SessionMatchCache(0));
    const bySnapshot = walk(new SessionMatchCache(1_000_000));
    expect(byIndex).toEqual(bySnapshot);
    expect(byIndex.seen.length).toBe(byIndex.total);
    expect(new Set(byIndex.seen).size).toBe(byIndex.total);
  });
});

// Last: it changes the case.
describe('sessions.list caches', () => {
  it('forget counts and matches when the sessions are rebuilt', async () => {
    const cache = new SessionMatchCache();
    const bob = { filter: { conditions: [{ column: 'user_principal_name', op: 'eq' as const, values: ['bob@contoso.example'] }] }, flags: ['ropc' as const] };
    expect(list(bob, cache).total).toBe(1);
    // the ROPC sign-in becomes another protocol; the same request after a rebuild must see it
    caseDb.run("UPDATE signin_data SET authentication_protocol_k = (SELECT authentication_protocol_k FROM signin_data WHERE correlation_id = 'corr-c') WHERE correlation_id = 'corr-d'");
    await buildSessions(caseDb);
    expect(list(bob, cache).total).toBe(0);
    expect(list({ ...bob, flags: ['deviceCode'] }, cache).total).toBe(2);
  });
});
