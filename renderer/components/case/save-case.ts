// Saving the case from the keyboard (browser mode; the desktop menu owns Ctrl+S there): in place when
// it has a file, else through the in-app Save dialog.
import { api } from '../../api/client';
import { attempt } from '../../app/bootstrap';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';

export async function saveCase(saveAs: boolean): Promise<void> {
  const s = useStore.getState();
  if (saveAs || !s.caseInfo?.path) {
    s.setSaveDialog(true);
    return;
  }
  await attempt(async () => {
    const res = await api().call('case.save', {});
    s.notify('info', `Case saved to ${res.path} (${formatCount(res.bytes)} bytes).`);
    s.setCase(await api().call('case.info', {}));
  });
}
