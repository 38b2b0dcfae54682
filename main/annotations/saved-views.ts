// Saved views: a named filter with its columns and sort, kept in the case so a colleague reopening it
// gets the same lenses. Names are unique; the id is stable across renames.
import type { SavedView } from '../../shared/model/annotation';
import { FilterSpec, SortSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { NUM, STR } from '../db/row-spec';
import { ensureAnnotationTables } from './tables';

export type ViewRecord = Omit<SavedView, 'createdMs' | 'updatedMs' | 'author'>;

export function listViews(caseDb: CaseDb): SavedView[] {
  ensureAnnotationTables(caseDb);
  const spec = { id: STR, name: STR, filter_json: STR, columns_json: STR, sort_json: STR, author: STR, created_ms: NUM, updated_ms: NUM } as const;
  return caseDb.rows('SELECT id, name, filter_json, columns_json, sort_json, author, created_ms, updated_ms FROM saved_views ORDER BY name COLLATE NOCASE, id', [], spec).map((v) => ({
    id: v.id,
    name: v.name,
    filter: FilterSpec.parse(JSON.parse(v.filter_json)),
    columns: JSON.parse(v.columns_json) as string[],
    sort: SortSpec.parse(JSON.parse(v.sort_json)),
    author: v.author,
    createdMs: v.created_ms,
    updatedMs: v.updated_ms,
  }));
}

export function findView(caseDb: CaseDb, by: { id?: string; name?: string }): SavedView | undefined {
  return listViews(caseDb).find((v) => (by.id !== undefined && v.id === by.id) || (by.name !== undefined && v.name.toLowerCase() === by.name.toLowerCase()));
}

/** Inserts or updates (by id); the creation time and author of an existing view are kept. */
export function putView(caseDb: CaseDb, view: ViewRecord, stamp: { author: string; at: number }): void {
  ensureAnnotationTables(caseDb);
  caseDb.run(
    `INSERT INTO saved_views (id, name, filter_json, columns_json, sort_json, author, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, filter_json = excluded.filter_json, columns_json = excluded.columns_json,
       sort_json = excluded.sort_json, updated_ms = excluded.updated_ms`,
    [view.id, view.name, JSON.stringify(view.filter), JSON.stringify(view.columns), JSON.stringify(view.sort), stamp.author, stamp.at, stamp.at],
  );
}

export function removeView(caseDb: CaseDb, id: string): number {
  ensureAnnotationTables(caseDb);
  return caseDb.run('DELETE FROM saved_views WHERE id = ?', [id]);
}
