// "Evidence missing or changed": the Raw view reads an evidence file back only while its size and
// SHA-256 match the case's manifest. Locate… points the case at the file's new place (browsed in
// the shared folders, or picked in the desktop app's file dialog); the backend accepts it only when
// size and SHA-256 match.
import { useState } from 'react';
import { attempt } from '../../actions/attempt';
import { locateEvidence, shellCommand } from '../../actions/case';
import { formatBytes } from '../../format/numbers';
import { useStore } from '../../store/store';
import { FolderBrowser, useFolderListing } from '../evidence/folder-browser';

export function LocateEvidence({ sourceId, note }: { sourceId: number; note: string | null }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const desktop = useStore((s) => s.appInfo?.mode === 'electron');
  const source = useStore((s) => s.caseInfo?.sources.find((x) => x.id === sourceId) ?? null);
  const folder = useFolderListing();
  const locate = async (path: string) => {
    setBusy(true);
    const located = await attempt(async () => (await locateEvidence(sourceId, path), true)); // same rows: the grid and the selection stay
    setBusy(false);
    if (!located) return;
    setOpen(false);
    useStore.getState().notify('info', `Evidence file located: ${path} (size and SHA-256 match the manifest).`);
  };
  const start = async () => {
    if (desktop) {
      // The system dialog grants read access to the one file picked (not its folder, not for writing).
      const picked = await attempt(() => shellCommand('locateEvidence'));
      if (picked?.path) await locate(picked.path);
      return;
    }
    setOpen(true);
    folder.browse();
  };
  return (
    <div className="callout small locate" data-testid="evidence-missing">
      <div className="locate-head">
        <strong className="grow">Evidence missing or changed</strong>
        <button className="btn small" onClick={() => void start()} disabled={busy} data-testid="locate-evidence">
          Locate…
        </button>
      </div>
      {note && <div className="locate-note">{note.replace(/^evidence missing or changed: /, '')}</div>}
      {source && (
        <div className="muted locate-note">
          Expected {source.fileName}
          {source.size !== null ? `, ${formatBytes(source.size)}` : ''}
          {source.sha256 ? `, SHA-256 ${source.sha256}` : ''}
        </div>
      )}
      {open && (
        <div className="locate-browser" data-testid="locate-browser">
          <FolderBrowser
            {...folder}
            renderFile={(e) => (
              <button className="od-entry" disabled={busy} onClick={() => void locate(e.path)} title="Use this file if its size and SHA-256 match">
                <span className="grow">{e.name}</span>
                <span className="muted small mono">{formatBytes(e.size)}</span>
              </button>
            )}
          />
        </div>
      )}
    </div>
  );
}
