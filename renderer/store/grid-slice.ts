// Grid layout (visible columns, widths, sort) and the current snapshot + selection. The layout is
// remembered across sessions in localStorage (per origin: app:// in Electron, 127.0.0.1 in browser mode).
import { COLUMN_BY_KEY, DEFAULT_GRID_COLUMNS } from '../../shared/model/columns';
import type { SortSpec } from '../../shared/model/filter-spec';
import { loadPref, savePref } from './prefs';
import type { SliceCreator } from './types';

export interface Snapshot {
  snapshotId: number;
  matching: number;
  total: number;
  ms: number;
}

export interface GridSlice {
  columns: string[];
  widths: Record<string, number>;
  sort: SortSpec;
  snapshot: Snapshot | null;
  snapshotError: string | null;
  /** Position in the snapshot and the record id behind it. */
  selected: { index: number; rid: number | null } | null;
  setColumns(columns: string[]): void;
  setWidth(column: string, width: number): void;
  moveColumn(column: string, beforeColumn: string | null): void;
  toggleSort(column: string): void;
  setSnapshot(snapshot: Snapshot | null, error?: string | null): void;
  select(index: number, rid: number | null): void;
}

const DEFAULT_SORT: SortSpec = { column: 'created_at', dir: 'desc' };

function savedColumns(): string[] {
  const cols = loadPref<string[]>('grid.columns', [...DEFAULT_GRID_COLUMNS]).filter((c) => COLUMN_BY_KEY.has(c));
  return cols.length > 0 ? cols : [...DEFAULT_GRID_COLUMNS];
}

export const createGridSlice: SliceCreator<GridSlice> = (set, get) => ({
  columns: savedColumns(),
  widths: loadPref<Record<string, number>>('grid.widths', {}),
  sort: loadPref<SortSpec>('grid.sort', DEFAULT_SORT),
  snapshot: null,
  snapshotError: null,
  selected: null,
  setColumns: (columns) => {
    set({ columns });
    savePref('grid.columns', columns);
  },
  setWidth: (column, width) => {
    const widths = { ...get().widths, [column]: Math.round(Math.max(40, Math.min(1200, width))) };
    set({ widths });
    savePref('grid.widths', widths);
  },
  moveColumn: (column, beforeColumn) => {
    const rest = get().columns.filter((c) => c !== column);
    const at = beforeColumn === null ? rest.length : rest.indexOf(beforeColumn);
    rest.splice(at < 0 ? rest.length : at, 0, column);
    get().setColumns(rest);
  },
  toggleSort: (column) => {
    const { sort } = get();
    const next: SortSpec = sort.column === column ? { column, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { column, dir: column === 'created_at' ? 'desc' : 'asc' };
    set({ sort: next });
    savePref('grid.sort', next);
  },
  setSnapshot: (snapshot, error = null) => set({ snapshot, snapshotError: error, selected: null }),
  select: (index, rid) => set({ selected: { index, rid } }),
});

export function columnWidth(widths: Record<string, number>, column: string): number {
  return widths[column] ?? COLUMN_BY_KEY.get(column)?.width ?? 130;
}
