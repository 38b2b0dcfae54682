// State of the Sessions view that outlives a tab switch (the view unmounts when hidden): sort,
// flag filter, linked-group filter and the open session. Nothing else reads it, so it is a small
// store of its own rather than a slice of the workbench store.
import { create } from 'zustand';
import type { SessionFlag, SessionSortColumn } from '../../../shared/model/session';
import { loadPref, savePref } from '../../store/prefs';

export interface SessionSort {
  column: SessionSortColumn;
  dir: 'asc' | 'desc';
}

interface SessionViewState {
  sort: SessionSort;
  flags: SessionFlag[];
  linkedGroup: number | null;
  /** sessionNo of the session shown in the side panel. */
  selected: number | null;
  toggleSort(column: SessionSortColumn): void;
  toggleFlag(flag: SessionFlag): void;
  setLinkedGroup(group: number | null): void;
  select(sessionNo: number | null): void;
}

const DEFAULT_SORT: SessionSort = { column: 'firstMs', dir: 'desc' };
/** Text columns read best A→Z first; times and counts biggest first. */
const ASC_FIRST = new Set<SessionSortColumn>(['user', 'finalStatus', 'correlationId']);

export const useSessionView = create<SessionViewState>()((set, get) => ({
  sort: loadPref<SessionSort>('sessions.sort', DEFAULT_SORT),
  flags: [],
  linkedGroup: null,
  selected: null,
  toggleSort: (column) => {
    const { sort } = get();
    const next: SessionSort = sort.column === column ? { column, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { column, dir: ASC_FIRST.has(column) ? 'asc' : 'desc' };
    set({ sort: next });
    savePref('sessions.sort', next);
  },
  toggleFlag: (flag) => set((s) => ({ flags: s.flags.includes(flag) ? s.flags.filter((f) => f !== flag) : [...s.flags, flag] })),
  setLinkedGroup: (linkedGroup) => set({ linkedGroup }),
  select: (selected) => set({ selected }),
}));
