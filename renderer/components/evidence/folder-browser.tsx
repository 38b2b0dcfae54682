// Folder navigation over `fs.list`, shared by the open and save dialogs. The backend lists only the
// locations shared with this session (and what is under them); "Up" stops at a shared root. Shared
// folders are readable; only the output folder (browser mode) or folders chosen to write into
// (desktop) are writable, and the dialogs that write say so before the backend has to refuse.
import { useCallback, useState, type ReactNode } from 'react';
import type { Res } from '../../../shared/api/contract';
import { listFolder, refreshAppInfo } from '../../actions/case';
import { useStore } from '../../store/store';

export type Listing = Res<'fs.list'>;
export type Entry = Listing['entries'][number];

export function useFolderListing() {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const browse = useCallback((dir?: string) => {
    setError(null);
    refreshAppInfo();
    listFolder(dir).then(setListing, (e: Error) => setError(e.message));
  }, []);
  return { listing, error, browse };
}

export function FolderBrowser({ listing, error, browse, renderFile }: ReturnType<typeof useFolderListing> & { renderFile: (entry: Entry) => ReactNode }) {
  const appInfo = useStore((s) => s.appInfo);
  const outputDir = appInfo?.outputDir ?? null;
  const parent = listing?.dir ? parentWithinRoots(listing.dir, appInfo?.roots ?? []) : null;
  const entries = listing?.entries ?? [];
  return (
    <>
      <div className="od-path">
        <button className="btn small" onClick={() => browse()}>
          Shared folders
        </button>
        {outputDir && (
          <button className="btn small" onClick={() => browse(outputDir)} title={`Cases, exports and reports are written here: ${outputDir}`} data-testid="output-folder-button">
            Output folder
          </button>
        )}
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
          <div className="muted pad">
            {listing.dir !== null
              ? 'This folder is empty.'
              : appInfo?.mode === 'electron'
                ? 'Use the File menu (Open Evidence…, Save Case As…) or drop files on the window: the system dialog grants this app access to the files you pick.'
                : 'Nothing is shared with this session. Drop files on the page, or restart with `npm start -- --root DIR` (read) and `--out DIR` (write).'}
          </div>
        )}
        {entries.map((e) =>
          e.isDir ? (
            <button key={e.path} className="od-entry dir" onClick={() => browse(e.path)}>
              <span className="od-icon">▸</span>
              <span className="grow">{e.name}</span>
              {listing?.dir === null && <GrantBadge path={e.path} />}
            </button>
          ) : (
            <div key={e.path}>{renderFile(e)}</div>
          ),
        )}
      </div>
    </>
  );
}

/** How a shared location may be used, shown in the list of shared locations. */
function GrantBadge({ path }: { path: string }) {
  const appInfo = useStore((s) => s.appInfo);
  if (path === appInfo?.outputDir) return <span className="badge ok tiny">output folder · writable</span>;
  if (appInfo?.writable.includes(path)) return <span className="badge ok tiny">writable</span>;
  return <span className="badge muted tiny">read only</span>;
}

/** May files be written into `dir`? The backend has the last word; this only spares a refusal. */
export function canWriteIn(dir: string | null, writable: readonly string[]): boolean {
  return dir !== null && writable.some((w) => insideOrSame(dir, w) && !belowDotName(dir, w));
}

/** Under a write dialog's folder list: where writing goes, or why not here. */
export function WriteHint({ dir, browse }: { dir: string | null; browse?: (dir: string) => void }) {
  const appInfo = useStore((s) => s.appInfo);
  if (!appInfo || dir === null || canWriteIn(dir, appInfo.writable)) return null;
  const out = appInfo.outputDir;
  return (
    <div className="warn small pad od-output" data-testid="write-hint">
      <span>This folder is read only for SigninScope.</span>
      {out ? (
        <>
          <span>
            Write into the output folder <span className="mono">{out}</span>
          </span>
          {browse && (
            <button className="btn small" onClick={() => browse(out)}>
              Go there
            </button>
          )}
        </>
      ) : (
        <span>{appInfo.mode === 'electron' ? 'Use “Choose folder…” to pick where to write.' : 'Restart with --out DIR to choose where to write.'}</span>
      )}
    </div>
  );
}

function insideOrSame(dir: string, root: string): boolean {
  const d = dir.replace(/[\\/]+$/, '');
  const r = root.replace(/[\\/]+$/, '');
  return d === r || d.startsWith(`${r}/`) || d.startsWith(`${r}\\`);
}

function belowDotName(dir: string, root: string): boolean {
  return dir
    .slice(root.replace(/[\\/]+$/, '').length)
    .split(/[\\/]/)
    .some((part) => part.startsWith('.'));
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

/** `dir` + `name` with the separator the folder path already uses. */
export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}
