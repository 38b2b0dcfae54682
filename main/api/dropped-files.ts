// Browser mode's answer to files dropped on the page (which carry no path): their bytes arrive in
// order over the socket and are written to a hidden partial file in the output folder while being
// hashed; on finish the size is checked, the copy is made read-only and given its original name in
// `dropped/<time>/`, and a `received.json` beside it records what each copy is. The copy is what
// gets imported; the page never names a path, so nothing outside the output folder is touched.
import { createHash, randomUUID, type Hash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { DROP_CHUNK_BYTES } from '../../shared/model/dropped-file';
import { AppError } from '../../shared/errors';

interface Upload {
  name: string;
  size: number;
  lastModified: number | null;
  dir: string;
  partial: string;
  handle: fsp.FileHandle;
  hash: Hash;
  received: number;
}

const MAX_OPEN = 16;

export class DroppedFiles {
  private readonly uploads = new Map<string, Upload>();
  private folder: string | null = null;

  constructor(private readonly outputDir: string | null) {}

  async begin(req: { name: string; size: number; lastModified?: number | undefined }): Promise<{ id: string }> {
    if (!this.outputDir) throw new AppError('NOT_FOUND', 'dropped files are copied only in browser mode (the desktop app reads them where they are)');
    if (this.uploads.size >= MAX_OPEN) throw new AppError('BUSY', 'too many dropped files are being copied at once');
    const dir = await this.dropFolder();
    const id = randomUUID();
    const partial = path.join(dir, `.${id}.partial`);
    const handle = await fsp.open(partial, 'wx', 0o600);
    this.uploads.set(id, { name: safeName(req.name), size: req.size, lastModified: req.lastModified ?? null, dir, partial, handle, hash: createHash('sha256'), received: 0 });
    return { id };
  }

  async chunk(req: { id: string; offset: number; data: string }): Promise<{ received: number }> {
    const u = this.upload(req.id);
    if (req.offset !== u.received) throw new AppError('INVALID_INPUT', `chunk at byte ${req.offset}, expected ${u.received}`);
    const bytes = Buffer.from(req.data, 'base64');
    if (bytes.length > DROP_CHUNK_BYTES || u.received + bytes.length > u.size) {
      await this.abort({ id: req.id });
      throw new AppError('INVALID_INPUT', `${u.name}: more bytes than announced (${u.size})`);
    }
    await u.handle.write(bytes);
    u.hash.update(bytes);
    u.received += bytes.length;
    return { received: u.received };
  }

  async finish(req: { id: string }): Promise<{ path: string; name: string; bytes: number; sha256: string }> {
    const u = this.upload(req.id);
    this.uploads.delete(req.id);
    try {
      if (u.received !== u.size) throw new AppError('INVALID_INPUT', `${u.name}: received ${u.received} of ${u.size} bytes`);
      await u.handle.sync();
      await u.handle.chmod(0o444); // a copy of evidence is evidence: read-only
      await u.handle.close();
      const target = await freeName(u.dir, u.name);
      await fsp.link(u.partial, target); // never replaces anything (fails if the name is taken)
      await fsp.rm(u.partial);
      const sha256 = u.hash.digest('hex');
      await this.record(u.dir, {
        name: path.basename(target),
        originalName: u.name,
        bytes: u.size,
        sha256,
        lastModified: u.lastModified === null ? null : new Date(u.lastModified).toISOString(),
        receivedAt: new Date().toISOString(),
      });
      return { path: target, name: u.name, bytes: u.size, sha256 };
    } catch (e) {
      await u.handle.close().catch(() => {});
      await fsp.rm(u.partial, { force: true });
      throw e;
    }
  }

  async abort(req: { id: string }): Promise<{ aborted: boolean }> {
    const u = this.uploads.get(req.id);
    if (!u) return { aborted: false };
    this.uploads.delete(req.id);
    await u.handle.close().catch(() => {});
    await fsp.rm(u.partial, { force: true });
    return { aborted: true };
  }

  /** Removes every unfinished copy (the server is stopping). */
  async abortAll(): Promise<void> {
    for (const id of [...this.uploads.keys()]) await this.abort({ id });
  }

  private upload(id: string): Upload {
    const u = this.uploads.get(id);
    if (!u) throw new AppError('NOT_FOUND', 'no such dropped file in progress');
    return u;
  }

  /** One folder per server run: output/dropped/2026-12-07T01-02-03Z. */
  private async dropFolder(): Promise<string> {
    if (!this.folder) {
      this.folder = path.join(
        this.outputDir!,
        'dropped',
        new Date()
          .toISOString()
          .replace(/\.\d+Z$/, 'Z')
          .replace(/:/g, '-'),
      );
      await fsp.mkdir(this.folder, { recursive: true });
    }
    return this.folder;
  }

  /** received.json: what each file in this folder is (a copy, its original name, the hash as received). */
  private async record(dir: string, entry: Record<string, unknown>): Promise<void> {
    const file = path.join(dir, 'received.json');
    const existing = await fsp.readFile(file, 'utf8').then(
      (t) => JSON.parse(t) as Manifest,
      () => null,
    );
    const manifest: Manifest = existing ?? {
      note: 'Copies of files dropped on the SigninScope page in browser mode. The browser does not reveal where the originals are; each copy holds exactly the bytes received, with their SHA-256.',
      files: [],
    };
    manifest.files.push(entry);
    await fsp.writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

/** The name part only, without control characters, separators or a leading dot. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 200)
    .trim();
  return clean === '' || clean === 'received.json' ? 'dropped-file' : clean;
}

async function freeName(dir: string, name: string): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = path.join(dir, i === 1 ? name : `${stem} (${i})${ext}`);
    if (!(await fsp.lstat(candidate).catch(() => null))) return candidate;
  }
}

interface Manifest {
  note: string;
  files: unknown[];
}
