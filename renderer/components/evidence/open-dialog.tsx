// In-app picker over `fs.list` (browser mode has no native dialog; the backend only lists folders
// shared at start): choose evidence files to import, or a .signinscope case to open.
import { useEffect, useState } from 'react';
import type { Res } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { attempt } from '../../app/bootstrap';
import { formatBytes } from '../../format/numbers';
import { useStore } from '../../store/store';

type Listing = Res<'fs.list'>;
const CASE_EXT = '.signinscope';

export function OpenDialog() {
  const open = useStore((s) => s.openDialog);
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);

  const browse = (dir?: string) => {
    setError(null);
    api()
      .call('fs.list', dir ? { dir } : {})
      .then(setListing, (e: Error) => setError(e.message));
  };
  useEffect(() => {
    if (open) {
      setPicked([]);
      browse();
    }
  }, [open]);
  if (!open) return null;

  const close = () => useStore.getState().setOpenDialog(false);
  const entries = listing?.entries ?? [];
  const roots = useStore.getState().appInfo?.roots ?? [];
  const desktop = useStore.getState().appInfo?.mode === 'electron';
  const parent = listing?.dir ? parentWithinRoots(listing.dir, roots) : null;
  const caseFile = picked.length === 1 && picked[0]!.endsWith(CASE_EXT) ? picked[0]! : null;
  const startImport = async () => {
    close();
    const res = await attempt(() => api().call('import.start', { paths: picked }));
    if (res) useStore.getState().startJob(res.jobId);
  };
  const openCase = async (path: string) => {
    close();
    const info = await attempt(() => api().call('case.open', { path }));
    if (info) useStore.getState().setCase(info);
  };
  const toggle = (path: string) => setPicked((p) => (p.includes(path) ? p.filter((x) => x !== path) : [...p, path]));

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="modal" role="dialog" aria-label="Open evidence" data-testid="open-dialog">
        <header className="modal-head">
          <h2>Open evidence or a case</h2>
          <button className="btn icon" onClick={close} aria-label="Close">
            ×
          </button>
        </header>
        <div className="od-path">
          <button className="btn small" onClick={() => browse()}>
            Shared folders
          </button>
          {parent && (
            <button className="btn small" onClick={() => browse(parent)}>
              ↑ Up
            </button>
          )}
          <span className="mono small od-dir">{listing?.dir ?? ''}</span>
        </div>
        <div className="od-list">
          {error && <div className="error pad">{error}</div>}
          {listing && entries.length === 0 && (
            <div className="muted pad">{listing.dir !== null ? 'This folder is empty.' : desktop ? 'Use File ▸ Open Evidence… (Ctrl+O) or drop files on the window: the system dialog grants this app access to the files you pick.' : 'No folder is shared with this session. Restart with `npm run serve -- --root DIR` or pass evidence files on the command line.'}</div>
          )}
          {entries.map((e) =>
            e.isDir ? (
              <button key={e.path} className="od-entry dir" onDoubleClick={() => browse(e.path)} onClick={() => browse(e.path)}>
                <span className="od-icon">▸</span>
                <span className="grow">{e.name}</span>
              </button>
            ) : (
              <label key={e.path} className={`od-entry${picked.includes(e.path) ? ' on' : ''}`} onDoubleClick={() => e.name.endsWith(CASE_EXT) && void openCase(e.path)}>
                <input type="checkbox" checked={picked.includes(e.path)} onChange={() => toggle(e.path)} />
                <span className="grow">{e.name}</span>
                {e.name.endsWith(CASE_EXT) && <span className="badge muted">case</span>}
                <span className="muted small mono">{formatBytes(e.size)}</span>
              </label>
            ),
          )}
        </div>
        <footer className="modal-foot">
          <button className="btn" onClick={() => void attempt(async () => useStore.getState().setCase(await api().call('case.openDemo', {}))).then(close)}>
            Open demo case
          </button>
          <span className="grow" />
          <span className="muted small">{picked.length} selected</span>
          {caseFile ? (
            <button className="btn primary" onClick={() => void openCase(caseFile)}>
              Open case
            </button>
          ) : (
            <button className="btn primary" disabled={picked.length === 0} onClick={() => void startImport()} data-testid="import-selected">
              Import {picked.length || ''} file{picked.length === 1 ? '' : 's'}
            </button>
          )}
        </footer>
      </div>
    </div>
  );
}

/** The parent folder, only while it stays inside a shared root (the backend refuses the rest). */
function parentWithinRoots(dir: string, roots: readonly string[]): string | null {
  const trimmed = dir.replace(/[\\/]+$/, '');
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (i <= 0) return null;
  const parent = trimmed.slice(0, i);
  const inside = roots.some((r) => {
    const root = r.replace(/[\\/]+$/, '');
    return parent === root || parent.startsWith(`${root}/`) || parent.startsWith(`${root}\\`);
  });
  return inside ? parent : null;
}
