// A file written in pieces that appears all at once: chunks go to a sibling temp file, which is
// fsync'ed and renamed over the target only when complete. A cancelled or failed export leaves the
// target as it was (or absent) and no temp file behind.
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { syncDirectory } from '../cases/atomic-write';

export class AtomicFileWriter {
  bytes = 0;

  private constructor(
    readonly target: string,
    private readonly tmp: string,
    private readonly handle: fsp.FileHandle,
  ) {}

  static async open(target: string): Promise<AtomicFileWriter> {
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    return new AtomicFileWriter(target, tmp, await fsp.open(tmp, 'wx', 0o600));
  }

  async write(text: string | Uint8Array): Promise<void> {
    const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    if (data.length === 0) return;
    await this.handle.write(data);
    this.bytes += data.length;
  }

  async commit(): Promise<void> {
    await this.handle.sync();
    await this.handle.close();
    await fsp.rename(this.tmp, this.target);
    await syncDirectory(path.dirname(this.target));
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => {});
    await fsp.rm(this.tmp, { force: true });
  }
}
