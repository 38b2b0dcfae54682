// Where an export or report is written: a folder shared with this session (fs.list) and a file name.
// The desktop app adds a native folder dialog (app.command chooseFolder) that also grants the folder;
// the backend's path policy has the last word.
import { useEffect } from 'react';
import { shellCommand } from '../../actions/case';
import { formatBytes } from '../../format/numbers';
import { useStore } from '../../store/store';
import { canWriteIn, FolderBrowser, joinPath, useFolderListing, WriteHint } from '../evidence/folder-browser';

export type FolderListing = ReturnType<typeof useFolderListing>;

export function useFileTarget(): FolderListing {
  const folder = useFolderListing();
  useEffect(() => folder.browse(), [folder.browse]);
  return folder;
}

/** A plain file name (no folder part, no leading dot), or why not. */
export function fileNameProblem(name: string): string | null {
  const n = name.trim();
  if (n === '') return 'Name the file.';
  if (/[\\/]/.test(n)) return 'A file name only: choose the folder above.';
  if (n.startsWith('.')) return 'The name cannot start with a dot.';
  if (/[\u0000-\u001f<>:"|?*]/.test(n)) return 'The name has characters a file name cannot hold.';
  return null;
}

/** The file to write, or null while the name is wrong or the folder is not writable. */
export function targetPath(folder: FolderListing, name: string, writable: readonly string[]): string | null {
  const dir = folder.listing?.dir ?? null;
  return dir === null || !canWriteIn(dir, writable) || fileNameProblem(name) ? null : joinPath(dir, name.trim());
}

export function FileTarget({ folder, name, onName, testId }: { folder: FolderListing; name: string; onName(name: string): void; testId: string }) {
  const desktop = useStore((s) => s.appInfo?.mode === 'electron');
  const dir = folder.listing?.dir ?? null;
  const exists = folder.listing?.entries.some((e) => !e.isDir && e.name === name.trim());
  const problem = fileNameProblem(name);
  const chooseFolder = () =>
    void shellCommand('chooseFolder').then(
      (r) => r.path && folder.browse(r.path),
      (e: Error) => useStore.getState().notify('error', e.message),
    );
  return (
    <div className="file-target">
      {desktop && (
        <button className="btn small" onClick={chooseFolder} data-testid={`${testId}-choose-folder`}>
          Choose folder…
        </button>
      )}
      <FolderBrowser
        {...folder}
        renderFile={(e) => (
          <button className={`od-entry${e.name === name.trim() ? ' on' : ''}`} onClick={() => onName(e.name)} title="Use this name (the file will be replaced)">
            <span className="grow">{e.name}</span>
            <span className="muted small mono">{formatBytes(e.size)}</span>
          </button>
        )}
      />
      <WriteHint dir={dir} browse={folder.browse} />
      <div className="ft-name">
        <label className="muted small" htmlFor={`${testId}-name`}>
          File name
        </label>
        <input id={`${testId}-name`} className={`input grow mono${name && problem ? ' invalid' : ''}`} value={name} onChange={(e) => onName(e.target.value)} data-testid={`${testId}-name`} />
      </div>
      <div className="ft-hint small">
        {dir === null ? (
          <span className="warn">{desktop ? 'Choose a folder to write into.' : 'Open the output folder above.'}</span>
        ) : problem && name ? (
          <span className="error">{problem}</span>
        ) : exists ? (
          <span className="warn">{name.trim()} exists in this folder: you will be asked before it is replaced.</span>
        ) : (
          <span className="muted mono">{joinPath(dir, name.trim() || '…')}</span>
        )}
      </div>
    </div>
  );
}
