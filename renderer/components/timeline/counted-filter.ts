// Charts follow the grid's count. The engine answers one request at a time, so a chart asked for as
// soon as the filter changes (the grid's snapshot waits 30 ms to coalesce changes) would be computed
// first and the count, what a search or a filter change is waited on, behind it. A chart therefore
// asks for the current filter once the grid has its answer for it (a count or an error); until then
// it keeps showing its previous answer.
import type { FilterSpec } from '../../../shared/model/filter-spec';
import { useStore } from '../../store/store';
import type { Store } from '../../store/types';

/** The current filter once the grid's snapshot answers it, else null. */
export function countedFilter(s: Pick<Store, 'filter' | 'snapshotFilter'>): FilterSpec | null {
  return s.snapshotFilter === s.filter ? s.filter : null;
}

export function useCountedFilter(): FilterSpec | null {
  return useStore(countedFilter);
}
