// Builds the `sessions` table: one ordered scan of the sign-ins by correlation id (the ix_corr
// index), each run of rows folded into a summary, then sessions sharing a session id or token
// linked into groups. Idempotent; runs as a job after imports (call after enrichCase so countries
// and ASNs of IP-only rows come from `ip_geo`).
import { SESSION_FLAGS, type SessionFlag } from '../../shared/model/session';
import type { CaseDb } from '../db/case-db';
import { ensureIpGeoTable } from '../geo/ip-geo-table';
import { caseVersion } from '../query/case-cache';
import { RowStepReader } from './row-auth-steps';
import { SessionAccumulator, type SessionRecord } from './session-accumulator';
import { createSessionIndexes, dropSessionIndexes, ensureSessionTables, SESSION_COLUMNS, SESSIONS_META_KEY } from './session-table';
import { TokenLinks } from './token-links';

export interface BuildSessionsSummary {
  sessions: number;
  signins: number;
  linkedGroups: number;
  ms: number;
}

export interface BuildSessionsOptions {
  onProgress?: (done: number, total: number) => void;
}

const SCAN = `SELECT rid, correlation_id, created_ms, user_principal_name_k, app_display_name_k, resource_display_name_k,
  ip_address_k, country_k, asn, device_id_k, device_name_k, operating_system_k, browser_k, status_k, status_code,
  failure_reason_k, authentication_protocol_k, session_id, unique_token_identifier, auth_steps_k, id, mfa_method_k, mfa_result_k
FROM signin_data WHERE correlation_id IS NOT NULL AND created_ms IS NOT NULL ORDER BY correlation_id, created_ms, rid`;

type Cell = number | string | null;
const YIELD_EVERY = 20_000;

export async function buildSessions(caseDb: CaseDb, signal?: AbortSignal, opts: BuildSessionsOptions = {}): Promise<BuildSessionsSummary> {
  const started = Date.now();
  ensureSessionTables(caseDb);
  ensureIpGeoTable(caseDb);
  caseDb.db.run('DELETE FROM case_meta WHERE key = ?', [SESSIONS_META_KEY]);
  dropSessionIndexes(caseDb);
  caseDb.db.exec('DELETE FROM sessions');
  const total = Number(caseDb.scalar('SELECT count(*) FROM signin_data WHERE correlation_id IS NOT NULL'));
  const text = stringLookup(caseDb);
  const ipGeo = new Map<number, [string | null, number | null]>();
  for (const [k, country, asn] of caseDb.all('SELECT ip_k, country, asn FROM ip_geo') as [number, string | null, number | null][]) ipGeo.set(k, [country, asn]);
  const steps = new RowStepReader(text, caseDb);
  const links = new TokenLinks();
  const countriesOf: string[] = []; // per session, for the linked groups' country spread
  const flagsOf: number[] = [];
  const insert = caseDb.db.prepare(`INSERT INTO sessions (${SESSION_COLUMNS.join(',')}) VALUES (${SESSION_COLUMNS.map(() => '?').join(',')})`);
  const scan = caseDb.db.prepare(SCAN);
  let acc = null as SessionAccumulator | null;
  let index = -1;
  let done = 0;
  const flush = () => {
    if (!acc) return;
    const record = acc.finish();
    const bits = flagBits(record.flags);
    insert.run(sessionValues(index + 1, record, bits));
    countriesOf[index] = record.countries.join(',');
    flagsOf[index] = bits;
  };
  caseDb.db.exec('BEGIN');
  try {
    while (scan.step()) {
      const r = scan.get() as Cell[];
      const corr = String(r[1]);
      if (acc?.correlationId !== corr) {
        flush();
        acc = new SessionAccumulator(corr);
        links.addSession(++index);
      }
      const ipK = r[6] as number | null;
      const fromIp = ipK === null ? undefined : ipGeo.get(ipK);
      acc.add({
        rid: Number(r[0]),
        ms: Number(r[2]),
        user: text(r[3]),
        app: text(r[4]),
        resource: text(r[5]),
        ip: text(ipK),
        country: text(r[7]) ?? fromIp?.[0] ?? null,
        asn: (r[8] as number | null) ?? fromIp?.[1] ?? null,
        deviceId: text(r[9]),
        deviceName: text(r[10]),
        client: clientOf(text(r[11]), text(r[12])),
        status: text(r[13]),
        code: r[14] as number | null,
        failureReason: text(r[15]),
        protocol: text(r[16]),
        steps: steps.steps(r[19] as number | null, r[20] as string | null, r[21] as number | null, r[22] as number | null),
      });
      links.link(index, 'sid', r[17] as string | null);
      links.link(index, 'uti', r[18] as string | null);
      if (++done % YIELD_EVERY === 0) {
        opts.onProgress?.(done, total);
        await new Promise((resolve) => setImmediate(resolve)); // let a cancel request in
        signal?.throwIfAborted();
      }
    }
    flush();
    const linkedGroups = applyLinks(caseDb, links, index + 1, countriesOf, flagsOf);
    caseDb.db.exec('COMMIT');
    createSessionIndexes(caseDb);
    caseDb.db.exec('ANALYZE sessions');
    caseDb.setMeta(SESSIONS_META_KEY, JSON.stringify({ at: new Date().toISOString(), version: caseVersion(caseDb), sessions: index + 1 }));
    return { sessions: index + 1, signins: done, linkedGroups, ms: Date.now() - started };
  } catch (e) {
    caseDb.db.exec('ROLLBACK');
    throw e;
  } finally {
    scan.free();
    insert.free();
  }
}

