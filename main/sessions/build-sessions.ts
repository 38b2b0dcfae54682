// Builds the `sessions` table: one ordered scan of the sign-ins by correlation id (the ix_corr
// index), each run of rows folded into counts and flags (session-counter.ts), sessions sharing a
// session id or token linked into groups, then one bulk insert. Idempotent; runs as a job after
// imports (after enrichCase, so IP-only rows get their country and ASN from `ip_geo`).
import { SESSION_FLAGS, type SessionFlag } from '../../shared/model/session';
import type { CaseDb } from '../db/case-db';
import { ensureIpGeoTable } from '../geo/ip-geo-table';
import { caseVersion } from '../query/case-cache';
import { RowFlagRules } from './row-flags';
import { SessionCounter, type SessionCounts } from './session-counter';
import { createSessionIndexes, resetSessionTables, SESSION_COLUMNS, SESSIONS_META_KEY } from './session-table';
import { linkSessions } from './token-links';
import type { SessionsJobSummary } from '../../shared/api/jobs';

/** The job's summary, as the contract states it. */
export type BuildSessionsSummary = SessionsJobSummary;

export interface BuildSessionsOptions {
  onProgress?: (done: number, total: number) => void;
}

const SCAN = `SELECT rid, correlation_id, created_ms, user_principal_name_k, app_display_name_k, ip_address_k, country_k, asn,
  device_id_k, operating_system_k, browser_k, status_k, status_code, authentication_protocol_k, auth_steps_k, mfa_result_k,
  failure_reason_k, id, session_id, unique_token_identifier
FROM signin_data WHERE correlation_id IS NOT NULL AND created_ms IS NOT NULL ORDER BY correlation_id, created_ms, rid`;

type Cell = number | string | null;
const YIELD_EVERY = 20_000;
const INSERT_BATCH = 50;

export async function buildSessions(caseDb: CaseDb, signal?: AbortSignal, opts: BuildSessionsOptions = {}): Promise<BuildSessionsSummary> {
  const started = Date.now();
  ensureIpGeoTable(caseDb);
  const total = Number(caseDb.scalar('SELECT count(*) FROM signin_data WHERE correlation_id IS NOT NULL'));
  const text = stringLookup(caseDb);
  const ipGeo = new Map<number, [string | null, number | null]>();
  for (const [k, country, asn] of caseDb.all('SELECT ip_k, country, asn FROM ip_geo') as [number, string | null, number | null][]) ipGeo.set(k, [country, asn]);
  const rules = new RowFlagRules(caseDb);
  const clientOf = clientKeys(text);
  const sessions: SessionCounts[] = [];
  const linkKeys: string[][] = [];
  const scan = caseDb.db.prepare(SCAN);
  let counter = null as SessionCounter | null;
  let keys: string[] = [];
  let done = 0;
  const flush = () => {
    if (!counter) return;
    sessions.push(counter.finish());
    linkKeys.push(keys);
  };
  try {
    while (scan.step()) {
      const r = scan.get() as Cell[];
      const corr = String(r[1]);
      if (counter?.correlationId !== corr) {
        flush();
        counter = new SessionCounter(corr);
        keys = [];
      }
      const ipK = r[5] as number | null;
      const fromIp = ipK === null ? undefined : ipGeo.get(ipK);
      counter.add({
        rid: Number(r[0]),
        ms: Number(r[2]),
        userK: r[3] as number | null,
        appK: r[4] as number | null,
        ipK,
        country: text(r[6]) ?? fromIp?.[0] ?? null,
        asn: (r[7] as number | null) ?? fromIp?.[1] ?? null,
        deviceK: r[8] as number | null,
        client: clientOf(r[9] as number | null, r[10] as number | null),
        statusK: r[11] as number | null,
        code: r[12] as number | null,
        rowFlags: rules.flagsOf(r[13] as number | null, [r[14] as number | null, r[15] as number | null, r[16] as number | null], r[17] as string | null),
      });
      addKey(keys, 'sid', r[18]);
      addKey(keys, 'uti', r[19]);
      if (++done % YIELD_EVERY === 0) {
        opts.onProgress?.(done, total);
        await new Promise((resolve) => setImmediate(resolve)); // let a cancel request in
        signal?.throwIfAborted();
      }
    }
    flush();
  } finally {
    scan.free();
  }
  const links = linkSessions(
    linkKeys,
    sessions.map((s) => s.countries),
  );
  signal?.throwIfAborted();
  // until here a cancelled rebuild leaves the previous table in service
  caseDb.db.run('DELETE FROM case_meta WHERE key = ?', [SESSIONS_META_KEY]);
  resetSessionTables(caseDb);
  insertSessions(caseDb, sessions, links, text);
  createSessionIndexes(caseDb);
  caseDb.db.exec('ANALYZE sessions');
  caseDb.setMeta(SESSIONS_META_KEY, JSON.stringify({ at: new Date().toISOString(), version: caseVersion(caseDb), sessions: sessions.length }));
  return { sessions: sessions.length, signins: done, linkedGroups: links.groups, ms: Date.now() - started };
}

