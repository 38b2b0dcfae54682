// Main-thread side of the engine: spawns the worker and turns calls into messages. From the built
// app the worker is the bundled engine-worker.js next to this file; from source it runs through tsx.
//
// Every query has a time limit. sql.js cannot be interrupted from outside (no sqlite3_interrupt or
// progress handler in its build, and a worker's wasm memory is not shared), so when a query runs out
// of time the host asks the worker for a 'pong': a worker that answers was only waiting and keeps
// going; one that does not is stuck inside SQLite, so it is terminated, a fresh worker is started and
// the case is reopened from its last save plus its journal (main/cases/restore.ts). The caller gets a
// TIMEOUT error naming the limit; the case stays open with every annotation.
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../platform/spawn-worker';
import type { ApiErrorCode, EventName } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import type { CaseLocation } from '../cases/journal';
import type { FromWorker, ToWorker } from './protocol';

type Pending = { channel: string; resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout | null; ran?: (ms: number) => void };

/** Read-only channels: a query that is still running after the limit is stopped. */
const QUERY_CHANNELS = new Set([
  'case.info',
  'import.errors',
  'query.snapshot',
  'query.page',
  'query.facets',
  'query.aggregate',
  'record.get',
  'timeline.histogram',
  'timeline.swimlanes',
  'stats.overview',
  'annotations.list',
  'annotations.forRids',
  'annotations.tags',
  'activity.list',
  'views.list',
  'detections.list',
  'detections.findings',
  'geo.status',
  'geo.ip',
  'geo.points',
  'geo.countries',
  'geo.travel',
  'sessions.list',
  'sessions.get',
]);

const PONG_GRACE_MS = 2_000;

