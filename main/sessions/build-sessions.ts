// Builds `session_data` (shown as the `sessions` view): sessions numbered in correlation-id order
// from the ix_corr index alone, then one scan of the sign-ins in table order, each session's rows
// folded into counts and flags (session-counter.ts) and sessions sharing a session id or token
// linked into groups, then one bulk insert of numbers only (ids, times, counts) and the indexes. Idempotent; runs as a job after
// imports (after enrichCase, so IP-only rows get their country and ASN from `ip_geo`).
import { SESSION_FLAGS, type SessionFlag } from '../../shared/model/session';
import type { CaseDb } from '../db/case-db';
import { CELL, NUM, NUM_NULL, STR_NULL } from '../db/row-spec';
import { stringLookup } from '../db/string-text';
import { ensureIpGeoTable } from '../geo/ip-geo-table';
import { caseVersion } from '../query/case-cache';
import { RowFlagRules } from './row-flags';
import { SessionCounter, SessionResults } from './session-counter';
import { createSessionIndexes, resetSessionTables, SESSION_COLUMNS, SESSIONS_META_KEY } from './session-table';
import { SessionLinker, type SessionLinks } from './token-links';
import type { SessionsJobSummary } from '../../shared/api/jobs';

/** The job's summary, as the contract states it. */
export type BuildSessionsSummary = SessionsJobSummary;

export interface BuildSessionsOptions {
  onProgress?: (done: number, total: number) => void;
}

/** The sign-ins a session holds: those with a correlation id and a time. */
const SESSION_ROWS = 'FROM signin_data WHERE correlation_id IS NOT NULL AND created_ms IS NOT NULL';
// Sessions are numbered in correlation-id order and each names its first sign-in by (time, rid):
// both read from the ix_corr index alone (no table row is visited).
const SESSION_SIZES = `SELECT count(*) ${SESSION_ROWS} GROUP BY correlation_id ORDER BY correlation_id`;
const RIDS_BY_SESSION = `SELECT rid ${SESSION_ROWS} ORDER BY correlation_id, created_ms, rid`;
/** `requestIds`: read the request id (only rules about CSV auth steps need it; text costs to read). */
const scanPage = (requestIds: boolean) => `SELECT rid, created_ms, user_principal_name_k, app_display_name_k, ip_address_k, country_k, asn,
  device_id_k, operating_system_k, browser_k, status_k, status_code, authentication_protocol_k, auth_steps_k, mfa_result_k,
  failure_reason_k, ${requestIds ? 'id' : 'NULL'}, session_id, unique_token_identifier ${SESSION_ROWS} AND rid > ? ORDER BY rid LIMIT ?`;
const K = NUM_NULL; // a dictionary id
const SCAN_KINDS = [NUM, NUM, K, K, K, K, NUM_NULL, K, K, K, K, NUM_NULL, K, K, K, K, STR_NULL, CELL, CELL] as const;

type Cell = number | string | null;
// The scan reads a page at a time in table order (sequential, unlike a walk of ix_corr that seeks
// every row), yielding between pages.
const YIELD_EVERY = 20_000;
const INSERT_BATCH = 50;

export async function buildSessions(caseDb: CaseDb, signal?: AbortSignal, opts: BuildSessionsOptions = {}): Promise<BuildSessionsSummary> {
  const started = Date.now();
  ensureIpGeoTable(caseDb);
  const total = caseDb.value('SELECT count(*) FROM signin_data WHERE correlation_id IS NOT NULL', [], NUM) ?? 0;
  const text = stringLookup(caseDb, (t) => (t === '' ? null : t));
  // countries are compared upper-cased: each distinct one converted once
  const countryText = stringLookup(caseDb, (t) => (t === '' ? null : t.toUpperCase()));
  const ipGeo = new Map<number, [string | null, number | null]>();
  caseDb.forEachTuple('SELECT ip_k, country, asn FROM ip_geo', [], [NUM, STR_NULL, NUM_NULL], ([k, country, asn]) => void ipGeo.set(k, [country?.toUpperCase() ?? null, asn]));
  const rules = new RowFlagRules(caseDb);
  const clientOf = clientKeys(text);
  const { sessionOf, firstRid, sizes } = sessionNumbers(caseDb);
  const rowsLeft = Int32Array.from(sizes);
  const linker = new SessionLinker(firstRid.length);
  const sessions = new SessionResults(firstRid.length);
  const open = new Map<number, SessionCounter>(); // sessions with rows still to come
  const spare: SessionCounter[] = []; // counters of finished sessions, reused
  const page = scanPage(rules.readsRequestIds);
  let done = 0;
  for (let lastRid = -1, read = YIELD_EVERY; read === YIELD_EVERY;) {
    read = 0;
    caseDb.forEachTuple(page, [lastRid, YIELD_EVERY], SCAN_KINDS, (row) => {
      const [rid, ms, userK, appK, ipK, countryK, asn, deviceK, osK, browserK, statusK, code, protocolK, stepsK, mfaK, failureK, requestId, sessionId, uti] = row;
      lastRid = rid;
      read++;
      const no = sessionOf[rid]!;
      const first = rowsLeft[no] === sizes[no]; // the session's first row read
      const counter = first ? (spare.pop() ?? new SessionCounter(firstRid[no]!)) : open.get(no)!;
      if (first) counter.reset(firstRid[no]!);
      const fromIp = ipK === null ? undefined : ipGeo.get(ipK);
      counter.add({
        rid,
        ms,
        userK,
        appK,
        ipK,
        country: countryText(countryK) ?? fromIp?.[0] ?? null,
        asn: asn ?? fromIp?.[1] ?? null,
        deviceK,
        client: clientOf(osK, browserK),
        statusK,
        code,
        rowFlags: rules.flagsOf(protocolK, stepsK, mfaK, failureK, requestId),
      });
      linker.add(no, keyText(sessionId), keyText(uti));
      if (--rowsLeft[no]! === 0) {
        counter.finishInto(sessions, no);
        if (!first) open.delete(no);
        spare.push(counter);
      } else if (first) open.set(no, counter); // a one-row session (most, with some logs) never enters the map
    });
    done += read;
    if (read < YIELD_EVERY) break;
    opts.onProgress?.(done, total);
    await new Promise((resolve) => setImmediate(resolve)); // let a cancel request in
    signal?.throwIfAborted();
  }
  // rows the numbering saw and the scan did not (cannot happen in one synchronous read; a guard)
  if (open.size) throw new Error(`sessions build: ${open.size} sessions were not read whole`);
  const links = linker.finish((i) => sessions.countriesOf(i));
  signal?.throwIfAborted();
  // until here a cancelled rebuild leaves the previous table in service
  caseDb.run('DELETE FROM case_meta WHERE key = ?', [SESSIONS_META_KEY]);
  resetSessionTables(caseDb);
  insertSessions(caseDb, sessions, links);
  createSessionIndexes(caseDb);
  caseDb.exec('ANALYZE session_data');
  caseDb.setMeta(SESSIONS_META_KEY, JSON.stringify({ at: new Date().toISOString(), version: caseVersion(caseDb), sessions: sessions.size }));
  return { sessions: sessions.size, signins: done, linkedGroups: links.groups, ms: Date.now() - started };
}

