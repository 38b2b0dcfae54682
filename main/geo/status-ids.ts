// String ids of the three statuses, so scans compare integers.
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