function sessionValues(no: number, s: SessionRecord, bits: number): Cell[] {
  return [
    no, s.correlationId, s.firstMs, s.lastMs, s.lastMs - s.firstMs, s.user, s.users, JSON.stringify(s.apps), s.appCount,
    JSON.stringify(s.resources), JSON.stringify(s.ips), s.ipCount, JSON.stringify(s.countries), s.countryCount, JSON.stringify(s.devices),
    s.rows, JSON.stringify(s.authSteps), s.finalStatus, s.finalCode, no, 1, bits, popcount(bits),
  ];
}

/** Writes each multi-session group's id, size and country spread onto its sessions. Returns the number of such groups. */
function applyLinks(caseDb: CaseDb, links: TokenLinks, count: number, countriesOf: string[], flagsOf: number[]): number {
  const members = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const g = links.group(i);
    if (g === i && !members.has(g)) continue; // a group of one so far: created lazily below
    const list = members.get(g) ?? [g];
    list.push(i);
    members.set(g, list);
  }
  const update = caseDb.db.prepare('UPDATE sessions SET linked_group = ?, linked_sessions = ?, flag_bits = ?, flag_count = ? WHERE session_no = ?');
  try {
    for (const [root, list] of members) {
      const countries = new Set(list.flatMap((i) => (countriesOf[i] ? countriesOf[i]!.split(',') : [])));
      const extra = countries.size > 1 ? flagBits(new Set<SessionFlag>(['linkedGeoChange'])) : 0;
      for (const i of list) {
        const bits = flagsOf[i]! | extra;
        update.run([root + 1, list.length, bits, popcount(bits), i + 1]);
      }
    }
  } finally {
    update.free();
  }
  return members.size;
}

export function flagBits(flags: Iterable<SessionFlag>): number {
  let bits = 0;
  for (const f of flags) bits |= 1 << SESSION_FLAGS.indexOf(f);
  return bits;
}

export function flagsOfBits(bits: number): SessionFlag[] {
  return SESSION_FLAGS.filter((_, i) => bits & (1 << i));
}

function popcount(bits: number): number {
  let n = 0;
  for (let b = bits; b; b &= b - 1) n++;
  return n;
}

/** "Windows 10 / Chrome": the OS and browser family (versions dropped: one client, one key). */
function clientOf(os: string | null, browser: string | null): string | null {
  const family = browser?.replace(/[\s/]*[\d.]+$/, '').trim() || null;
  if (!os && !family) return null;
  return [os, family].filter(Boolean).join(' / ');
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
