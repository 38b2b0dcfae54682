/**
 * Buffered, back-pressure-aware text sink to a file (optionally gzip). Writers
 * push small strings; the sink batches them into ~1 MiB chunks so a 5 GB export
 * never sits in memory.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';

const CHUNK = 1 << 20;

export class Sink {
  private parts: string[] = [];
  private size = 0;
  private readonly out: Writable;
  private readonly done: Promise<void>;
  bytesIn = 0;

  constructor(
    readonly path: string,
    gzip = false,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    const file = createWriteStream(path);
    if (gzip) {
      const z = createGzip({ level: 6 });
      this.out = z;
      this.done = pipeline(z, file);
    } else {
      this.out = file;
      this.done = new Promise((resolve, reject) => {
        file.on('finish', () => resolve());
        file.on('error', reject);
      });
    }
    this.done.catch(() => undefined); // surfaced by close()
  }

  /** Queue text; resolves immediately unless a chunk had to wait for the disk. */
  write(text: string): Promise<void> | undefined {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) return this.flush();
    return undefined;
  }

  private async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.bytesIn += Buffer.byteLength(chunk);
    if (!this.out.write(chunk, 'utf8')) await once(this.out, 'drain');
  }

  /** Write raw bytes (the bulk writer assembles its own buffers). The buffer must not be reused. */
  async writeBytes(bytes: Buffer): Promise<void> {
    await this.flush();
    this.bytesIn += bytes.length;
    if (!this.out.write(bytes)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await this.done;
  }
}
