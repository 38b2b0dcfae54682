// Bucket size for time charts: the smallest "nice" size that cuts the range into at most the
// requested number of buckets, with bucket edges on multiples of the size (epoch-aligned).
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { NUM_NULL } from '../db/row-spec';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
export const NICE_BUCKETS_MS: readonly number[] = [S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, D, 2 * D, 7 * D];

export interface TimeBuckets {
  from: number; // first bucket's start (inclusive)
  to: number; // last bucket's end (exclusive)
  bucketMs: number;
  count: number;
}

/** Range of the filter's time bounds, falling back to the case's first and last sign-in. */
export function timeRange(caseDb: CaseDb, filter: FilterSpec): { from: number; to: number } | null {
  let { timeFrom: from, timeTo: to } = filter;
  if (from === undefined || to === undefined) {
    const span = caseTimeSpan(caseDb);
    if (!span) return null;
    from ??= span.min;
    to ??= span.max + 1;
  }
  return to > from ? { from, to } : null;
}

/** The case's first and last sign-in time; null when no sign-in has one. */
export function caseTimeSpan(caseDb: CaseDb): { min: number; max: number } | null {
  // Two subqueries so that each min/max is one index lookup (one SELECT min(), max() scans).
  const span = caseDb.first('SELECT (SELECT min(created_ms) FROM signin_data) AS min, (SELECT max(created_ms) FROM signin_data) AS max', [], { min: NUM_NULL, max: NUM_NULL });
  return span && span.min !== null && span.max !== null ? { min: span.min, max: span.max } : null;
}

export function chooseBuckets(range: { from: number; to: number }, maxBuckets: number): TimeBuckets {
  const fit = (size: number) => {
    const from = Math.floor(range.from / size) * size;
    return { from, bucketMs: size, count: Math.max(1, Math.ceil((range.to - from) / size)) };
  };
  let best = fit(NICE_BUCKETS_MS[NICE_BUCKETS_MS.length - 1]!);
  for (const size of NICE_BUCKETS_MS) {
    const b = fit(size);
    if (b.count <= maxBuckets) {
      best = b;
      break;
    }
  }
  // Beyond the list (years of logs): whole weeks, as many as needed to stay within the limit.
  for (let weeks = 2; best.count > maxBuckets; weeks *= 2) best = fit(weeks * 7 * D);
  return { ...best, to: best.from + best.count * best.bucketMs };
}
