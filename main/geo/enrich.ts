// Enriches a case: every distinct IP gets its best location and ASN (resolve-ip.ts) in `ip_geo`.
// Runs as a job after each import and when the analyst adds IP databases; idempotent (the table
// is rebuilt from the sign-ins each time). One scan tallies the rows; each distinct IP is resolved
// once, and an IP whose evidence and databases are unchanged since the case's last enrichment
// reuses that answer (a later import re-resolves only the IPs it touched).
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL } from '../db/row-spec';
import { stringValues } from '../db/string-text';
import { caseVersion } from '../query/case-cache';
import { loadGazetteer } from './gazetteer';
import { currentDatabases } from './geo-databases';
import { writeIpGeo } from './ip-geo-table';
import type { GeoDatabase } from './mmdb';
import { resolveIpGeo, type GeoSources, type IpGeo, type LogEvidence } from './resolve-ip';
import type { EnrichJobSummary } from '../../shared/api/jobs';

/** Databases to use instead of the configured ones (geo-databases.ts); null: none. */
export interface EnrichOptions {
  cityDb?: GeoDatabase | null;
  asnDb?: GeoDatabase | null;
  countryDb?: GeoDatabase | null;
}

/** The job's summary, as the contract states it. */
export type EnrichSummary = EnrichJobSummary;

export const ENRICH_META_KEY = 'geo.enrichment';

interface Candidate extends LogEvidence {
  ip: string;
  rows: number;
}

export async function enrichCase(caseDb: CaseDb, signal?: AbortSignal, opts: EnrichOptions = {}): Promise<EnrichSummary> {
  const started = Date.now();
  const configured = await currentDatabases();
  const pick = (given: GeoDatabase | null | undefined, fallback: GeoDatabase | null) => (given === undefined ? fallback : given);
  const cityDb = pick(opts.cityDb, configured.cityDb);
  const asnDb = pick(opts.asnDb, configured.asnDb);
  const countryDb = pick(opts.countryDb, configured.countryDb);
  const evidence = await logEvidence(caseDb, signal);
  signal?.throwIfAborted();
  const needsGazetteer = [...evidence.values()].some((e) => e.lat === null || e.lon === null);
  const sources: GeoSources = { gazetteer: needsGazetteer ? loadGazetteer() : null, cityDb, asnDb, countryDb };
  const resolved: [number, IpGeo][] = [];
  const bySource: Record<string, number> = {};
  const cache = resolvedCache(caseDb, sources);
  for (const [ipK, e] of evidence) {
    if (resolved.length % 2000 === 0) signal?.throwIfAborted();
    const input = `${e.ip}\u0000${e.lat}\u0000${e.lon}\u0000${e.city}\u0000${e.state}\u0000${e.country}\u0000${e.asn}`;
    let geo = cache.answers.get(input);
    if (!geo) cache.answers.set(input, (geo = resolveIpGeo(e.ip, e, sources)));
    resolved.push([ipK, geo]);
    const key = geo.sourceCoords ?? 'none';
    bySource[key] = (bySource[key] ?? 0) + 1;
  }
  signal?.throwIfAborted();
  writeIpGeo(caseDb, resolved);
  const located = resolved.filter(([, g]) => g.latitude !== null).length;
  const databases = [countryDb, cityDb, asnDb].filter((d): d is GeoDatabase => !!d).map((d) => d.info);
  caseDb.setMeta(ENRICH_META_KEY, JSON.stringify({ at: new Date().toISOString(), version: caseVersion(caseDb), ips: resolved.length, located, databases }));
  return { ips: resolved.length, located, bySource, ms: Date.now() - started };
}

/**
 * Per IP, the location tuples and ASNs of its rows, in row order: what the enrichment ranks. The
 * importer tallies rows as it inserts them (its thread waits on the parser most of the time), so the
 * enrichment after an import needs no scan; otherwise one sequential scan fills it.
 */
