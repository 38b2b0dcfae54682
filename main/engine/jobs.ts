// Long-running work (imports, exports, detections, bulk tags, evidence checks...): each job gets an id,
// an AbortController and typed progress/done events (shared/api/jobs.ts), so the UI can show a progress
// bar with Cancel. Cancelling is always `cancel(jobId)` (or `cancelAll` when the case is replaced): the
// body sees its signal aborted and stops at its next check.
import { randomUUID } from 'node:crypto';
import type { EventName, EventPayload } from '../../shared/api/contract';
import type { JobKind, JobSummary, ProgressUpdate } from '../../shared/api/jobs';
import { messageOf } from '../../shared/errors';

export type EmitFn = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * An event built for one kind K is a member of the event union: TypeScript cannot narrow a generic K
 * to that member, so this is the one place it is told (each body is checked against its kind's types).
 */
function ofKind(event: { kind: JobKind; jobId: string }): EventPayload<'job.progress'> & EventPayload<'job.done'> {
  return event as never;
}

export type JobBody<K extends JobKind> = (signal: AbortSignal, progress: (p: ProgressUpdate<K>) => void) => Promise<JobSummary<K> | null>;

export class JobRegistry {
  private readonly active = new Map<string, { kind: JobKind; controller: AbortController }>();

  constructor(private readonly emit: EmitFn) {}

  start<K extends JobKind>(kind: K, body: JobBody<K>): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.active.set(jobId, { kind, controller });
    const progress = (p: ProgressUpdate<K>) => this.emit('job.progress', ofKind({ ...p, jobId, kind }));
    void body(controller.signal, progress).then(
      (summary) => this.finish(jobId, { ok: true, cancelled: controller.signal.aborted, error: null, summary }),
      (e: unknown) => this.finish(jobId, { ok: false, cancelled: controller.signal.aborted, error: messageOf(e), summary: null }),
    );
    return jobId;
  }

  private finish(jobId: string, result: { ok: boolean; cancelled: boolean; error: string | null; summary: unknown }): void {
    const kind = this.active.get(jobId)!.kind;
    this.active.delete(jobId);
    this.emit('job.done', ofKind({ ...result, jobId, kind }));
  }

  running(kind: JobKind): boolean {
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