export function queryLimitMs(): number {
  const ms = Number(process.env.SIGNINSCOPE_QUERY_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 60_000;
}

export class EngineHost {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly listeners = new Set<(event: EventName, payload: unknown) => void>();
  private readonly jobs = new Set<string>();
  private location: CaseLocation | null = null;
  private pongWaiters: (() => void)[] = [];
  private restarting: Promise<void> | null = null;
  private stopped = false;
  /** Times of recent restarts: a worker that keeps dying is not restarted forever. */
  private restarts: number[] = [];
  private broken: string | null = null;

  private constructor(
    private worker: Worker,
    private readonly limitMs: number,
  ) {
    this.attach(worker);
  }

  static async start(opts: { queryLimitMs?: number } = {}): Promise<EngineHost> {
    const host = new EngineHost(spawnEngineWorker(), opts.queryLimitMs ?? queryLimitMs());
    await host.ready(host.worker);
    return host;
  }

  /** `ran` is told the engine's own time on the call (the rest of its time it waited in the worker's queue). */
  async call(channel: string, req: unknown, ran?: (ms: number) => void): Promise<unknown> {
    if (this.restarting) await this.restarting;
    if (this.broken) throw new AppError('INTERNAL', this.broken);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = QUERY_CHANNELS.has(channel) ? setTimeout(() => void this.overrun(id), this.limitMs) : null;
      this.pending.set(id, { channel, resolve, reject, timer, ran });
      this.post({ type: 'call', id, channel, req });
    });
  }

  onEvent(listener: (event: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.worker.terminate();
  }

  private post(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  private attach(worker: Worker): void {
    worker.on('message', (m: FromWorker) => this.receive(m));
    worker.on('error', (e) => this.failAll(new AppError('INTERNAL', e.message)));
    worker.on('exit', (code) => {
      this.failAll(new AppError('INTERNAL', `engine worker exited (${code})`));
      // A worker that died (out of memory, a crash in sql.js) is replaced like a stuck one.
      if (!this.stopped) void this.restart('crash');
    });
  }

  private ready(worker: Worker): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        if (m.type !== 'ready') return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  }

  private receive(m: FromWorker): void {
    if (m.type === 'event') {
      this.trackJobs(m.event, m.payload);
      for (const l of this.listeners) l(m.event, m.payload);
    } else if (m.type === 'result') {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!p) return; // answered after its time limit: the caller already has the TIMEOUT
      if (p.timer) clearTimeout(p.timer);
      p.ran?.(m.ranMs);
      if (m.ok) p.resolve(m.value);
      else p.reject(workerError(m.code, m.message, m.stack));
    } else if (m.type === 'pong') {
      for (const w of this.pongWaiters.splice(0)) w();
    } else if (m.type === 'location') {
      this.location = m.location;
    }
  }

  /** Imports and other jobs run in the worker too; a query stuck behind one is not the query's fault. */
  private trackJobs(event: EventName, payload: unknown): void {
    const jobId = (payload as { jobId?: unknown } | null)?.jobId;
    if (typeof jobId !== 'string') return;
    if (event === 'job.progress') this.jobs.add(jobId);
    else if (event === 'job.done') this.jobs.delete(jobId);
  }

  private async overrun(id: number): Promise<void> {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    const seconds = `${(this.limitMs / 1000).toLocaleString('en')} s`;
    if (this.jobs.size > 0)
      return p.reject(new AppError('TIMEOUT', `${p.channel} did not finish within ${seconds}: the engine is busy with a running job (import or detections); try again when it is done.`));
    if (await this.answersPing()) return p.reject(new AppError('TIMEOUT', `${p.channel} did not finish within ${seconds} and was abandoned.`));
    p.reject(new AppError('TIMEOUT', `The query (${p.channel}) ran longer than the ${seconds} limit and was stopped. The case was reopened from its last save and journal, with every annotation.`));
    await this.restart('timeout');
  }

  private answersPing(): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pongWaiters = this.pongWaiters.filter((w) => w !== done);
        resolve(false);
      }, PONG_GRACE_MS);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.pongWaiters.push(done);
      this.post({ type: 'ping' });
    });
  }

  /** Replaces a stuck (or dead) worker with a fresh one holding the same case. */
  private restart(why: 'timeout' | 'crash'): Promise<void> {
    const now = Date.now();
    if (why === 'crash') this.restarts = [...this.restarts.filter((t) => now - t < 60_000), now];
    if (this.restarts.length > 3) {
      this.broken = 'the engine worker failed repeatedly; restart SigninScope';
      this.stopped = true;
      this.failAll(new AppError('INTERNAL', this.broken));
      return Promise.resolve();
    }
    this.restarting ??= (async () => {
      const old = this.worker;
      const location = this.location; // the fresh worker announces its own empty case before the restore
      old.removeAllListeners();
      await old.terminate();
      this.failAll(
        why === 'timeout'
          ? new AppError('TIMEOUT', 'The engine was restarted after a query ran out of time; please retry.')
          : new AppError('INTERNAL', 'The engine stopped unexpectedly and was restarted; please retry.'),
      );
      this.jobs.clear();
      if (this.stopped) return;
      const next = spawnEngineWorker();
      this.worker = next;
      this.attach(next);
      await this.ready(next);
      if (location) await this.restore(location);
    })()
      .catch(() => undefined) // a worker that fails to start exits, and that exit restarts it again
      .finally(() => (this.restarting = null));
    return this.restarting;
  }

  private restore(location: CaseLocation): Promise<void> {
    return new Promise((resolve) => {
      const onMessage = (m: FromWorker) => {
        if (m.type !== 'restored') return;
        this.worker.off('message', onMessage);
        if (!m.ok)
          for (const l of this.listeners) l('job.done', { jobId: 'restore', kind: 'restore', ok: false, cancelled: false, error: `the case could not be reopened: ${m.message}`, summary: null });
        resolve();
      };
      this.worker.on('message', onMessage);
      this.post({ type: 'restore', location });
    });
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) {
      if (p.timer) clearTimeout(p.timer);
      p.reject(e);
    }
    this.pending.clear();
  }
}

function spawnEngineWorker(): Worker {
  // 8 GiB of JS heap: the string dictionary and sql.js's growing file buffer live here.
  return spawnWorker(path.join(__dirname, 'engine-worker.js'), path.join(__dirname, 'worker.ts'), { resourceLimits: { maxOldGenerationSizeMb: 8192 } });
}

/** A failure the worker reported; an internal one keeps the worker's stack (the backend logs it). */
function workerError(code: ApiErrorCode, message: string, stack: string | undefined): AppError {
  const error = new AppError(code, message);
  if (stack) error.stack = stack;
  return error;
}
