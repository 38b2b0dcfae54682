// Long-running work (imports, evidence verification): each job gets an id, an AbortController and
// progress/done events, so the UI can show a progress bar with Cancel.
import { randomUUID } from 'node:crypto';
import type { ImportProgress } from '../../shared/model/import-summary';
import type { EmitFn } from './engine';

type JobBody = (signal: AbortSignal, progress: (p: ImportProgress) => void) => Promise<unknown>;

export class JobRegistry {
  private readonly active = new Map<string, { kind: string; controller: AbortController }>();

  constructor(private readonly emit: EmitFn) {}

  start(kind: string, body: JobBody): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.active.set(jobId, { kind, controller });
    const progress = (p: ImportProgress) => this.emit('job.progress', { jobId, kind, ...p });
    void body(controller.signal, progress).then(
      (summary) => this.finish(jobId, kind, { ok: true, cancelled: controller.signal.aborted, error: null, summary }),
      (e: unknown) => this.finish(jobId, kind, { ok: false, cancelled: controller.signal.aborted, error: (e as Error)?.message ?? String(e), summary: null }),
    );
    return jobId;
  }

  private finish(jobId: string, kind: string, result: { ok: boolean; cancelled: boolean; error: string | null; summary: unknown }): void {
    this.active.delete(jobId);
    this.emit('job.done', { jobId, kind, ...result });
  }

  running(kind: string): boolean {
    for (const job of this.active.values()) if (job.kind === kind) return true;
    return false;
  }

  cancel(jobId: string): boolean {
    const job = this.active.get(jobId);
    job?.controller.abort();
    return !!job;
  }

  cancelAll(): void {
    for (const job of this.active.values()) job.controller.abort();
  }
}
