// Aggregated sign-ins like the Entra admin center: rows with the same application, user (or service
// principal when there is no user), IP, status and resource in one UTC time window (1 h / 6 h / 24 h)
// become one group with its count. Tallied in JS over one stream of string ids (a SQLite GROUP BY
// would sort every row first); texts are looked up only for the page returned. The grouped result
// is kept per (case version, filter, window) so paging through it costs a slice.
import type { ParsedReq, Res } from '../../shared/api/contract';
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL } from '../db/row-spec';
import { stringValues } from '../db/string-text';
import { CaseMemo } from './case-cache';
import { buildWhere } from './filters';

export const AGGREGATE_WINDOWS = { '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 24 * 3_600_000 } as const;
export type AggregateWindow = keyof typeof AGGREGATE_WINDOWS;

/** Stored columns of the group key, in key order (user and SP name together make the "who"). */
const KEY_COLUMNS = ['app_display_name_k', 'user_principal_name_k', 'service_principal_name_k', 'ip_address_k', 'status_k', 'resource_display_name_k'] as const;
/** A group's key: its window number (start / window length), then each column's string id + 1 (0: NULL). */
const KEY_WIDTH = 1 + KEY_COLUMNS.length;

/** A finished grouping: the tally's arrays and the result order over them. */
interface Grouped {
  order: Uint32Array;
  tally: GroupTally;
  windowMs: number;
}

/** A 1M-group result holds ~60 MB of typed arrays: keep few. */
const MAX_CACHED = 4;
/** Per case version: the last few grouped results by filter and window (a new import drops them). */
const cache = new CaseMemo<Map<string, Grouped>>(() => new Map());

export function aggregate(caseDb: CaseDb, req: ParsedReq<'query.aggregate'>): Res<'query.aggregate'> {
  const started = performance.now();
  const grouped = groupedFor(caseDb, req.filter, req.window);
  const { order, tally, windowMs } = grouped;
  const page = Array.from(order.subarray(req.offset, req.offset + req.limit));
  const idsOf = (g: number) => Array.from(tally.keys.subarray(g * KEY_WIDTH + 1, (g + 1) * KEY_WIDTH), (k) => k - 1); // -1: NULL
  const texts = stringValues(
    caseDb,
    page.flatMap(idsOf).filter((id) => id >= 0),
  );
  const text = (id: number) => (id >= 0 ? (texts.get(id) ?? null) : null);
  const rows = page.map((g) => {
    const [app, upn, spName, ip, status, resource] = idsOf(g).map(text);
    return {
      windowStart: tally.keys[g * KEY_WIDTH]! * windowMs,
      app: app ?? null,
      user: upn ?? spName ?? null,
      // The expanded filter needs to know which column `user` came from; neither: not an SP.
      servicePrincipal: upn === null && spName !== null,
      ip: ip ?? null,
      status: status ?? null,
      resource: resource ?? null,
      count: tally.counts[g]!,
      first: tally.firsts[g]!,
      last: tally.lasts[g]!,
    };
  });
  return { total: order.length, rows, ms: Math.round(performance.now() - started) };
}

function groupedFor(caseDb: CaseDb, filter: FilterSpec, window: AggregateWindow): Grouped {
  const memo = cache.get(caseDb);
  const key = `${window}|${JSON.stringify(filter)}`;
  const hit = memo.get(key);
  if (hit) {
    memo.delete(key);
    memo.set(key, hit); // most recently used last
    return hit;
  }
  const grouped = groupRows(caseDb, filter, AGGREGATE_WINDOWS[window]);
  memo.set(key, grouped);
  while (memo.size > MAX_CACHED) memo.delete(memo.keys().next().value!);
  return grouped;
}

function groupRows(caseDb: CaseDb, filter: FilterSpec, windowMs: number): Grouped {
  const where = buildWhere(caseDb, filter, { reads: ['created_ms', ...KEY_COLUMNS] });
  const tally = new GroupTally();
  const key = new Int32Array(KEY_WIDTH);
  const sql = `SELECT d.created_ms, ${KEY_COLUMNS.map((c) => `d.${c}`).join(', ')} FROM signin_data d WHERE ${where.sql} AND +d.created_ms IS NOT NULL`;
  caseDb.forEachTuple(sql, where.params, [NUM, ...KEY_COLUMNS.map((): typeof NUM_NULL => NUM_NULL)], ([t, ...ids]) => {
    key[0] = Math.floor(t / windowMs); // epoch-aligned windows: UTC hours, 6 h blocks, days
    for (let i = 1; i < KEY_WIDTH; i++) key[i] = ids[i - 1] === null ? 0 : ids[i - 1]! + 1;
    tally.add(key, t);
  });
  tally.compact();
  // Newest window first, busiest group first, then first seen (the row stream's order is fixed).
  const { keys, counts } = tally;
  const order = new Uint32Array(tally.size).map((_, i) => i);
  order.sort((a, b) => keys[b * KEY_WIDTH]! - keys[a * KEY_WIDTH]! || counts[b]! - counts[a]! || a - b);
  return { order, tally, windowMs };
}

/**
 * Groups keyed by KEY_WIDTH small integers in an open-addressing hash table: at 1M rows with nearly
 * as many groups, string keys in a Map cost seconds and gigabytes; this costs typed arrays.
 */
class GroupTally {
  size = 0;
  keys = new Int32Array(1024 * KEY_WIDTH);
  counts = new Int32Array(1024);
  firsts = new Float64Array(1024);
  lasts = new Float64Array(1024);
  private slots = new Int32Array(2048).fill(-1);

  add(key: Int32Array, t: number): void {
    const mask = this.slots.length - 1;
    let slot = hash(key) & mask;
    for (let g = this.slots[slot]!; g >= 0; slot = (slot + 1) & mask, g = this.slots[slot]!) {
      if (this.sameKey(g, key)) {
        this.counts[g]!++;
        if (t < this.firsts[g]!) this.firsts[g] = t;
        if (t > this.lasts[g]!) this.lasts[g] = t;
        return;
      }
    }
    const g = this.size++;
    if (g === this.counts.length) this.grow();
    this.keys.set(key, g * KEY_WIDTH);
    this.counts[g] = 1;
    this.firsts[g] = t;
    this.lasts[g] = t;
    this.slots[slot] = g;
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  /** Done adding: drops the hash slots and the arrays' spare room (the result may stay cached). */
  compact(): void {
    this.slots = new Int32Array(0);
    this.keys = this.keys.slice(0, this.size * KEY_WIDTH);
    this.counts = this.counts.slice(0, this.size);
    this.firsts = this.firsts.slice(0, this.size);
    this.lasts = this.lasts.slice(0, this.size);
  }

  private sameKey(g: number, key: Int32Array): boolean {
    const at = g * KEY_WIDTH;
    for (let i = 0; i < KEY_WIDTH; i++) if (this.keys[at + i] !== key[i]) return false;
    return true;
  }

  private grow(): void {
    const n = this.counts.length * 2;
    const widen = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T, width = 1): T => {
      const next = make(n * width);
      next.set(a);
      return next;
    };
    this.keys = widen(this.keys, (m) => new Int32Array(m), KEY_WIDTH);
    this.counts = widen(this.counts, (m) => new Int32Array(m));
    this.firsts = widen(this.firsts, (m) => new Float64Array(m));
    this.lasts = widen(this.lasts, (m) => new Float64Array(m));
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let g = 0; g < this.size; g++) {
      let slot = hash(this.keys.subarray(g * KEY_WIDTH, (g + 1) * KEY_WIDTH)) & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = g;
    }
  }
}

/** Multiply-xorshift mix of the key's integers (murmur3 constants). */
function hash(key: Int32Array): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key[i]!, 0x85ebca6b);
    h ^= h >>> 13;
  }
  return Math.imul(h ^ (h >>> 16), 0xc2b2ae35) >>> 0;
}
