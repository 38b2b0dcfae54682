// Time charts: the histogram (sign-ins per bucket by status) and the per-user swimlanes. Both are
// one GROUP BY over the filtered rows; status comparisons are on string ids, no text per row.
import type { ParsedReq, Res } from '../../shared/api/contract';
import type { CaseDb } from '../db/case-db';
import { buildWhere, type WhereClause } from './filters';
import { inList, type SqlParam } from './sql-list';
import { stringValues } from './string-values';
import { chooseBuckets, timeRange, type TimeBuckets } from './time-buckets';

export function histogram(caseDb: CaseDb, req: ParsedReq<'timeline.histogram'>): Res<'timeline.histogram'> {
  const range = timeRange(caseDb, req.filter);
  if (!range) return { bucketMs: 0, from: 0, to: 0, series: [] };
  const b = chooseBuckets(range, req.buckets);
  const where = buildWhere(caseDb, req.filter);
  const counts = statusSums(caseDb, ['Success', 'Failure', 'Interrupted']);
  const rows = caseDb.all(
    `SELECT CAST((d.created_ms - ?) / ? AS INTEGER) AS bucket, count(*), ${counts.sql} FROM signin_data d
     WHERE ${where.sql} AND d.created_ms >= ? AND d.created_ms < ? GROUP BY bucket`,
    [b.from, b.bucketMs, ...counts.params, ...where.params, range.from, range.to],
  ) as number[][];
  const series = Array.from({ length: b.count }, (_, i) => ({ t: b.from + i * b.bucketMs, success: 0, failure: 0, interrupted: 0, other: 0 }));
  for (const [bucket, total, success, failure, interrupted] of rows) {
    const s = series[bucket!]!;
    s.success = success!;
    s.failure = failure!;
    s.interrupted = interrupted!;
    s.other = total! - success! - failure! - interrupted!;
  }
  return { bucketMs: b.bucketMs, from: b.from, to: b.to, series };
}

/**
 * The busiest users under the filter, one lane each with sparse cells [bucket, successes, failures];
 * a cell exists for every bucket with any sign-in, so interrupted-only activity still shows.
 */
export function swimlanes(caseDb: CaseDb, req: ParsedReq<'timeline.swimlanes'>): Res<'timeline.swimlanes'> {
  const range = timeRange(caseDb, req.filter);
  if (!range) return { bucketMs: 0, from: 0, to: 0, lanes: [] };
  const b = chooseBuckets(range, req.buckets);
  const where = buildWhere(caseDb, req.filter);
  const top = caseDb.all(
    `SELECT d.user_principal_name_k, count(*) AS n FROM signin_data d WHERE ${where.sql} AND d.user_principal_name_k IS NOT NULL
     GROUP BY d.user_principal_name_k ORDER BY n DESC, d.user_principal_name_k LIMIT ?`,
    [...where.params, req.lanes],
  ) as [number, number][];
  const names = stringValues(caseDb, top.map(([id]) => id));
  const lanes = top.map(([id, total]) => ({ id, user: names.get(id) ?? '', total, cells: [] as [number, number, number][] }));
  const laneOf = new Map(lanes.map((l) => [l.id, l]));
  for (const [id, bucket, success, failure] of laneCells(caseDb, where, b, range, top.map(([id]) => id))) {
    laneOf.get(id!)?.cells.push([bucket!, success!, failure!]);
  }
  return { bucketMs: b.bucketMs, from: b.from, to: b.to, lanes: lanes.map(({ user, total, cells }) => ({ user, total, cells })) };
}

function laneCells(caseDb: CaseDb, where: WhereClause, b: TimeBuckets, range: { from: number; to: number }, userIds: number[]): number[][] {
  if (userIds.length === 0) return [];
  const counts = statusSums(caseDb, ['Success', 'Failure']);
  const params: SqlParam[] = [b.from, b.bucketMs, ...counts.params, ...where.params, range.from, range.to];
  const users = inList('d.user_principal_name_k', userIds, params);
  return caseDb.all(
    `SELECT d.user_principal_name_k, CAST((d.created_ms - ?) / ? AS INTEGER) AS bucket, ${counts.sql}
     FROM signin_data d WHERE ${where.sql} AND d.created_ms >= ? AND d.created_ms < ? AND ${users}
     GROUP BY d.user_principal_name_k, bucket ORDER BY d.user_principal_name_k, bucket`,
    params,
  ) as number[][];
}

/** One `sum(status = X)` column per status (compared by string id; a status never seen counts 0). */
function statusSums(caseDb: CaseDb, statuses: readonly string[]): { sql: string; params: SqlParam[] } {
  const ids = statuses.map((s) => caseDb.strings.lookupId(s) ?? -1);
  return { sql: ids.map(() => 'sum(CASE WHEN d.status_k = ? THEN 1 ELSE 0 END)').join(', '), params: ids };
}
