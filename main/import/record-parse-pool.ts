// Fans JSON records out to record-parse workers and applies their outcomes in file order. The reader
// (the parse worker) keeps what must stay sequential for a case to be the same however many workers
// parse: splitting, the triage screen, dictionary ids, deduplication and issues in record order. The
// workers do what takes the time: UTF-8 decoding, JSON.parse, normalizing, preparing for the encoder.
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { ImportFilter } from '../../shared/model/import-filter';
import { spawnWorker } from '../platform/spawn-worker';
import { parseJsonRecord, type JsonRecordOutcome } from './json-record-parse';
import type { RecordParseReply, RecordParseRequest } from './record-parse-protocol';
import { StringRefReader } from './string-refs';
import type { SigninMatcher } from './triage/filter-match';

/** Where a record is in its file: what its outcome is reported against. */
export interface RecordMeta {
  index: number;
  offset: number;
  length: number;
}

type Apply = (outcome: JsonRecordOutcome, meta: RecordMeta) => void;

/** How a file's JSON records get parsed: here, one after the other, or by the pool; outcomes always in order. */
export interface JsonRecordParsing {
  parse(bytes: Buffer, pageContext: string | null, meta: RecordMeta): void;
  /** Runs `fn` once every record handed over before it has had its outcome applied. */
  inOrder(fn: () => void): void;
  /** Applies the outcomes that are back; waits while too many batches are out (bounded memory). */
  settle(): Promise<void>;
  /** Applies every outcome. */
  finish(): Promise<void>;
}

export class InlineRecordParsing implements JsonRecordParsing {
  constructor(
    private readonly apply: Apply,
    private readonly matcher?: SigninMatcher,
  ) {}
  parse(bytes: Buffer, pageContext: string | null, meta: RecordMeta): void {
    this.apply(parseJsonRecord(bytes.toString('utf8'), pageContext, this.matcher), meta);
  }
  inOrder(fn: () => void): void {
    fn();
  }
  async settle(): Promise<void> {}
  async finish(): Promise<void> {}
}

const BATCH_BYTES = 1 << 20;
const BATCH_RECORDS = 512;
/** Batches out per worker: enough that no worker waits for the reader. */
const OUT_PER_WORKER = 3;

/** Worker threads that parse JSON records; one pool serves every file of an import. */
export class RecordParsePool {
  private readonly workers: { worker: Worker; out: Map<number, (r: RecordParseReply) => void>; refs: StringRefReader; failed?: Error }[] = [];
  private nextId = 0;

  /** `batchRecords`: records per batch at most (tests make it small to exercise the ordering). */
  constructor(
    size: number,
    readonly batchRecords = BATCH_RECORDS,
  ) {
    for (let i = 0; i < size; i++) {
      const worker = spawnWorker(path.join(__dirname, 'record-parse-worker.js'), path.join(__dirname, 'record-parse-worker.ts'));
      const entry: RecordParsePool['workers'][number] = { worker, out: new Map(), refs: new StringRefReader() };
      worker.on('message', (reply: RecordParseReply) => {
        if ('outcomes' in reply) {
          // in the order the worker sent them, even for a batch of a file given up since (its numbers stay valid)
          entry.refs.add(reply.strings);
          for (const o of reply.outcomes) if (o.kind === 'signin') o.signin.refs = entry.refs;
        }
        const done = entry.out.get(reply.id);
        entry.out.delete(reply.id);
        done?.(reply);
      });
      worker.on('error', (e) => {
        entry.failed = e;
        for (const done of entry.out.values()) done({ id: -1, error: `record parser failed: ${e.message}` });
        entry.out.clear();
      });
      this.workers.push(entry);
    }
  }

  /** One worker per core, less the reader's: at least one. */
  static sized(): number {
    return Math.max(1, Math.min(4, os.availableParallelism()));
  }

  get size(): number {
    return this.workers.length;
  }

  /** Parsing for one file: `filter` is the triage filter the workers confirm sign-ins against. */
  forFile(apply: Apply, filter: ImportFilter | undefined): JsonRecordParsing {
    return new PooledRecordParsing(this, apply, filter ?? null);
  }