export class IpEvidenceTally {
  readonly tuples = new Map<number, Map<string, Tuple>>();
  readonly asnVotes = new Map<number, Map<number, number>>();
  /** Rows seen, with or without an IP: the tally is complete while this equals the table's count (sign-ins are never deleted). */
  rows = 0;
  private readonly locatedIps = new Set<number>();

  /** Some IP has no row with coordinates (so far): the enrichment will need the gazetteer. */
  get needsGazetteer(): boolean {
    return this.locatedIps.size < this.tuples.size;
  }

  add(ipK: number | null, lat: number | null, lon: number | null, cityK: number | null, stateK: number | null, countryK: number | null, asn: number | null): void {
    this.rows++;
    if (ipK === null) return;
    if (lat !== null && lon !== null) this.locatedIps.add(ipK);
    const key = `${lat}|${lon}|${cityK}|${stateK}|${countryK}`;
    let perIp = this.tuples.get(ipK);
    if (!perIp) this.tuples.set(ipK, (perIp = new Map()));
    const t = perIp.get(key);
    if (t) t.n++;
    else perIp.set(key, { n: 1, lat, lon, cityK, stateK, countryK });
    if (asn !== null) {
      let votes = this.asnVotes.get(ipK);
      if (!votes) this.asnVotes.set(ipK, (votes = new Map()));
      votes.set(asn, (votes.get(asn) ?? 0) + 1);
    }
  }
}

const tallies = new WeakMap<CaseDb, IpEvidenceTally>();
const countRows = (caseDb: CaseDb) => caseDb.value('SELECT count(*) FROM signin_data', [], NUM) ?? 0;

/** For the importer: the case's tally to continue row by row, when it covers every row (or the case is empty); else null. */
export function tallyToContinue(caseDb: CaseDb): IpEvidenceTally | null {
  const rows = countRows(caseDb);
  const kept = tallies.get(caseDb);
  if (kept && kept.rows === rows) return kept;
  tallies.delete(caseDb);
  if (rows > 0) return null;
  const fresh = new IpEvidenceTally();
  tallies.set(caseDb, fresh);
  return fresh;
}

let gazetteerWarming = false;

/**
 * For the importer, once the tally knows the enrichment will need the gazetteer: parse it (about a
 * second) while the import runs; the insert thread mostly waits on the parser then.
 */
export function warmGazetteerSoon(): void {
  if (gazetteerWarming) return;
  gazetteerWarming = true;
  setImmediate(() => loadGazetteer());
}

/** For the importer: a row held a value the table would store differently; the enrichment will scan. */
export function forgetTally(caseDb: CaseDb): void {
  tallies.delete(caseDb);
}

/**
 * Per IP, the log's most frequent location (rows with coordinates first, then with a city, then a
 * country) and its most frequent ASN, from the tally (a SQL GROUP BY over the location columns would
 * sort every row).
 */
async function logEvidence(caseDb: CaseDb, signal?: AbortSignal): Promise<Map<number, Candidate>> {
  const kept = tallies.get(caseDb);
  const tally = kept && kept.rows === countRows(caseDb) ? kept : await scanTally(caseDb, signal);
  tallies.set(caseDb, tally);
  return bestEvidence(tally.tuples, tally.asnVotes, textOfTally(caseDb, tally));
}

/** Text of every id the tally holds (IPs, cities, states, countries), read in batches rather than one query per id. */
function textOfTally(caseDb: CaseDb, tally: IpEvidenceTally): (id: number | null) => string | null {
  const ids: number[] = [];
  for (const [ipK, perIp] of tally.tuples) {
    ids.push(ipK);
    for (const t of perIp.values()) for (const k of [t.cityK, t.stateK, t.countryK]) if (k !== null) ids.push(k);
  }
  const text = stringValues(caseDb, ids);
  return (id) => (id === null ? null : (text.get(id) ?? null));
}

