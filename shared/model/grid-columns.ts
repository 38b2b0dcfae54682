// Columns the grid shows besides the stored sign-in columns: the investigator's own marks (tags and
// star), computed from the annotations tables at query time (main/query/annotation-columns.ts).
// They filter, sort and group like any column but are not part of the evidence schema, so exports,
// the report and the `signins` view keep using COLUMNS alone.
import { COLUMN_BY_KEY, type ColumnDef } from './columns';

export const ANNOTATION_COLUMNS: readonly ColumnDef[] = [
  { key: 'tags', label: 'Tags', storage: 'text', group: 'marks', facet: true, width: 160 },
  { key: 'starred', label: 'Starred', storage: 'bool', group: 'marks', facet: true, width: 70 },
];

export type AnnotationColumnKey = 'tags' | 'starred';

/** Every column the grid can show, filter on, sort and group by. */
export const GRID_COLUMN_BY_KEY: ReadonlyMap<string, ColumnDef> = new Map([...COLUMN_BY_KEY, ...ANNOTATION_COLUMNS.map((c) => [c.key, c] as const)]);

export function isAnnotationColumn(key: string): key is AnnotationColumnKey {
  return key === 'tags' || key === 'starred';
}

export function isGridColumnKey(key: string): boolean {
  return GRID_COLUMN_BY_KEY.has(key);
}

/** Group-by levels at most (each level is one more GROUP BY column). */
export const MAX_GROUP_LEVELS = 3;