function addKey(keys: string[], kind: string, value: Cell | undefined): void {
  if (value === null || value === undefined || value === '') return;
  const key = `${kind}:${value}`;
  if (!keys.includes(key)) keys.push(key);
}

function insertSessions(caseDb: CaseDb, sessions: SessionCounts[], links: ReturnType<typeof linkSessions>, text: (id: Cell) => string | null): void {
  const row = `(${SESSION_COLUMNS.map(() => '?').join(',')})`;
  const batch = caseDb.db.prepare(`INSERT INTO sessions (${SESSION_COLUMNS.join(',')}) VALUES ${Array(INSERT_BATCH).fill(row).join(',')}`);
  const single = caseDb.db.prepare(`INSERT INTO sessions (${SESSION_COLUMNS.join(',')}) VALUES ${row}`);
  caseDb.db.exec('BEGIN');
  try {
    let values: Cell[] = [];
    sessions.forEach((s, i) => {
      const flags = links.geoChange[i] ? new Set([...s.flags, 'linkedGeoChange' as const]) : s.flags;
      const bits = flagBits(flags);
      values.push(i + 1, s.correlationId, s.firstMs, s.lastMs, s.lastMs - s.firstMs, text(s.userK) ?? '', s.users, s.apps, s.ips, s.countries.length, s.rows);
      values.push(text(s.finalStatusK) ?? '', s.finalCode, links.group[i]! + 1, links.size[i]!, bits, flags.size);
      if (values.length === INSERT_BATCH * SESSION_COLUMNS.length) {
        batch.run(values);
        values = [];
      }
    });
    for (let at = 0; at < values.length; at += SESSION_COLUMNS.length) single.run(values.slice(at, at + SESSION_COLUMNS.length));
    caseDb.db.exec('COMMIT');
  } catch (e) {
    caseDb.db.exec('ROLLBACK');
    throw e;
  } finally {
    batch.free();
    single.free();
  }
}

export function flagBits(flags: Iterable<SessionFlag>): number {
  let bits = 0;
  for (const f of flags) bits |= 1 << SESSION_FLAGS.indexOf(f);
  return bits;
}

export function flagsOfBits(bits: number): SessionFlag[] {
  return SESSION_FLAGS.filter((_, i) => bits & (1 << i));
}

/** "Windows 10|Chrome": OS and browser family (versions dropped), memoized per id pair. */
function clientKeys(text: (id: Cell) => string | null): (osK: number | null, browserK: number | null) => string | null {
  const memo = new Map<string, string | null>();
  return (osK, browserK) => {
    if (osK === null && browserK === null) return null;
    const key = `${osK}|${browserK}`;
    let client = memo.get(key);
    if (client === undefined) {
      const family =
        text(browserK)
          ?.replace(/[\s/]*[\d.]+$/, '')
          .trim() ?? '';
      client = `${text(osK) ?? ''}|${family}`;
      memo.set(key, client);
    }
    return client;
  };
}

/** Memoized `strings` lookups: each distinct id is read once per build. */
function stringLookup(caseDb: CaseDb): (id: Cell | undefined) => string | null {
  const memo = new Map<number, string>();
  const stmt = caseDb.db.prepare('SELECT value FROM strings WHERE id = ?');
  return (id) => {
    if (id === null || id === undefined) return null;
    const key = Number(id);
    let value = memo.get(key);
    if (value === undefined) {
      stmt.bind([key]);
      value = stmt.step() ? String(stmt.get()[0]) : '';
      stmt.reset();
      memo.set(key, value);
    }
    return value === '' ? null : value;
  };
}
