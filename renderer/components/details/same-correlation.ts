// "Same correlation ID": the grid narrows to the sign-in's session, the selected sign-in stays
// selected (found again in the new snapshot), and the timeline zooms to the session's span.
import type { FilterSpec } from '../../../shared/model/filter-spec';
import { fetchPage, scopeOf } from '../../actions/query';
import { useStore } from '../../store/store';

const CONDITION_COLUMN = 'correlation_id';
/** The session's span padded on both sides (at least a minute), so its first and last bars show. */
const MIN_SPAN_MS = 60_000;

export async function showSameCorrelation(correlationId: string, rid: number): Promise<void> {
  const session: FilterSpec = { conditions: [{ column: CONDITION_COLUMN, op: 'eq', values: [correlationId] }] };
  const scope = await scopeOf(session);
  const s = useStore.getState();
  reselectWhenShown(rid);
  s.setColumnCondition(CONDITION_COLUMN, session.conditions[0]!);
  if (scope.timeFrom !== null && scope.timeTo !== null) {
    const pad = Math.max(MIN_SPAN_MS, scope.timeTo - scope.timeFrom) / 10;
    s.setTimeRange(scope.timeFrom - pad, scope.timeTo + pad + 1);
  }
}

/** Once the grid's new snapshot arrives, selects `rid` at its position there (a session is a few rows). */
function reselectWhenShown(rid: number): void {
  const unsubscribe = useStore.subscribe((state, prev) => {
    if (state.snapshot === prev.snapshot || !state.snapshot) return;
    unsubscribe();
    const { snapshotId, matching } = state.snapshot;
    if (matching === 0) return;
    void fetchPage({ snapshotId, from: 0, count: Math.min(matching, 1000), columns: ['id'] }).then(({ rids }) => {
      const index = rids.indexOf(rid);
      const now = useStore.getState();
      if (index >= 0 && now.snapshot?.snapshotId === snapshotId) now.select(index, rid);
    });
  });
  setTimeout(unsubscribe, 15_000);
}
