// Bulk tag and star on the grid's selection. Every row of the filter selected (Ctrl+A) is tagged as
// the filter itself (no list of ids, any size up to the bulk cap); otherwise the selection's record
// ids are fetched (at most the contract's cap on a rid list) and sent as one change.
import { LIMITS } from '../../../shared/api/limits';
import { starRows } from '../../actions/annotations';
import { attempt } from '../../actions/attempt';
import { formatCount } from '../../format/numbers';
import { allRowsSelected } from '../../store/selection-slice';
import { useStore } from '../../store/store';
import { fetchSelectedRids, SelectionTooLarge } from '../grid/selection-rows';
import type { BulkScope } from './bulk-tag-dialog';

/** What "Tag selection" tags; null (with a notice) when the selection is too large for a rid list. */
export async function selectionTagScope(): Promise<BulkScope | null> {
  const s = useStore.getState();
  if (allRowsSelected(s) && s.snapshot) return { kind: 'filter', filter: s.filter, count: s.snapshot.matching };
  const rids = await selectionRids('tag');
  return rids && rids.length ? { kind: 'selection', rids } : null;
}

export function starSelection(starred: boolean): Promise<void> {
  return attempt(async () => {
    const rids = await selectionRids(starred ? 'star' : 'unstar');
    if (!rids?.length) return;
    const res = await starRows(rids, starred);
    useStore.getState().notify('info', `${starred ? 'Starred' : 'Unstarred'} ${formatCount(res.matched)} sign-in${res.matched === 1 ? '' : 's'} (${formatCount(res.changed)} changed).`);
  });
}

async function selectionRids(verb: string): Promise<number[] | null> {
  try {
    return await fetchSelectedRids(LIMITS.maxRids, verb);
  } catch (err) {
    if (!(err instanceof SelectionTooLarge)) throw err;
    useStore.getState().notify('error', `${err.message} Narrow the filter${verb === 'tag' ? ', or select every row (Ctrl+A) to tag the whole filter' : ''}.`);
    return null;
  }
}
