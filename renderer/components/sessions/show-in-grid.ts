// "Show in grid": the filter becomes exactly these correlation ids (every row of the sessions,
// whatever else was filtered) and the Sign-ins tab opens; the timeline follows the filter.
import { LIMITS } from '../../../shared/api/limits';
import { useStore } from '../../store/store';

export function showCorrelationIdsInGrid(correlationIds: readonly string[]): void {
  const ids = [...new Set(correlationIds)].slice(0, LIMITS.maxValues);
  if (ids.length === 0) return;
  const store = useStore.getState();
  store.clearFilters();
  store.setColumnCondition('correlation_id', { column: 'correlation_id', op: 'in', values: ids });
  store.setView('signins');
}
