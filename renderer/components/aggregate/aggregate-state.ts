// Whether the Sign-ins view shows aggregated groups, and with which time window. Outlives a tab
// switch (the view unmounts when hidden); nothing else reads it, so it is a small store of its own.
import { create } from 'zustand';
import { useStore } from '../../store/store';
import { groupConditions, groupFilter, type AggregateRow, type AggregateWindow } from './group-filter';

interface AggregateViewState {
  /** null: the normal grid. */
  window: AggregateWindow | null;
  setWindow(window: AggregateWindow | null): void;
}

export const useAggregateView = create<AggregateViewState>()((set) => ({
  window: null,
  setWindow: (window) => set({ window }),
}));

/** Shows the group's sign-ins, with all their details, in the normal grid. */
export function expandGroup(window: AggregateWindow, row: AggregateRow): void {
  const store = useStore.getState();
  const narrowed = groupFilter(store.filter, window, row);
  // The filter bar keeps one condition per column: each key column's condition replaces the others.
  for (const c of groupConditions(row)) store.setColumnCondition(c.column, c);
  store.setTimeRange(narrowed.timeFrom, narrowed.timeTo);
  useAggregateView.getState().setWindow(null);
}
