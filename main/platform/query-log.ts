// The query log: one line per API call and per finished job, with its duration and outcome, and the
// stack of every internal error, the way Perfetto UI keeps a query log. Plain text, appended without
// blocking the caller; rotated at a size limit so it never grows without bound. Holds channel names,
// timings and error messages only, never request bodies (which carry paths and log values).
import { appendFile, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export interface QueryLogOptions {
  /** Rotate when the current file would pass this many bytes. */
  maxBytes?: number;
  /** How many rotated files to keep beside the current one (name.1.log is the newest). */
  keep?: number;
}

export class QueryLog {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private size: number;
  private queue: string[] = [];
  private writing = false;
  private idle: Array<() => void> = [];

  constructor(dir: string, opts: QueryLogOptions = {}) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.file = path.join(dir, 'signinscope.log');
    this.maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
    this.keep = opts.keep ?? 3;
    this.size = Math.max(0, sizeOf(this.file));
  }

  /**
   * A finished API call or job: `kind` is 'call' or 'job', `what` its channel or job kind. `engineMs`:
   * the engine's own time on a call, when it reached the engine; the rest of `ms` it waited its turn
   * behind other requests (the engine answers one at a time).
   */
  timing(kind: 'call' | 'job', what: string, ms: number, outcome: string, engineMs?: number): void {
    const engine = engineMs === undefined ? '' : `\tengine ${engineMs.toFixed(1)} ms, queued ${Math.max(0, ms - engineMs).toFixed(1)} ms`;
    this.write(`${new Date().toISOString()}\t${kind}\t${oneLine(what)}\t${ms.toFixed(1)} ms\t${oneLine(outcome)}${engine}`);
  }

  /** An internal error: its message and stack, so a user's report can be traced. */
  error(what: string, err: unknown): void {
    const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
    this.write(`${new Date().toISOString()}\terror\t${oneLine(what)}\t${stack.replace(/\r?\n/g, '\n\t')}`);
  }

  /** Resolves when every line written so far is on disk (tests, shutdown). */
  flush(): Promise<void> {
    if (!this.writing && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private write(line: string): void {
    this.queue.push(line.slice(0, 64 * 1024) + '\n');
    if (!this.writing) this.drain();
  }

  private drain(): void {
    const text = this.queue.join('');
    this.queue = [];
    if (!text) {
      this.writing = false;
      for (const resolve of this.idle.splice(0)) resolve();
      return;
    }
    this.writing = true;
    const bytes = Buffer.byteLength(text);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    appendFile(this.file, text, { mode: 0o600 }, () => {
      // a log that cannot be written must never break the app: the line is dropped
      this.size += bytes;
      this.drain();
    });
  }

  private rotate(): void {
    try {
      rmSync(this.rotated(this.keep), { force: true });
      for (let i = this.keep - 1; i >= 1; i--) if (sizeOf(this.rotated(i)) >= 0) renameSync(this.rotated(i), this.rotated(i + 1));
      renameSync(this.file, this.rotated(1));
    } catch {
      // rotation is best effort; appending continues to the current file
    }
    this.size = 0;
  }

  private rotated(i: number): string {
    return this.file.replace(/\.log$/, `.${i}.log`);
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
}

function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').slice(0, 2000);
}
