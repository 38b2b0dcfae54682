// From an annotation to what it is about: a sign-in (selected in the grid), every sign-in of a user,
// IP or session, or a finding in the Detections tab.
import type { AnnotationTarget } from '../../../shared/model/annotation';
import { EMPTY_FILTER } from '../../../shared/model/filter-spec';
import { showRidsInGrid } from '../../actions/navigate';
import { fetchFacets } from '../../actions/query';
import { useStore } from '../../store/store';
import { useDetectionsView } from '../detections/detections-state';

const COLUMN_OF = { user: 'user_principal_name', ip: 'ip_address', session: 'correlation_id' } as const;

export async function jumpToTarget(target: AnnotationTarget): Promise<void> {
  const s = useStore.getState();
  if (target.type === 'signin') {
    selectWhenShown(target.rid);
    showRidsInGrid([target.rid], `sign-in #${target.rid}`);
    return;
  }
  if (target.type === 'finding') {
    useDetectionsView.setState({ mode: 'findings', minSeverity: 'informational', ruleFilter: null });
    s.selectFinding(Number(target.key));
    s.setView('detections');
    return;
  }
  const column = COLUMN_OF[target.type];
  const values = target.type === 'user' ? await spellingsOf(target.key) : [target.key];
  s.clearFilters();
  s.setColumnCondition(column, { column, op: 'in', values });
  s.setView('signins');
}

/** User keys are stored lower-cased: find how the logs spell that account. */
async function spellingsOf(key: string): Promise<string[]> {
  const res = await fetchFacets({ filter: EMPTY_FILTER, column: 'user_principal_name', search: key, limit: 50 });
  const found = res.values.map((v) => String(v.value ?? '')).filter((v) => v.toLowerCase() === key);
  return found.length ? found : [key];
}

/** Selects the row once the grid's snapshot holds it (the filter change resets the selection). */
function selectWhenShown(rid: number): void {
  const unsubscribe = useStore.subscribe((state, prev) => {
    if (state.snapshot === prev.snapshot || !state.snapshot) return;
    unsubscribe();
    if (state.snapshot.matching > 0) state.select(0, rid);
  });
  setTimeout(unsubscribe, 15_000);
}
