// Builds the `sessions` table: one ordered scan of the sign-ins by correlation id (the ix_corr
// index), each run of rows folded into counts and flags (session-counter.ts), sessions sharing a
// session id or token linked into groups, then one bulk insert. Idempotent; runs as a job after
// imports (after enrichCase, so IP-only rows get their country and ASN from `ip_geo`).
import { SESSION_FLAGS, type SessionFlag } from '../../shared/model/session';
import type { CaseDb } from '../db/case-db';
import { CELL, NUM, NUM_NULL, STR, STR_NULL, type SqlParams } from '../db/row-spec';
import { stringLookup, stringValues } from '../db/string-text';
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

const SCAN_COLUMNS = `rid, correlation_id, created_ms, user_principal_name_k, app_display_name_k, ip_address_k, country_k, asn,
  device_id_k, operating_system_k, browser_k, status_k, status_code, authentication_protocol_k, auth_steps_k, mfa_result_k,
  failure_reason_k, id, session_id, unique_token_identifier`;
const SCAN_ROWS = 'FROM signin_data WHERE correlation_id IS NOT NULL AND created_ms IS NOT NULL';
const SCAN_ORDER = 'ORDER BY correlation_id, created_ms, rid LIMIT ?';
// The scan reads a page at a time (the ix_corr index seeks to where the last page ended), yielding between pages.
const FIRST_PAGE = `SELECT ${SCAN_COLUMNS} ${SCAN_ROWS} ${SCAN_ORDER}`;
const NEXT_PAGE = `SELECT ${SCAN_COLUMNS} ${SCAN_ROWS} AND (correlation_id, created_ms, rid) > (?, ?, ?) ${SCAN_ORDER}`;
const K = NUM_NULL; // a dictionary id
const SCAN_KINDS = [NUM, STR, NUM, K, K, K, K, NUM_NULL, K, K, K, K, NUM_NULL, K, K, K, K, STR_NULL, CELL, CELL] as const;

type Cell = number | string | null;
const YIELD_EVERY = 20_000;
const INSERT_BATCH = 50;

export async function buildSessions(caseDb: CaseDb, signal?: AbortSignal, opts: BuildSessionsOptions = {}): Promise<BuildSessionsSummary> {
  const started = Date.now();
  ensureIpGeoTable(caseDb);
  const total = caseDb.value('SELECT count(*) FROM signin_data WHERE correlation_id IS NOT NULL', [], NUM) ?? 0;
  const text = stringLookup(caseDb, (t) => (t === '' ? null : t));
  const ipGeo = new Map<number, [string | null, number | null]>();
  caseDb.forEachTuple('SELECT ip_k, country, asn FROM ip_geo', [], [NUM, STR_NULL, NUM_NULL], ([k, country, asn]) => void ipGeo.set(k, [country, asn]));
  const rules = new RowFlagRules(caseDb);
  const clientOf = clientKeys(text);
  const sessions: SessionCounts[] = [];
  const linkKeys: string[][] = [];
  let counter = null as SessionCounter | null;
  let keys: string[] = [];
  let done = 0;
  const flush = () => {
    if (!counter) return;
    sessions.push(counter.finish());
    linkKeys.push(keys);
  };
  // where the last page ended: its last row's correlation id, time and rid
  let [lastCorr, lastMs, lastRid] = ['', 0, 0];
  for (let read = YIELD_EVERY; read === YIELD_EVERY;) {
    read = 0;
    const page: SqlParams = done === 0 ? [YIELD_EVERY] : [lastCorr, lastMs, lastRid, YIELD_EVERY];
    caseDb.forEachTuple(done === 0 ? FIRST_PAGE : NEXT_PAGE, page, SCAN_KINDS, (row) => {
      const [rid, corr, ms, userK, appK, ipK, countryK, asn, deviceK, osK, browserK, statusK, code, protocolK, stepsK, mfaK, failureK, requestId, sessionId, uti] = row;
      if (counter?.correlationId !== corr) {
        flush();
        counter = new SessionCounter(corr);
        keys = [];
      }
      const fromIp = ipK === null ? undefined : ipGeo.get(ipK);
      counter.add({
        rid,
        ms,
        userK,
        appK,
        ipK,
        country: text(countryK) ?? fromIp?.[0] ?? null,
        asn: asn ?? fromIp?.[1] ?? null,
        deviceK,
        client: clientOf(osK, browserK),
        statusK,
        code,
        rowFlags: rules.flagsOf(protocolK, [stepsK, mfaK, failureK], requestId),
      });
      addKey(keys, 'sid', sessionId);
      addKey(keys, 'uti', uti);
      lastCorr = corr;
      lastMs = ms;
      lastRid = rid;
      read++;
    });
    done += read;
    if (read < YIELD_EVERY) break;
    opts.onProgress?.(done, total);
    await new Promise((resolve) => setImmediate(resolve)); // let a cancel request in
    signal?.throwIfAborted();
  }
  flush();
  const links = linkSessions(
    linkKeys,
    sessions.map((s) => s.countries),
  );
  signal?.throwIfAborted();
  // until here a cancelled rebuild leaves the previous table in service
  caseDb.run('DELETE FROM case_meta WHERE key = ?', [SESSIONS_META_KEY]);
  resetSessionTables(caseDb);
  insertSessions(caseDb, sessions, links);
  createSessionIndexes(caseDb);
  caseDb.exec('ANALYZE sessions');
  caseDb.setMeta(SESSIONS_META_KEY, JSON.stringify({ at: new Date().toISOString(), version: caseVersion(caseDb), sessions: sessions.length }));
  return { sessions: sessions.length, signins: done, linkedGroups: links.groups, ms: Date.now() - started };
}

