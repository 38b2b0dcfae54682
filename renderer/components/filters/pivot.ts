// One click from a lead to "every sign-in of these users or these IPs from T onwards": a finding, the
// selected sign-ins, or a session becomes an ordinary filter (FilterSpec.anyOf + timeFrom) that
// the filter bar shows as chips in every view and that composes with any other filter.
import { pivotFilter, type PivotScope } from '../../../shared/model/pivot';
import { LIMITS } from '../../../shared/api/limits';
import { attempt } from '../../actions/attempt';
import { applyPivotFilter } from '../../actions/navigate';
import { scopeOf } from '../../actions/query';
import { allRowsSelected } from '../../store/selection-slice';
import { fetchSelectedRids, SelectionTooLarge } from '../grid/selection-rows';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';

type Lead = Pick<PivotScope, 'users' | 'ips' | 'timeFrom'> & Partial<Pick<PivotScope, 'usersLeftOut' | 'ipsLeftOut'>>;

export function pivotTo(lead: Lead, label: string): void {
  const s = useStore.getState();
  if (!lead.users.length && !lead.ips.length) {
    s.notify('info', `${label} has no user or IP address to pivot on.`);
    return;
  }
  applyPivotFilter(pivotFilter(lead), label);
  const leftOut = (lead.usersLeftOut ?? 0) + (lead.ipsLeftOut ?? 0);
  if (leftOut > 0) s.notify('info', `The pivot lists the most frequent users and IPs: ${formatCount(leftOut)} less frequent ones are left out.`);
}

/** Pivot from sign-ins picked by rid. */
export async function pivotFromRids(rids: readonly number[]): Promise<void> {
  if (!rids.length) return;
  const scope = await scopeOf({ conditions: [], rids: [...rids] });
  pivotTo(scope, rids.length === 1 ? 'the selected sign-in' : `${formatCount(rids.length)} selected sign-ins`);
}

/** Pivot from the grid's selection (every row of the filter when all are selected). */
export function pivotSelection(): Promise<void> {
  return attempt(async () => {
    const s = useStore.getState();
    if (allRowsSelected(s)) {
      pivotTo(await scopeOf(s.filter), 'every sign-in of the previous filter');
      return;
    }
    try {
      await pivotFromRids(await fetchSelectedRids(LIMITS.maxRids, 'pivot from'));
    } catch (err) {
      if (!(err instanceof SelectionTooLarge)) throw err;
      s.notify('error', `${err.message} Narrow the filter, or select every row (Ctrl+A) to pivot from the whole filter.`);
    }
  });
}
