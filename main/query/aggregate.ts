// Aggregated sign-ins like the Entra admin center: rows with the same application, user (or service
// principal when there is no user), IP, status and resource in one UTC time window (1 h / 6 h / 24 h)
// become one group with its count. Tallied in JS over one stream of string ids (a SQLite GROUP BY
// would sort every row first); texts are looked up only for the page returned. The grouped result
// is kept per (case version, filter, window) so paging through it costs a slice.
import type { ParsedReq, Res } from '../../shared/api/contract';
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { CaseMemo } from './case-cache';
import { buildWhere } from './filters';
import { forEachRow } from './query-rows';
import { stringValues } from './string-values';

export const AGGREGATE_WINDOWS = { '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 24 * 3_600_000 } as const;
export type AggregateWindow = keyof typeof AGGREGATE_WINDOWS;

/** Stored columns of the group key, in key order (user and SP name together make the "who"). */
const KEY_COLUMNS = ['app_display_name_k', 'user_principal_name_k', 'service_principal_name_k', 'ip_address_k', 'status_k', 'resource_display_name_k'] as const;
const KEY_WIDTH = KEY_COLUMNS.length;

interface Grouped {
  /** Per group, in result order: window start, count, first, last ms. */
  starts: Float64Array;
  counts: Int32Array;
  firsts: Float64Array;
  lasts: Float64Array;
  /** KEY_WIDTH string ids (or -1 for NULL) per group. */
  keys: Int32Array;
}

const MAX_CACHED = 6;
/** Per case version: the last few grouped results by filter and window (a new import drops them). */
const cache = new CaseMemo<Map<string, Grouped>>(() => new Map());

export function aggregate(caseDb: CaseDb, req: ParsedReq<'query.aggregate'>): Res<'query.aggregate'> {
  const started = performance.now();
  const grouped = groupedFor(caseDb, req.filter, req.window);
  const end = Math.min(grouped.counts.length, req.offset + req.limit);
  const page = Array.from({ length: Math.max(0, end - req.offset) }, (_, i) => req.offset + i);
  const ids = page.flatMap((g) => Array.from(grouped.keys.subarray(g * KEY_WIDTH, (g + 1) * KEY_WIDTH)).filter((id) => id >= 0));
  const texts = stringValues(caseDb, ids);
  const text = (id: number) => (id >= 0 ? (texts.get(id) ?? null) : null);
  const rows = page.map((g) => {
    const [app, upn, spName, ip, status, resource] = Array.from(grouped.keys.subarray(g * KEY_WIDTH, (g + 1) * KEY_WIDTH), text);
    return {
      windowStart: grouped.starts[g]!,
      app: app ?? null,
      user: upn ?? spName ?? null,
      // The expanded filter needs to know which column `user` came from.
      servicePrincipal: upn === null,
      ip: ip ?? null,
      status: status ?? null,
      resource: resource ?? null,
      count: grouped.counts[g]!,
      first: grouped.firsts[g]!,
      last: grouped.lasts[g]!,
    };
  });
  return { total: grouped.counts.length, rows, ms: Math.round(performance.now() - started) };
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
  const grouped = tally(caseDb, filter, AGGREGATE_WINDOWS[window]);
  memo.set(key, grouped);
  while (memo.size > MAX_CACHED) memo.delete(memo.keys().next().value!);
  return grouped;
}

interface Group {
  start: number;
  count: number;
  first: number;
  last: number;
  key: number[];
}

function tally(caseDb: CaseDb, filter: FilterSpec, windowMs: number): Grouped {
  const where = buildWhere(caseDb, filter, { reads: ['created_ms', ...KEY_COLUMNS] });
  const groups = new Map<string, Group>();
  const sql = `SELECT d.created_ms, ${KEY_COLUMNS.map((c) => `d.${c}`).join(', ')} FROM signin_data d WHERE ${where.sql} AND +d.created_ms IS NOT NULL`;
  forEachRow(caseDb, sql, where.params, (row) => {
    const t = row[0] as number;
    const start = Math.floor(t / windowMs) * windowMs; // epoch-aligned: UTC hours, 6 h blocks, days
    const id = `${start},${row[1]},${row[2]},${row[3]},${row[4]},${row[5]},${row[6]}`;
    const g = groups.get(id);
    if (!g) groups.set(id, { start, count: 1, first: t, last: t, key: row.slice(1).map((v) => (v === null ? -1 : (v as number))) });
    else {
      g.count++;
      if (t < g.first) g.first = t;
      if (t > g.last) g.last = t;
    }
  });
  // Newest window first, busiest group first; the key ids make the order total, hence stable pages.
  const sorted = [...groups.values()].sort((a, b) => b.start - a.start || b.count - a.count || b.last - a.last || compareKeys(a.key, b.key));
  const n = sorted.length;
  const out: Grouped = { starts: new Float64Array(n), counts: new Int32Array(n), firsts: new Float64Array(n), lasts: new Float64Array(n), keys: new Int32Array(n * KEY_WIDTH) };
  sorted.forEach((g, i) => {
    out.starts[i] = g.start;
    out.counts[i] = g.count;
    out.firsts[i] = g.first;
    out.lasts[i] = g.last;
    out.keys.set(g.key, i * KEY_WIDTH);
  });
  return out;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
