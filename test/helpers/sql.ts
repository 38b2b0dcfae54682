// Untyped reads for tests that compare whole result sets (`expect(all(db, sql)).toEqual([[...]])`):
// production code reads through CaseDb's typed row specs instead.
import type { CaseDb } from '../../main/db/case-db';
import type { SqlParams } from '../../main/db/row-spec';

export function all(caseDb: CaseDb, sql: string, params: SqlParams = []): unknown[][] {
  return caseDb.withStatement(sql, (stmt) => {
    stmt.bind(params as (string | number | null | Uint8Array)[]);
    const rows: unknown[][] = [];
    while (stmt.step()) rows.push(stmt.get());
    return rows;
  });
}

export function scalar(caseDb: CaseDb, sql: string, params: SqlParams = []): unknown {
  return all(caseDb, sql, params)[0]?.[0];
}
