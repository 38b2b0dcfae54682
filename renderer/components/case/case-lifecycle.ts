// New case and Close case: the open case is autosaved (and journaled) by the engine before it is
// replaced; a case with unsaved changes is closed only after the user agreed.
import { attempt } from '../../actions/attempt';
import { newCase } from '../../actions/case';
import { useStore } from '../../store/store';
import { confirmAction } from '../common/confirm';

export type CaseSwitch = 'new' | 'close';

export async function leaveCase(kind: CaseSwitch): Promise<boolean> {
  const s = useStore.getState();
  const info = s.caseInfo;
  if (info?.dirty) {
    const ok = await confirmAction({
      title: kind === 'new' ? 'Start a new case?' : 'Close this case?',
      message: `"${info.title}" has unsaved changes. ${info.path ? `They are autosaved to ${info.path}.` : 'An autosaved copy stays under Recent ▸ unsaved cases; use Save case as… to keep it as a file.'}`,
      confirmLabel: kind === 'new' ? 'New case' : 'Close case',
    });
    if (!ok) return false;
  }
  const opened = await attempt(async () => (await newCase(), true));
  if (!opened) return false;
  s.clearFilters();
  s.notify('info', kind === 'new' ? 'New case: open or drop evidence files to import them.' : `Closed "${info?.title ?? 'the case'}".`);
  return true;
}
