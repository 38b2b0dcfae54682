// Two ways to run the parse side of an import: in this thread (small imports, where a worker's
// start-up costs more than it saves) or in a parse worker on the other core (large imports).
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../platform/spawn-worker';
import { applyBatch, type BatchSink } from './batch';
import { parseEvidenceFile, type FileToParse, type ParsedFile } from './parse-file';
import type { ParseRequest, ParseWorkerMessage } from './parse-worker-protocol';
import { SigninEncoder, type EncoderSeed } from './signin-encoder';

export interface FileParser {
  parse(file: FileToParse, sink: BatchSink, progress: (bytesRead: number, records: number) => void, signal?: AbortSignal): Promise<ParsedFile>;
  close(): Promise<void>;
}

export class InlineParser implements FileParser {
  private readonly encoder: SigninEncoder;
  constructor(seed: EncoderSeed) {
    this.encoder = new SigninEncoder(seed);
  }
  parse(file: FileToParse, sink: BatchSink, progress: (b: number, r: number) => void, signal?: AbortSignal): Promise<ParsedFile> {
    return parseEvidenceFile(file, this.encoder, { deliver: (batch) => applyBatch(batch, sink), progress, signal });
  }
  async close(): Promise<void> {}
}

export class WorkerParser implements FileParser {
  private constructor(private readonly worker: Worker) {}

  /** `recordParsers`: record-parse workers under the parse worker (0: it parses records itself). */
  static start(seed: EncoderSeed, recordParsers: number, recordBatch?: number): WorkerParser {
    const worker = spawnWorker(path.join(__dirname, 'parse-worker.js'), path.join(__dirname, 'parse-worker.ts'), { resourceLimits: { maxOldGenerationSizeMb: 8192 } });
    worker.postMessage({ type: 'seed', seed, recordParsers, recordBatch } satisfies ParseRequest);
    return new WorkerParser(worker);
  }

  parse(file: FileToParse, sink: BatchSink, progress: (b: number, r: number) => void, signal?: AbortSignal): Promise<ParsedFile> {
    const w = this.worker;
    return new Promise<ParsedFile>((resolve, reject) => {
      const onAbort = () => w.postMessage({ type: 'cancel' } satisfies ParseRequest);
      signal?.addEventListener('abort', onAbort);
      const cleanup = () => {
        w.off('message', onMessage);
        w.off('error', onError);
        signal?.removeEventListener('abort', onAbort);
      };
      const onError = (e: Error) => {
        cleanup();
        reject(e);
      };
      const onMessage = (m: ParseWorkerMessage) => {
        if (m.type === 'batch') {
          applyBatch(m.batch, sink);
          w.postMessage({ type: 'ack' } satisfies ParseRequest);
        } else if (m.type === 'progress') progress(m.bytesRead, m.records);
        else {
          cleanup();
          resolve(m.result);
        }
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.postMessage({ type: 'parse', file } satisfies ParseRequest);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
