// Save the case as a .signinscope file inside a shared folder (browser mode; the desktop app uses
// the native Save dialog from its File menu).
import { useEffect, useState } from 'react';
import { attempt } from '../../actions/attempt';
import { saveCase } from '../../actions/case';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { writeAskingToReplace } from '../common/confirm';
import { canWriteIn, FolderBrowser, joinPath, useFolderListing, WriteHint } from './folder-browser';
import { Modal } from './modal';

const CASE_EXT = '.signinscope';

function defaultName(title: string | undefined): string {
  const base =
    (title ?? 'investigation')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'investigation';
  return `${base}${CASE_EXT}`;
}

export function SaveDialog() {
  const open = useStore((s) => s.saveDialog);
  const title = useStore((s) => s.caseInfo?.title);
  const appInfo = useStore((s) => s.appInfo);
  const folder = useFolderListing();
  const [name, setName] = useState('');
  useEffect(() => {
    if (open) {
      setName(defaultName(title));
      folder.browse();
    }
  }, [open, title, folder.browse]);
  if (!open) return null;

  const close = () => useStore.getState().setSaveDialog(false);
  const dir = folder.listing?.dir ?? null;
  const fileName = name.trim().endsWith(CASE_EXT) ? name.trim() : `${name.trim()}${CASE_EXT}`;
  const valid = dir !== null && canWriteIn(dir, appInfo?.writable ?? []) && name.trim() !== '' && !/[\\/]/.test(name);
  const save = async () => {
    if (!valid) return;
    close();
    const target = joinPath(dir, fileName);
    await attempt(async () => {
      const res = await writeAskingToReplace(target, (overwrite) => saveCase({ path: target, overwrite }));
      if (!res) return useStore.getState().notify('info', `Not saved: ${target} was left as it was.`);
      useStore.getState().notify('info', `Case saved to ${res.path} (${formatCount(res.bytes)} bytes).`);
    });
  };
  return (
    <Modal title="Save case" testId="save-dialog" onClose={close}>
      <FolderBrowser
        {...folder}
        renderFile={(e) => (
          <button className={`od-entry${e.name.endsWith(CASE_EXT) ? '' : ' muted'}`} disabled={!e.name.endsWith(CASE_EXT)} onClick={() => setName(e.name)}>
            <span className="grow">{e.name}</span>
          </button>
        )}
      />
      <WriteHint dir={dir} browse={folder.browse} />
      <footer className="modal-foot">
        <input className="input grow mono" value={name} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void save()} aria-label="File name" data-testid="save-name" />
        <button className="btn primary" disabled={!valid} onClick={() => void save()} data-testid="save-confirm" title={dir === null ? 'Choose a shared folder first' : undefined}>
          Save here
        </button>
      </footer>
    </Modal>
  );
}