/**
 * Sessions in correlation-id order: each sign-in's session (by rid), each session's first sign-in
 * and its row count. Read from ix_corr alone, numbers only (the ids themselves are never read).
 */
function sessionNumbers(caseDb: CaseDb): { sessionOf: Int32Array; firstRid: Int32Array; sizes: Int32Array } {
  const sizes: number[] = [];
  caseDb.forEachTuple(SESSION_SIZES, [], [NUM], ([n]) => void sizes.push(n));
  const maxRid = caseDb.value('SELECT max(rid) FROM signin_data', [], 'num?') ?? 0;
  const sessionOf = new Int32Array(maxRid + 1).fill(-1);
  const firstRid = new Int32Array(sizes.length);
  let [no, left] = [-1, 0];
  caseDb.forEachTuple(RIDS_BY_SESSION, [], [NUM], ([rid]) => {
    if (left === 0) {
      left = sizes[++no]!;
      firstRid[no] = rid;
    }
    sessionOf[rid] = no;
    left--;
  });
  return { sessionOf, firstRid, sizes: Int32Array.from(sizes) };
}

/** A session or token id as a link key (empty: none). */
function keyText(value: Cell): string | null {
  return value === null || value === '' ? null : String(value);
}

function insertSessions(caseDb: CaseDb, s: SessionResults, links: SessionLinks): void {
  const row = `(${SESSION_COLUMNS.map(() => '?').join(',')})`;
  const batch = caseDb.prepareWrite(`INSERT INTO session_data (${SESSION_COLUMNS.join(',')}) VALUES ${Array(INSERT_BATCH).fill(row).join(',')}`);
  const single = caseDb.prepareWrite(`INSERT INTO session_data (${SESSION_COLUMNS.join(',')}) VALUES ${row}`);
  const id = (k: number) => (k === -1 ? null : k);
  const geoChange = 1 << SESSION_FLAGS.indexOf('linkedGeoChange');
  try {
    caseDb.transaction(() => {
      let values: Cell[] = [];
      for (let i = 0; i < s.size; i++) {
        const bits = links.geoChange[i] ? s.flagBits[i]! | geoChange : s.flagBits[i]!;
        const alone = links.size[i] === 1; // its group is itself: no linked_group stored (the view shows its number)
        const code = s.finalCode[i]!;
        values.push(i + 1, s.firstRid[i]!, s.firstMs[i]!, s.lastMs[i]! - s.firstMs[i]!, id(s.userK[i]!), s.users[i]!, s.apps[i]!, s.ips[i]!, s.countryCount[i]!, s.rows[i]!);
        values.push(id(s.finalStatusK[i]!), Number.isNaN(code) ? null : code, alone ? null : links.group[i]! + 1, links.size[i]!, bits, popCount(bits));
        if (values.length === INSERT_BATCH * SESSION_COLUMNS.length) {
          batch.run(values);
          values = [];
        }
      }
      for (let at = 0; at < values.length; at += SESSION_COLUMNS.length) single.run(values.slice(at, at + SESSION_COLUMNS.length));
    });
  } finally {
    batch.free();
    single.free();
  }
}

function popCount(bits: number): number {
  let n = 0;
  for (let b = bits; b; b &= b - 1) n++;
  return n;
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
  const memo = new Map<number, Map<number, string>>(); // OS id → browser id → client (-1: NULL)
  return (osK, browserK) => {
    if (osK === null && browserK === null) return null;
    let byBrowser = memo.get(osK ?? -1);
    if (!byBrowser) memo.set(osK ?? -1, (byBrowser = new Map()));
    let client = byBrowser.get(browserK ?? -1);
    if (client === undefined) {
      const family =
        text(browserK)
          ?.replace(/[\s/]*[\d.]+$/, '')
          .trim() ?? '';
      client = `${text(osK) ?? ''}|${family}`;
      byBrowser.set(browserK ?? -1, client);
    }
    return client;
  };
}
