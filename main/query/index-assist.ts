// Helps SQLite choose between an index and a table scan. Its statistics (sqlite_stat1; sql.js has no
// stat4) only know average selectivity, so it takes an index for "status_code = 0" or "the last 29
// days" even when that means hundreds of thousands of random row lookups: ~4.5 µs each in sql.js,
// against ~0.2 µs per row for a scan. An index stays in play when it alone answers the query
// (covering: every column the query touches is in it) or when a bounded count on it finds the
// condition selective (≤ ~4% of rows); otherwise the condition is written so no index applies (`+x`).
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL, STR, STR_NULL, type SqlValue } from '../db/row-spec';
import { CaseMemo } from './case-cache';

const SELECTIVE_SHARE = 0.04;

/** Columns of each index on signin_data, grouped by leading column (rid is in every index). */
const indexesByLeadingColumn = new CaseMemo<Map<string, string[][]>>(
  (caseDb) => {
    const byName = new Map<string, string[]>();
    const sql = "SELECT il.name AS index_name, ii.name AS column_name FROM pragma_index_list('signin_data') il JOIN pragma_index_info(il.name) ii ORDER BY il.name, ii.seqno";
    caseDb.forEach(sql, [], { index_name: STR, column_name: STR }, (r) => void byName.set(r.index_name, [...(byName.get(r.index_name) ?? []), r.column_name]));
    const out = new Map<string, string[][]>();
    for (const cols of byName.values()) out.set(cols[0]!, [...(out.get(cols[0]!) ?? []), [...cols, 'rid']]);
    return out;
  },
  (caseDb) => String(caseDb.value("SELECT group_concat(name) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'signin_data'", [], STR_NULL)),
);

/** Stand-in for "the query touches columns no index holds" (free text, unknown callers). */
export const ANY_COLUMN = '*';

export class IndexAdvisor {
  private limit: number | undefined;
  private readonly indexes: Map<string, string[][]>;

  /** `touched`: physical columns the whole query reads (select list and filter); null = unknown. */
  constructor(
    private readonly caseDb: CaseDb,
    private readonly touched: ReadonlySet<string> | null,
  ) {
    this.indexes = indexesByLeadingColumn.get(caseDb);
  }

  /** Whether the condition `sql` on `column` should be allowed to use that column's index. */
  useIndex(column: string, sql: string, params: readonly SqlValue[]): boolean {
    const candidates = this.indexes.get(column);
    if (!candidates) return true; // nothing to choose (e.g. indexes not built yet)
    if (this.touched && !this.touched.has(ANY_COLUMN) && candidates.some((cols) => [...this.touched!].every((c) => cols.includes(c)))) return true;
    // max(rid) approximates the row count at no cost (rows are appended, rarely deleted).
    this.limit ??= Math.ceil((this.caseDb.value('SELECT max(rid) FROM signin_data', [], NUM_NULL) ?? 0) * SELECTIVE_SHARE);
    const n = this.caseDb.value(`SELECT count(*) FROM (SELECT 1 FROM signin_data d WHERE ${sql} LIMIT ?)`, [...params, this.limit + 1], NUM) ?? 0;
    return n <= this.limit;
  }
}

/** Whether some index on signin_data starts with this physical column. */
export function hasIndexLedBy(caseDb: CaseDb, column: string): boolean {
  return indexesByLeadingColumn.get(caseDb).has(column);
}

/** The column reference with index use switched off (SQLite ignores indexes for expressions). */
export function unindexed(ref: string): string {
  return `+${ref}`;
}
