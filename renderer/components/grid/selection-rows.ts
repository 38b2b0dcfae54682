// Reading the selected rows back from the backend: the selection is ranges of snapshot positions, so
// its rows (or just their record ids) are fetched page by page, never more than a stated bound.
import { LIMITS } from '../../../shared/api/limits';
import { countRows, chunks } from '../../store/row-ranges';
import { selectedOutsideGrid, selectedRanges } from '../../store/selection-slice';
import { useStore } from '../../store/store';
import { fetchPage } from '../../actions/query';

/** Copy as TSV refuses larger selections (the clipboard is not an export). */
export const MAX_COPY_ROWS = 100_000;

export class SelectionTooLarge extends Error {}

export interface SelectedRows {
  rids: number[];
  rows: Array<Array<string | number | null>>;
}

/** The selected rows of the snapshot on screen, in grid order; throws SelectionTooLarge above `max`. */
export async function fetchSelectedRows(columns: readonly string[], max: number, what: string): Promise<SelectedRows> {
  const s = useStore.getState();
  const snapshot = s.snapshot;
  const ranges = selectedRanges(s);
  const count = countRows(ranges);
  if (!snapshot || count === 0) return { rids: [], rows: [] };
  if (count > max) throw new SelectionTooLarge(`${count.toLocaleString('en-US')} rows are selected; ${what} at most ${max.toLocaleString('en-US')} at once.`);
  const out: SelectedRows = { rids: [], rows: [] };
  for (const [from, last] of chunks(ranges, LIMITS.maxPageRows)) {
    const page = await fetchPage({ snapshotId: snapshot.snapshotId, from, count: last - from + 1, columns: [...columns] });
    out.rids.push(...page.rids);
    out.rows.push(...page.rows);
  }
  return out;
}

/**
 * Record ids of the selected sign-ins (bounded: at most `max`, the contract's cap on a rid list by
 * default). For actions on a selection: bulk tag and star, a pivot from the selection.
 */
export async function fetchSelectedRids(max: number = LIMITS.maxRids, what = 'act on'): Promise<number[]> {
  const outside = selectedOutsideGrid(useStore.getState());
  return outside !== null ? [outside] : (await fetchSelectedRows([], max, what)).rids;
}
