// The one way the open case's summary and part versions change in the renderer: `case.changed`
// events from main (which say what changed), answers that carry a CaseInfo, and changes this window
// just made (the backend does not announce annotation, view and rule-settings changes itself).
import type { CaseInfo, CasePart } from '../../shared/api/contract';
import { api } from '../api/client';
import { useStore } from '../store/store';
import { defaultTimeMode } from '../store/ui-slice';

/** The case summary is `info` and `what` changed: the views showing those parts re-read them. */
export function caseChanged(info: CaseInfo, what: readonly CasePart[]): void {
  const s = useStore.getState();
  s.setCase(info);
  // The case's own zone wins; a case without one shows the zone last chosen on this machine.
  s.setTimeMode(info.timeZone ?? defaultTimeMode());
  s.partsChanged(what);
  tellNotices(info);
}

/** This window changed `what` (and, unless told otherwise, the case now has unsaved changes). */
export function changedHere(what: readonly CasePart[], opts: { dirty?: boolean } = {}): void {
  const s = useStore.getState();
  if (opts.dirty ?? true) s.markDirty();
  s.partsChanged(what);
}

/** Reads the case summary again (dirty flag, sources): only `meta` changed. */
export async function refreshCase(): Promise<void> {
  try {
    caseChanged(await api().call('case.info', {}), ['meta']);
  } catch (err) {
    useStore.getState().notify('error', (err as Error).message);
  }
}

let shownNotices = '';

/** Tells once what opening the case changed (foreign views dropped, a capped title). */
function tellNotices(info: CaseInfo): void {
  const key = JSON.stringify([info.path, info.notices ?? []]);
  if (!info.notices?.length || key === shownNotices) return;
  shownNotices = key;
  const more = info.notices.length > 3 ? ` (and ${info.notices.length - 3} more)` : '';
  useStore.getState().notify('info', `Case file: ${info.notices.slice(0, 3).join('; ')}${more}.`);
}
