// String ids of the three statuses, so aggregates compare integers (`d.status_k = ?`).
import type { CaseDb } from '../db/case-db';

export interface StatusIds {
  success: number;
  failure: number;
  interrupted: number;
}

export function statusIds(caseDb: CaseDb): StatusIds {
  const id = (v: string) => caseDb.strings.lookupId(v) ?? -1; // -1: never seen, matches nothing
  return { success: id('Success'), failure: id('Failure'), interrupted: id('Interrupted') };
}

/** The three status counts as SQL aggregates over `signin_data d`, with their parameters. */
export function statusSums(ids: StatusIds): { sql: string; params: number[] } {
  return { sql: 'sum(d.status_k = ?), sum(d.status_k = ?), sum(d.status_k = ?)', params: [ids.success, ids.failure, ids.interrupted] };
}
