// Moves that change the filter and the view (and the cursor) together: slices never write each
// other's state, so what spans them is coordinated here.
import type { SavedView } from '../../shared/model/annotation';
import { sortKeys, type FilterSpec } from '../../shared/model/filter-spec';
import { useStore } from '../store/store';

/** The grid shows exactly these sign-ins (other filters are dropped) and the Sign-ins tab opens. */
export function showRidsInGrid(rids: number[], label: string): void {
  const s = useStore.getState();
  s.showRids(rids, label);
  s.setView('signins');
}

/** Replaces the filter with a pivot named by `label`; the cursor leaves the old rows and the Sign-ins tab opens. */
export function applyPivotFilter(filter: FilterSpec, label: string): void {
  const s = useStore.getState();
  s.applyPivot(filter, label);
  s.deselect();
  s.setView('signins');
}

/** Puts a saved view's filter, sort and columns back and shows the grid. */
export function applySavedView(view: SavedView): void {
  const s = useStore.getState();
  s.replaceFilter(view.filter);
  s.setSort(sortKeys(view.sort));
  s.setColumns(view.columns);
  s.setView('signins');
}