const SCAN_PAGE = 100_000;
const SCAN_TALLY = 'SELECT rid, ip_address_k, latitude, longitude, city_k, state_k, country_k, asn FROM signin_data WHERE rid > ? ORDER BY rid LIMIT ?';

/** One sequential scan of the sign-ins (rid order, as the importer tallies them). */
async function scanTally(caseDb: CaseDb, signal?: AbortSignal): Promise<IpEvidenceTally> {
  const tally = new IpEvidenceTally();
  // in pages by rid, so that a cancel request gets in between them
  const kinds = [NUM, NUM_NULL, NUM_NULL, NUM_NULL, NUM_NULL, NUM_NULL, NUM_NULL, NUM_NULL] as const;
  for (let after = Number.MIN_SAFE_INTEGER, read = SCAN_PAGE; read === SCAN_PAGE;) {
    read = 0;
    caseDb.forEachTuple(SCAN_TALLY, [after, SCAN_PAGE], kinds, ([rid, ipK, lat, lon, cityK, stateK, countryK, asn]) => {
      tally.add(ipK, lat, lon, cityK, stateK, countryK, asn);
      after = rid;
      read++;
    });
    if (read < SCAN_PAGE) break;
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  }
  return tally;
}
type Tuple = { n: number; lat: number | null; lon: number | null; cityK: number | null; stateK: number | null; countryK: number | null };

function bestEvidence(tuples: Map<number, Map<string, Tuple>>, asnVotes: Map<number, Map<number, number>>, text: (id: number | null) => string | null): Map<number, Candidate> {
  const best = new Map<number, Candidate>();
  for (const [ipK, perIp] of tuples) {
    let top: Candidate | null = null;
    for (const t of perIp.values()) {
      const cand: Candidate = { ip: '', lat: t.lat, lon: t.lon, city: text(t.cityK), state: text(t.stateK), country: text(t.countryK), asn: null, rows: t.n };
      if (!top || rank(cand) > rank(top)) top = cand;
    }
    const votes = [...(asnVotes.get(ipK) ?? [])].sort((a, b) => b[1] - a[1]);
    best.set(ipK, { ...top!, ip: text(ipK) ?? '', asn: votes[0]?.[0] ?? null });
  }
  return best;
}

/**
 * Per case, the answers of resolveIpGeo by everything it reads (the IP and its log evidence), valid
 * while the databases are the same objects (geo-databases.ts keeps them per process; the gazetteer is
 * fixed data, consulted only for evidence without coordinates, when it is always loaded).
 */
const answersByCase = new WeakMap<CaseDb, { dbs: readonly unknown[]; answers: Map<string, IpGeo> }>();

function resolvedCache(caseDb: CaseDb, sources: GeoSources): { answers: Map<string, IpGeo> } {
  const dbs = [sources.cityDb ?? null, sources.asnDb ?? null, sources.countryDb ?? null];
  const cached = answersByCase.get(caseDb);
  if (cached && cached.dbs.every((d, i) => d === dbs[i])) return cached;
  const fresh = { dbs, answers: new Map<string, IpGeo>() };
  answersByCase.set(caseDb, fresh);
  return fresh;
}

/** Richer evidence first, then the more frequent. */
function rank(c: Candidate): number {
  const richness = c.lat !== null && c.lon !== null ? 3 : c.city ? 2 : c.country ? 1 : 0;
  return richness * 1e12 + c.rows;
}

/** The last enrichment of this case, and whether sign-ins were added since. */
export function enrichmentStatus(caseDb: CaseDb): { at: string; ips: number; located: number; stale: boolean } | null {
  const raw = caseDb.meta(ENRICH_META_KEY);
  if (!raw) return null;
  const meta = JSON.parse(raw) as { at: string; version: string; ips: number; located: number };
  return { at: meta.at, ips: meta.ips, located: meta.located, stale: meta.version !== caseVersion(caseDb) };
}