  submit(request: Omit<Extract<RecordParseRequest, { type: 'parse' }>, 'id' | 'type'>, transfer: ArrayBuffer[]): Promise<JsonRecordOutcome[]> {
    const entry = this.workers.reduce((a, b) => (b.out.size < a.out.size ? b : a));
    if (entry.failed) return Promise.reject(entry.failed);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      entry.out.set(id, (reply) => ('error' in reply ? reject(new Error(reply.error)) : resolve(reply.outcomes)));
      entry.worker.postMessage({ type: 'parse', id, ...request } satisfies RecordParseRequest, transfer);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

interface OpenBatch {
  parts: Buffer[];
  bytes: number;
  metas: RecordMeta[];
  pageContext: string | null;
}

type Slot = { metas: RecordMeta[]; outcomes?: JsonRecordOutcome[]; error?: unknown; done: Promise<void> } | { fn: () => void };

class PooledRecordParsing implements JsonRecordParsing {
  private open: OpenBatch | null = null;
  private readonly slots: Slot[] = [];

  constructor(
    private readonly pool: RecordParsePool,
    private readonly apply: Apply,
    private readonly filter: ImportFilter | null,
  ) {}

  parse(bytes: Buffer, pageContext: string | null, meta: RecordMeta): void {
    if (this.open && this.open.pageContext !== pageContext) this.send();
    const b = (this.open ??= { parts: [], bytes: 0, metas: [], pageContext });
    b.parts.push(bytes);
    b.bytes += bytes.length;
    b.metas.push(meta);
    if (b.bytes >= BATCH_BYTES || b.metas.length >= this.pool.batchRecords) this.send();
  }

  inOrder(fn: () => void): void {
    if (!this.open && !this.slots.length) return fn();
    this.send();
    this.slots.push({ fn });
  }

  async settle(): Promise<void> {
    this.applyReady();
    while (this.batchesOut() > OUT_PER_WORKER * this.pool.size) {
      await (this.slots[0] as { done: Promise<void> }).done;
      this.applyReady();
    }
  }

  async finish(): Promise<void> {
    this.send();
    while (this.slots.length) {
      const head = this.slots[0]!;
      if ('done' in head) await head.done;
      this.applyReady();
    }
  }

  /** The open batch to a worker: its records copied into one buffer that is moved, not cloned. */
  private send(): void {
    const b = this.open;
    if (!b) return;
    this.open = null;
    const buffer = Buffer.allocUnsafeSlow(b.bytes); // its own ArrayBuffer, never the shared pool's
    const ends = new Uint32Array(b.parts.length);
    let at = 0;
    for (let i = 0; i < b.parts.length; i++) {
      at += b.parts[i]!.copy(buffer, at);
      ends[i] = at;
    }
    const slot: Extract<Slot, { metas: RecordMeta[] }> = { metas: b.metas, done: Promise.resolve() };
    const arrayBuffer = buffer.buffer as ArrayBuffer;
    slot.done = this.pool.submit({ buffer: arrayBuffer, ends, pageContext: b.pageContext, filter: this.filter }, [arrayBuffer, ends.buffer]).then(
      (outcomes) => void (slot.outcomes = outcomes),
      (e: unknown) => void (slot.error = e ?? new Error('record parser failed')),
    );
    this.slots.push(slot);
  }

  private batchesOut(): number {
    let n = 0;
    for (const s of this.slots) if ('metas' in s && !s.outcomes) n++;
    return n;
  }

  /** Applies outcomes from the front of the queue for as long as they are back. */
  private applyReady(): void {
    while (this.slots.length) {
      const head = this.slots[0]!;
      if ('fn' in head) head.fn();
      else {
        if (head.error) throw head.error;
        if (!head.outcomes) return;
        for (let i = 0; i < head.metas.length; i++) this.apply(head.outcomes[i]!, head.metas[i]!);
      }
      this.slots.shift();
    }
  }
}
