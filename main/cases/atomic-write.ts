// Crash-safe file replacement: write a sibling temp file, fsync it, rename it over the target, fsync
// the directory. A reader (or a crash at any moment) sees either the old file or the new one, whole.
import { promises as fsp } from 'node:fs';
import path from 'node:path';

export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fsp.open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fsp.rename(tmp, target);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  }
  await syncDirectory(dir);
}

/** Makes a rename or a new file's name durable; a no-op where directories cannot be fsync'ed. */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await fsp.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // some platforms (Windows) cannot fsync a directory; the rename is still atomic there
  }
}