function addKey(keys: string[], kind: string, value: Cell | undefined): void {
  if (value === null || value === undefined || value === '') return;
  const key = `${kind}:${value}`;
  if (!keys.includes(key)) keys.push(key);
}

function insertSessions(caseDb: CaseDb, sessions: SessionCounts[], links: ReturnType<typeof linkSessions>): void {
  // users and final statuses are many distinct ids: read in batches, not one query per id
  const ids: number[] = [];
  for (const s of sessions) for (const k of [s.userK, s.finalStatusK]) if (k !== null) ids.push(k);
  const names = stringValues(caseDb, ids);
  const text = (id: number | null) => (id === null ? '' : (names.get(id) ?? ''));
  const row = `(${SESSION_COLUMNS.map(() => '?').join(',')})`;
  const batch = caseDb.prepareWrite(`INSERT INTO sessions (${SESSION_COLUMNS.join(',')}) VALUES ${Array(INSERT_BATCH).fill(row).join(',')}`);
  const single = caseDb.prepareWrite(`INSERT INTO sessions (${SESSION_COLUMNS.join(',')}) VALUES ${row}`);
  try {
    caseDb.transaction(() => {
      let values: Cell[] = [];
      sessions.forEach((s, i) => {
        const flags = links.geoChange[i] ? new Set([...s.flags, 'linkedGeoChange' as const]) : s.flags;
        const bits = flagBits(flags);
        values.push(i + 1, s.correlationId, s.firstMs, s.lastMs, s.lastMs - s.firstMs, text(s.userK), s.users, s.apps, s.ips, s.countries.length, s.rows);
        values.push(text(s.finalStatusK), s.finalCode, links.group[i]! + 1, links.size[i]!, bits, flags.size);
        if (values.length === INSERT_BATCH * SESSION_COLUMNS.length) {
          batch.run(values);
          values = [];
        }
      });
      for (let at = 0; at < values.length; at += SESSION_COLUMNS.length) single.run(values.slice(at, at + SESSION_COLUMNS.length));
    });
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
function clientKeys(text: (id: number | null) => string | null): (osK: number | null, browserK: number | null) => string | null {
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
