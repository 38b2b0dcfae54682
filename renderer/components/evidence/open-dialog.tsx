// In-app picker over `fs.list` (browser mode has no native dialog): choose evidence files to
// import, or a .signinscope case to open.
import { useEffect, useState } from 'react';
import { attempt } from '../../actions/attempt';
import { openCase as openCaseFile, openDemo as openDemoCase } from '../../actions/case';
import { formatBytes } from '../../format/numbers';
import { useStore } from '../../store/store';
import { FolderBrowser, useFolderListing } from './folder-browser';
import { Modal } from './modal';
import { startImport } from '../../actions/imports';
import { EMPTY_FILTER_FIELDS, filterOfFields, ImportFilterFields } from './import-filter-fields';

const CASE_EXT = '.signinscope';

export function OpenDialog() {
  const open = useStore((s) => s.openDialog);
  const folder = useFolderListing();
  const [picked, setPicked] = useState<string[]>([]);
  const [filterFields, setFilterFields] = useState(EMPTY_FILTER_FIELDS);
  const triage = filterOfFields(filterFields);
  useEffect(() => {
    if (open) {
      setPicked([]);
      setFilterFields(EMPTY_FILTER_FIELDS); // a partial import is chosen afresh every time
      folder.browse();
    }
  }, [open, folder.browse]);
  if (!open) return null;

  const close = () => useStore.getState().setOpenDialog(false);
  const caseFile = picked.length === 1 && picked[0]!.endsWith(CASE_EXT) ? picked[0]! : null;
  const importPicked = async () => {
    if ('error' in triage) return;
    close();
    await startImport(picked, triage.filter);
  };
  const openCase = async (path: string) => {
    close();
    await attempt(() => openCaseFile(path));
  };
  const openDemo = async () => {
    close();
    await attempt(openDemoCase);
  };
  const toggle = (path: string) => setPicked((p) => (p.includes(path) ? p.filter((x) => x !== path) : [...p, path]));

  return (
    <Modal title="Open evidence or a case" testId="open-dialog" onClose={close}>
      <FolderBrowser
        {...folder}
        renderFile={(e) => (
          <label className={`od-entry${picked.includes(e.path) ? ' on' : ''}`} onDoubleClick={() => e.name.endsWith(CASE_EXT) && void openCase(e.path)}>
            <input type="checkbox" checked={picked.includes(e.path)} onChange={() => toggle(e.path)} />
            <span className="grow">{e.name}</span>
            {e.name.endsWith(CASE_EXT) && <span className="badge muted">case</span>}
            <span className="muted small mono">{formatBytes(e.size)}</span>
          </label>
        )}
      />
      {!caseFile && <ImportFilterFields value={filterFields} onChange={setFilterFields} />}
      <footer className="modal-foot">
        <button className="btn" onClick={() => void openDemo()}>
          Open demo case
        </button>
        <span className="grow" />
        <span className="muted small">{picked.length} selected</span>
        {caseFile ? (
          <button className="btn primary" onClick={() => void openCase(caseFile)}>
            Open case
          </button>
        ) : (
          <button className="btn primary" disabled={picked.length === 0 || 'error' in triage} onClick={() => void importPicked()} data-testid="import-selected">
            {'filter' in triage && triage.filter ? 'Import matching sign-ins of' : 'Import'} {picked.length || ''} file{picked.length === 1 ? '' : 's'}
          </button>
        )}
      </footer>
    </Modal>
  );
}
