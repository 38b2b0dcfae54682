// The grid's cursor (the focused row, whose details are shown), the multi-row selection around it as
// ranges of positions in the current snapshot (a million selected rows is one range), and the focused
// column. The snapshot itself is the grid slice's: this slice only reads it.
import { clip, countRows, span, toggle, union, type RowRange } from './row-ranges';
import type { SliceCreator, Store } from './types';

export interface RowSelection {
  snapshotId: number;
  ranges: RowRange[];
  /** Where Shift-click and Shift+arrows extend from. */
  anchor: number;
}

/** How a click or key changes the selection: Timeline Explorer's (and Explorer's) conventions. */
export type SelectMode = 'only' | 'extend' | 'toggle' | 'addExtend';

export interface SelectionSlice {
  /** Position in the snapshot and the record id behind it (index -1: a sign-in outside the grid). */
  selected: { index: number; rid: number | null } | null;
  rowSelection: RowSelection | null;
  /** Index (among the visible columns) of the focused cell. */
  focusColumn: number;
  /** Moves the cursor to `index` and changes the selection as `mode` says. */
  selectRow(index: number, rid: number | null, mode: SelectMode): void;
  selectAllRows(): void;
  /** Deselects every row; the cursor stays where it is. */
  clearSelection(): void;
  setFocusColumn(index: number): void;
  /** Moves the cursor without changing which rows are selected. */
  select(index: number, rid: number | null): void;
  /** No sign-in under the cursor (a new snapshot is coming). */
  deselect(): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selected: null,
  rowSelection: null,
  focusColumn: 0,
  selectRow: (index, rid, mode) => {
    const s = get();
    if (!s.snapshot) return;
    const current = currentSelection(s);
    const anchor = current?.anchor ?? s.selected?.index ?? index;
    const ranges = current?.ranges ?? [];
    let next: RowSelection;
    switch (mode) {
      case 'only':
        next = { snapshotId: s.snapshot.snapshotId, ranges: [[index, index]], anchor: index };
        break;
      case 'extend':
        next = { snapshotId: s.snapshot.snapshotId, ranges: [span(anchor, index)], anchor };
        break;
      case 'addExtend':
        next = { snapshotId: s.snapshot.snapshotId, ranges: union(ranges, span(anchor, index)), anchor };
        break;
      case 'toggle':
        next = { snapshotId: s.snapshot.snapshotId, ranges: toggle(current ? ranges : cursorRanges(s), index), anchor: index };
        break;
    }
    next.ranges = clip(next.ranges, s.snapshot.matching);
    set({ rowSelection: next, selected: { index, rid } });
  },
  selectAllRows: () => {
    const s = get();
    if (!s.snapshot || s.snapshot.matching === 0) return;
    set({ rowSelection: { snapshotId: s.snapshot.snapshotId, ranges: [[0, s.snapshot.matching - 1]], anchor: s.selected?.index ?? 0 } });
  },
  clearSelection: () => {
    const s = get();
    if (s.snapshot) set({ rowSelection: { snapshotId: s.snapshot.snapshotId, ranges: [], anchor: s.selected?.index ?? 0 } });
  },
  setFocusColumn: (focusColumn) => set({ focusColumn }),
  select: (index, rid) => set({ selected: { index, rid } }),
  deselect: () => set({ selected: null }),
});

/** The selection if it belongs to the snapshot on screen (a new filter or sort starts afresh). */
function currentSelection(s: Store): RowSelection | null {
  return s.rowSelection && s.snapshot && s.rowSelection.snapshotId === s.snapshot.snapshotId ? s.rowSelection : null;
}

function cursorRanges(s: Store): RowRange[] {
  return s.selected && s.selected.index >= 0 ? [[s.selected.index, s.selected.index]] : [];
}

/** A sign-in selected where it has no position in the snapshot (the grouped grid): its record id. */
export function selectedOutsideGrid(s: Store): number | null {
  return s.selected && s.selected.index < 0 ? s.selected.rid : null;
}

/**
 * The selected positions of the snapshot on screen. Until the analyst selects in this snapshot, the
 * cursor row (set by any view: a jump to an annotated sign-in, the first row after a pivot) is the
 * selection.
 */
export function selectedRanges(s: Store): readonly RowRange[] {
  return currentSelection(s)?.ranges ?? cursorRanges(s);
}

export function selectedRowCount(s: Store): number {
  return countRows(selectedRanges(s)) || (selectedOutsideGrid(s) !== null ? 1 : 0);
}

/** True when every row of the snapshot is selected (bulk actions then act on the filter itself). */
export function allRowsSelected(s: Store): boolean {
  const ranges = selectedRanges(s);
  return !!s.snapshot && s.snapshot.matching > 0 && ranges.length === 1 && ranges[0]![0] === 0 && ranges[0]![1] === s.snapshot.matching - 1;
}
