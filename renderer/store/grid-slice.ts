// Grid layout (visible columns, widths, sort) and the current snapshot (the cursor and the selected
// rows in it are the selection slice's). The layout is
// remembered across sessions in localStorage (per origin: app:// in Electron, 127.0.0.1 in browser mode).
import { DEFAULT_GRID_COLUMNS } from '../../shared/model/columns';
import { MAX_SORT_KEYS, sortKeys, SortSpec, type FilterSpec, type SortKey } from '../../shared/model/filter-spec';
import { GRID_COLUMN_BY_KEY, MAX_GROUP_LEVELS } from '../../shared/model/grid-columns';
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
  /** Sort keys, most significant first (the backend breaks remaining ties by time, then row). */
  sort: SortKey[];
  /** Group-by columns of the group bar, outermost first (empty: the plain grid). */
  groupBy: string[];
  snapshot: Snapshot | null;
  snapshotError: string | null;
  /** The filter object the snapshot (or its error) answers: charts wait until it is the current filter. */
  snapshotFilter: FilterSpec | null;
  setColumns(columns: string[]): void;
  setWidth(column: string, width: number): void;
  moveColumn(column: string, beforeColumn: string | null): void;
  /** Click: sort by this column alone (again: reverse). Shift-click (`add`): add it as the next key, or reverse it. */
  toggleSort(column: string, add?: boolean): void;
  setSort(sort: SortKey[]): void;
  setGroupBy(columns: string[]): void;
  setSnapshot(snapshot: Snapshot | null, error?: string | null, filter?: FilterSpec | null): void;
}

const DEFAULT_SORT: SortKey[] = [{ column: 'created_at', dir: 'desc' }];

function savedColumns(): string[] {
  const cols = loadPref<string[]>('grid.columns', [...DEFAULT_GRID_COLUMNS]).filter((c) => GRID_COLUMN_BY_KEY.has(c));
  return cols.length > 0 ? cols : [...DEFAULT_GRID_COLUMNS];
}

export const createGridSlice: SliceCreator<GridSlice> = (set, get) => ({
  columns: savedColumns(),
  widths: loadPref<Record<string, number>>('grid.widths', {}),
  sort: savedSort(),
  groupBy: loadPref<string[]>('grid.groupBy', [])
    .filter((c) => GRID_COLUMN_BY_KEY.has(c))
    .slice(0, MAX_GROUP_LEVELS),
  snapshot: null,
  snapshotError: null,
  snapshotFilter: null,
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
  toggleSort: (column, add = false) => {
    const { sort } = get();
    const at = sort.findIndex((k) => k.column === column);
    const flipped = (k: SortKey): SortKey => ({ column, dir: k.dir === 'asc' ? 'desc' : 'asc' });
    const fresh: SortKey = { column, dir: column === 'created_at' ? 'desc' : 'asc' };
    let next: SortKey[];
    if (!add) next = [at === 0 && sort.length === 1 ? flipped(sort[0]!) : fresh];
    else if (at >= 0) next = sort.map((k, i) => (i === at ? flipped(k) : k));
    else next = [...sort.slice(0, MAX_SORT_KEYS - 1), fresh]; // when full, the new key replaces the least significant
    get().setSort(next);
  },
  setSort: (sort) => {
    set({ sort });
    savePref('grid.sort', sort);
  },
  setGroupBy: (groupBy) => {
    const next = [...new Set(groupBy)].slice(0, MAX_GROUP_LEVELS);
    set({ groupBy: next });
    savePref('grid.groupBy', next);
  },
  setSnapshot: (snapshot, error = null, filter = null) => set({ snapshot, snapshotError: error, snapshotFilter: filter }),
});

export function columnWidth(widths: Record<string, number>, column: string): number {
  return widths[column] ?? GRID_COLUMN_BY_KEY.get(column)?.width ?? 130;
}

/** The saved sort (a single key in older preferences), or time, newest first. */
function savedSort(): SortKey[] {
  const parsed = SortSpec.safeParse(loadPref<unknown>('grid.sort', DEFAULT_SORT));
  const keys = parsed.success ? sortKeys(parsed.data).filter((k) => GRID_COLUMN_BY_KEY.has(k.column)) : [];
  return keys.length ? keys : DEFAULT_SORT;
}
