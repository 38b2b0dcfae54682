// Streams the rows of a read query to a callback without building arrays of rows: the charts and
// counts walk up to millions of rows and keep only small tallies.
import type { CaseDb } from '../db/case-db';
import type { SqlParam } from './sql-list';

export function forEachRow(caseDb: CaseDb, sql: string, params: readonly SqlParam[], visit: (row: (number | string | null)[]) => void): void {
  const stmt = caseDb.db.prepare(sql);
  try {
    stmt.bind([...params]);
    while (stmt.step()) visit(stmt.get() as (number | string | null)[]);
  } finally {
    stmt.free();
  }
}
