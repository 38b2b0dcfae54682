// Folder navigation over `fs.list`, shared by the open and save dialogs. The backend lists only the
// folders shared with this session (and what is under them); "Up" stops at a shared root.
import { useCallback, useState, type ReactNode } from 'react';
import type { Res } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { useStore } from '../../store/store';

export type Listing = Res<'fs.list'>;
export type Entry = Listing['entries'][number];

export function useFolderListing() {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const browse = useCallback((dir?: string) => {
    setError(null);
    api()
      .call('fs.list', dir ? { dir } : {})
      .then(setListing, (e: Error) => setError(e.message));
  }, []);
  return { listing, error, browse };
}

export function FolderBrowser({ listing, error, browse, renderFile }: ReturnType<typeof useFolderListing> & { renderFile: (entry: Entry) => ReactNode }) {
  const appInfo = useStore((s) => s.appInfo);
  const parent = listing?.dir ? parentWithinRoots(listing.dir, appInfo?.roots ?? []) : null;
  const entries = listing?.entries ?? [];
  return (
    <>
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
          <div className="muted pad">
            {listing.dir !== null
              ? 'This folder is empty.'
              : appInfo?.mode === 'electron'
                ? 'Use the File menu (Open Evidence…, Save Case As…) or drop files on the window: the system dialog grants this app access to the files you pick.'
                : 'No folder is shared with this session. Restart with `npm run serve -- --root DIR` or pass evidence files on the command line.'}
          </div>
        )}
        {entries.map((e) =>
          e.isDir ? (
            <button key={e.path} className="od-entry dir" onClick={() => browse(e.path)}>
              <span className="od-icon">▸</span>
              <span className="grow">{e.name}</span>
            </button>
          ) : (
            <div key={e.path}>{renderFile(e)}</div>
          ),
        )}
      </div>
    </>
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

/** `dir` + `name` with the separator the folder path already uses. */
export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}
