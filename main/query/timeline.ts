// Time charts: the histogram (sign-ins per bucket by status) and the per-user swimlanes. Rows are
// tallied in JS as they stream out of SQLite: a GROUP BY on a computed bucket would sort every row
// first (~3 s for 1M rows in sql.js against ~0.3 s for the tally). The chart's own range only drops
// rows without a time; `+` keeps it off the time index (the filter's bounds, if any, decide that).
import type { ParsedReq, Res } from '../../shared/api/contract';
import { onlyTimeBounds, type FilterSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL, type SqlValue } from '../db/row-spec';
import { stringValues } from '../db/string-text';
import { resolveColumn } from './column-ref';
import { buildWhere } from './filters';
import { MINUTE_MS, minuteRollup, tallyFromRollup } from './minute-rollup';
import { chooseBuckets, timeRange, type TimeBuckets } from './time-buckets';
import { topValues } from './value-counts';

const STATUSES = ['Success', 'Failure', 'Interrupted'] as const;

export function histogram(caseDb: CaseDb, req: ParsedReq<'timeline.histogram'>): Res<'timeline.histogram'> {
  const frame = chartFrame(caseDb, req.filter, req.buckets);
  if (!frame) return { bucketMs: 0, from: 0, to: 0, series: [] };
  const { b } = frame;
  const tally = new Int32Array(b.count * 4); // success, failure, interrupted, other
  const [from, to] = frame.rangeParams as [number, number];
  // Time-only filters on minute boundaries (the usual unfiltered view) come from the minute rollup.
  const rollup = onlyTimeBounds(req.filter) && b.bucketMs % MINUTE_MS === 0 && (req.filter.timeFrom ?? 0) % MINUTE_MS === 0 && (req.filter.timeTo ?? 0) % MINUTE_MS === 0 ? minuteRollup(caseDb) : null;
  if (rollup) tallyFromRollup(rollup, from, to, b.from, b.bucketMs, tally);
  else tallyRows(caseDb, req.filter, frame, tally);
  const series = Array.from({ length: b.count }, (_, i) => ({
    t: b.from + i * b.bucketMs,
    success: tally[i * 4]!,
    failure: tally[i * 4 + 1]!,
    interrupted: tally[i * 4 + 2]!,
    other: tally[i * 4 + 3]!,
  }));
  return { bucketMs: b.bucketMs, from: b.from, to: b.to, series };
}

function tallyRows(caseDb: CaseDb, filter: FilterSpec, frame: Frame, tally: Int32Array): void {
  const { b } = frame;
  const where = buildWhere(caseDb, filter, { reads: ['created_ms', 'status_k'] });
  const [success, failure, interrupted] = STATUSES.map((s) => caseDb.strings.lookupId(s) ?? -1);
  const sql = `SELECT d.created_ms, d.status_k FROM signin_data d WHERE ${where.sql} AND ${frame.rangeSql}`;
  caseDb.forEachTuple(sql, [...where.params, ...frame.rangeParams], [NUM, NUM_NULL], ([t, status]) => {
    const i = Math.floor((t - b.from) / b.bucketMs) * 4;
    tally[i + (status === success ? 0 : status === failure ? 1 : status === interrupted ? 2 : 3)]!++;
  });
}

/**
 * The busiest users under the filter, one lane each with sparse cells [bucket, successes, failures];
 * a cell exists for every bucket with any sign-in, so interrupted-only activity still shows.
 */
export function swimlanes(caseDb: CaseDb, req: ParsedReq<'timeline.swimlanes'>): Res<'timeline.swimlanes'> {
  const frame = chartFrame(caseDb, req.filter, req.buckets);
  if (!frame) return { bucketMs: 0, from: 0, to: 0, lanes: [] };
  const { b } = frame;
  const busiest = topValues(caseDb, resolveColumn('user_principal_name'), req.filter, req.lanes + 1);
  const top = busiest.top.filter((g): g is [number, number] => g[0] !== null).slice(0, req.lanes);
  const names = stringValues(
    caseDb,
    top.map(([id]) => id),
  );
  const lanes = top.map(([id, total]) => ({ id, user: names.get(id) ?? '', total, cells: new Map<number, [number, number, number]>() }));
  if (lanes.length) tallyLanes(caseDb, req.filter, frame, lanes);
  return {
    bucketMs: b.bucketMs,
    from: b.from,
    to: b.to,
    lanes: lanes.map(({ user, total, cells }) => ({ user, total, cells: [...cells.values()].sort((x, y) => x[0] - y[0]) })),
  };
}

type Frame = { b: TimeBuckets; rangeSql: string; rangeParams: SqlValue[] };

function tallyLanes(caseDb: CaseDb, filter: FilterSpec, frame: Frame, lanes: readonly { user: string; cells: Map<number, [number, number, number]> }[]): void {
  const { b } = frame;
  // The lanes' users as one more condition: buildWhere decides whether their index pays off.
  const laneFilter: FilterSpec = { ...filter, conditions: [...filter.conditions, { column: 'user_principal_name', op: 'in', values: lanes.map((l) => l.user) }] };
  const where = buildWhere(caseDb, laneFilter, { reads: ['user_principal_name_k', 'created_ms', 'status_k'] });
  const cellsById = new Map(lanes.map((l) => [caseDb.strings.lookupId(l.user), l.cells]));
  const [success, failure] = STATUSES.map((s) => caseDb.strings.lookupId(s) ?? -1);
  const sql = `SELECT d.user_principal_name_k, d.created_ms, d.status_k FROM signin_data d WHERE ${where.sql} AND ${frame.rangeSql}`;
  caseDb.forEachTuple(sql, [...where.params, ...frame.rangeParams], [NUM, NUM, NUM_NULL], ([user, t, status]) => {
    const cells = cellsById.get(user)!;
    const bucket = Math.floor((t - b.from) / b.bucketMs);
    let cell = cells.get(bucket);
    if (!cell) cells.set(bucket, (cell = [bucket, 0, 0]));
    if (status === success) cell[1]++;
    else if (status === failure) cell[2]++;
  });
}

function chartFrame(caseDb: CaseDb, filter: FilterSpec, buckets: number): Frame | null {
  const range = timeRange(caseDb, filter);
  if (!range) return null;
  return { b: chooseBuckets(range, buckets), rangeSql: '+d.created_ms >= ? AND +d.created_ms < ?', rangeParams: [range.from, range.to] };
}
