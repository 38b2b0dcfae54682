// Saving the case from the keyboard (browser mode; the desktop menu owns Ctrl+S there): in place when
// it has a file, else through the in-app Save dialog.
import { attempt } from '../../actions/attempt';
import { saveCase as saveInPlace } from '../../actions/case';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';

export async function saveCase(saveAs: boolean): Promise<void> {
  const s = useStore.getState();
  if (saveAs || !s.caseInfo?.path) {
    s.setSaveDialog(true);
    return;
  }
  await attempt(async () => {
    const res = await saveInPlace();
    s.notify('info', `Case saved to ${res.path} (${formatCount(res.bytes)} bytes).`);
  });
}
