// The manifest of a triage import: per evidence file read through a filter, the filter (JSON) and the
// counts read, kept and skipped by it. Its own small table, created on first use, so case files from
// before triage import open unchanged and no schema migration is needed; a case without the table
// is a full import.
import { describeImportFilter, ImportFilter, type PartialImportSource } from '../../../shared/model/import-filter';
import type { CaseDb } from '../../db/case-db';
import { NUM, STR } from '../../db/row-spec';

export const SOURCE_FILTERS_TABLE = 'source_filters';

/** A crafted case may hold anything here: a filter longer than this is shown as unreadable. */
const MAX_FILTER_JSON = 1_000_000;

export function recordSourceFilter(caseDb: CaseDb, sourceId: number, filter: ImportFilter, read: number, kept: number, skipped: number): void {
  caseDb.exec(
    `CREATE TABLE IF NOT EXISTS ${SOURCE_FILTERS_TABLE} (source_id INTEGER PRIMARY KEY, filter TEXT NOT NULL, records_read INTEGER NOT NULL, kept INTEGER NOT NULL, skipped_by_filter INTEGER NOT NULL)`,
  );
  caseDb.run(`INSERT OR REPLACE INTO ${SOURCE_FILTERS_TABLE} (source_id, filter, records_read, kept, skipped_by_filter) VALUES (?, ?, ?, ?, ?)`, [
    sourceId,
    JSON.stringify(filter),
    read,
    kept,
    skipped,
  ]);
}

/** Evidence files imported through a filter, oldest first; empty for a full import. */
export function partialImportOf(caseDb: CaseDb): PartialImportSource[] {
  if (!caseDb.hasTable(SOURCE_FILTERS_TABLE)) return [];
  return caseDb
    .rows(
      `SELECT f.source_id AS sourceId, coalesce(substr(s.file_name, 1, 255), '?') AS fileName, substr(f.filter, 1, ${MAX_FILTER_JSON + 1}) AS filter,
              f.records_read AS read, f.kept AS kept, f.skipped_by_filter AS skipped
         FROM ${SOURCE_FILTERS_TABLE} f LEFT JOIN sources s ON s.id = f.source_id ORDER BY f.source_id`,
      [],
      { sourceId: NUM, fileName: STR, filter: STR, read: NUM, kept: NUM, skipped: NUM },
    )
    .map((r) => ({ ...r, filter: describeStored(r.filter) }));
}

function describeStored(json: string): string {
  if (json.length > MAX_FILTER_JSON) return '(unreadable filter)';
  try {
    const parsed = ImportFilter.safeParse(JSON.parse(json));
    return parsed.success ? describeImportFilter(parsed.data) : '(unreadable filter)';
  } catch {
    return '(unreadable filter)';
  }
}
