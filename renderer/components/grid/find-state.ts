// Find in the grid (Ctrl+F): the text, the match count and the current match. Stepping asks the
// backend for the next / previous matching position of the snapshot on screen (query.find) and
// moves the cursor there; the filter is never touched.
import { create } from 'zustand';
import type { Res } from '../../../shared/api/contract';
import { COLUMN_BY_KEY } from '../../../shared/model/columns';
import { findableColumn } from '../../../shared/model/find';
import { useStore } from '../../store/store';
import { findInSnapshot } from '../../actions/query';

type FindResult = Res<'query.find'>;

interface FindState {
  open: boolean;
  text: string;
  /** The answer for `text` on the snapshot on screen (null while none has arrived). */
  result: FindResult | null;
  busy: boolean;
  error: string | null;
  /** Bumped to ask the find box to take the focus (Ctrl+F when it is already open). */
  focusToken: number;
  show(): void;
  close(): void;
  setText(text: string): void;
}

export const useFind = create<FindState>()((set) => ({
  open: false,
  text: '',
  result: null,
  busy: false,
  error: null,
  focusToken: 0,
  show: () => set((s) => ({ open: true, focusToken: s.focusToken + 1 })),
  close: () => set({ open: false, result: null, busy: false, error: null }),
  setText: (text) => set({ text, result: null, error: null }),
}));

/** Visible columns that Find searches (time and yes/no columns are shown formatted, so not searched). */
export function findColumns(columns: readonly string[]): string[] {
  return columns.filter((c) => {
    const def = COLUMN_BY_KEY.get(c);
    return def !== undefined && findableColumn(def);
  });
}

let seq = 0;

/**
 * Steps to the next or previous match from the cursor. `fromStart` searches from just before the
 * cursor (a new text, or a new filter): the cursor row itself counts when it matches.
 */
export async function findStep(dir: 'next' | 'prev', fromStart = false): Promise<void> {
  const { text } = useFind.getState();
  const s = useStore.getState();
  const columns = findColumns(s.columns);
  if (!text.trim() || !s.snapshot) return;
  if (columns.length === 0) {
    useFind.setState({ result: null, error: 'None of the shown columns can be searched.' });
    return;
  }
  const mine = ++seq;
  const cursor = s.selected?.index ?? -1;
  const from = fromStart ? Math.max(-1, cursor - 1) : cursor;
  useFind.setState({ busy: true });
  try {
    const result = await findInSnapshot({ snapshotId: s.snapshot.snapshotId, text: text.trim(), columns, from, dir });
    if (mine !== seq) return;
    useFind.setState({ result, busy: false, error: null });
    if (result.position !== null) useStore.getState().selectRow(result.position, null, 'only');
  } catch (err) {
    if (mine === seq) useFind.setState({ busy: false, error: (err as Error).message });
  }
}
