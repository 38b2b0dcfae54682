// Keeps the grid's snapshot in step with the filter, the sort and the case's sign-ins (and its marks
// when the filter or sort reads them): one `query.snapshot`
// per change (coalesced), and only the latest answer is kept.
import { takeSnapshot } from '../actions/query';
import type { FilterSpec } from '../../shared/model/filter-spec';
import { isAnnotationColumn } from '../../shared/model/grid-columns';
import { useStore } from '../store/store';
import type { Snapshot } from '../store/grid-slice';
import type { Store } from '../store/types';

/** Tags and stars change without a new case version: a filter or sort on them must re-run. */
function readsMarks(s: Store): boolean {
  return !!s.filter.tags?.length || s.filter.conditions.some((c) => isAnnotationColumn(c.column)) || s.sort.some((k) => isAnnotationColumn(k.column));
}

/**
 * A new snapshot starts without a cursor. The cursor goes first: whoever waits for the new snapshot
 * (a jump to a sign-in, "same correlation ID") then places it in the new rows.
 */
function show(filter: FilterSpec, snapshot: Snapshot | null, error: string | null = null): void {
  const s = useStore.getState();
  s.deselect();
  s.setSnapshot(snapshot, error, filter);
}

export function startSnapshotSync(): () => void {
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = async () => {
    const { filter, sort } = useStore.getState();
    const mine = ++seq;
    try {
      const snapshot = await takeSnapshot({ filter, sort });
      if (mine === seq) show(filter, snapshot);
    } catch (err) {
      if (mine === seq) show(filter, null, (err as Error).message);
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, 30);
  };

  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.filter !== prev.filter || s.sort !== prev.sort || s.changes.signins !== prev.changes.signins) schedule();
    else if (s.changes.annotations !== prev.changes.annotations && readsMarks(s)) schedule();
  });
  schedule();
  return unsubscribe;
}
