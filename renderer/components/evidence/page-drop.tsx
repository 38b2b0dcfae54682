// Dropping files onto the page in browser mode. A browser page never learns where a dropped file
// lives, so its bytes are sent to main, which writes a read-only copy into the output folder (hashed
// as received, listed in received.json with the original name) and the copy is imported. A dropped
// .signinscope case is copied the same way and opened. The desktop app reads dropped files where
// they are (its preload resolves their paths), so this component stays out of its way.
import { useEffect, useState } from 'react';
import { attempt } from '../../actions/attempt';
import { openCase } from '../../actions/case';
import { formatBytes } from '../../format/numbers';
import { useStore } from '../../store/store';
import { copyDroppedFile, startImport } from '../../actions/imports';
import '../../styles/case-lifecycle.css';

interface Copying {
  name: string;
  index: number;
  files: number;
  done: number;
  size: number;
}

export function PageDrop() {
  const appInfo = useStore((s) => s.appInfo);
  const [hover, setHover] = useState(false);
  const [copying, setCopying] = useState<Copying | null>(null);
  const enabled = appInfo !== null && appInfo !== undefined && appInfo.mode !== 'electron';

  useEffect(() => {
    if (!enabled) return;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setHover(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setHover(false); // left the window
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setHover(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) void copyAndOpen(files, setCopying);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, [enabled]);

  if (!enabled || (!hover && !copying)) return null;
  const out = appInfo?.outputDir;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" role="status">
      <div>
        {copying ? (
          <>
            <strong>
              Copying {copying.name} ({copying.index + 1} of {copying.files})
            </strong>
            <div className="muted">
              {formatBytes(copying.done)} of {formatBytes(copying.size)}
            </div>
          </>
        ) : out ? (
          <>
            <strong>Drop to import</strong>
            <div className="muted">
              The browser does not tell SigninScope where a dropped file is, so a read-only copy is written to <span className="mono">{out}/dropped/</span> (SHA-256 of the bytes received) and the copy
              is imported.
            </div>
          </>
        ) : (
          <strong>Dropped files cannot be imported in this session: it has no output folder.</strong>
        )}
      </div>
    </div>
  );
}

async function copyAndOpen(files: File[], progress: (c: Copying | null) => void): Promise<void> {
  const s = useStore.getState();
  if (!s.appInfo?.outputDir) {
    s.notify('error', 'This session has no output folder to copy dropped files into. Put the files in a folder shared with --root and use Open…');
    return;
  }
  const copies: { path: string; name: string; sha256: string }[] = [];
  try {
    for (const [index, file] of files.entries()) copies.push(await copyDroppedFile(file, (done) => progress({ name: file.name, index, files: files.length, done, size: file.size })));
  } catch (e) {
    s.notify('error', `Copying the dropped file failed: ${(e as Error).message}. Nothing was imported.`);
    return;
  } finally {
    progress(null);
  }
  const where = copies[0]!.path.replace(/[\\/][^\\/]*$/, '');
  s.notify('info', `Copied ${copies.length} dropped file${copies.length === 1 ? '' : 's'} to ${where} (read-only; SHA-256 ${copies.map((c) => `${c.name} ${c.sha256.slice(0, 12)}…`).join(', ')}).`);
  const caseCopy = copies.find((c) => c.name.endsWith('.signinscope'));
  if (caseCopy) {
    await attempt(() => openCase(caseCopy.path));
    return;
  }
  await startImport(copies.map((c) => c.path));
}
