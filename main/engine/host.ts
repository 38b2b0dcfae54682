// Main-thread side of the engine: spawns the worker and turns calls into messages. From the built
// app the worker is the bundled engine-worker.js next to this file; from source it runs through tsx.
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../platform/spawn-worker';
import type { EventName } from '../../shared/api/contract';
import { ApiFailure } from '../api/api-failure';
import type { FromWorker, ToWorker } from './protocol';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export class EngineHost {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly listeners = new Set<(event: EventName, payload: unknown) => void>();

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: FromWorker) => this.receive(m));
    worker.on('error', (e) => this.failAll(e));
    worker.on('exit', (code) => this.failAll(new Error(`engine worker exited (${code})`)));
  }

  static async start(): Promise<EngineHost> {
    // 8 GiB of JS heap: the string dictionary and sql.js's growing file buffer live here.
    const worker = spawnWorker(path.join(__dirname, 'engine-worker.js'), path.join(__dirname, 'worker.ts'), { resourceLimits: { maxOldGenerationSizeMb: 8192 } });
    const host = new EngineHost(worker);
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        if (m.type === 'ready') {
          worker.off('message', onMessage);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return host;
  }

  call(channel: string, req: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'call', id, channel, req } satisfies ToWorker);
    });
  }

  onEvent(listener: (event: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private receive(m: FromWorker): void {
    if (m.type === 'event') {
      for (const l of this.listeners) l(m.event, m.payload);
    } else if (m.type === 'result') {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!p) return;
      if (m.ok) p.resolve(m.value);
      else p.reject(new ApiFailure(m.code, m.message));
    }
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(new ApiFailure('INTERNAL', e.message));
    this.pending.clear();
  }
}
