// Follows the jobs this window starts (detections, bulk tags, exports, report) by job id: progress to
// the caller, and a promise of the `job.done` event. A job can finish before its start call returns,
// so unclaimed completions are kept for a moment.
import type { EventPayload } from '../../../shared/api/contract';
import { api } from '../../api/client';

export type JobProgress = EventPayload<'job.progress'>;
export type JobDone = EventPayload<'job.done'>;

interface Watcher {
  onProgress?: ((p: JobProgress) => void) | undefined;
  onDone(done: JobDone): void;
}

const watchers = new Map<string, Watcher>();
const unclaimed = new Map<string, JobDone>();
const UNCLAIMED_KEPT = 32;
let subscribed = false;

/** Starts listening to job events; call it before a request that may start a job. */
export function listenForJobs(): void {
  if (subscribed) return;
  subscribed = true;
  api().on('job.progress', (p) => watchers.get(p.jobId)?.onProgress?.(p));
  api().on('job.done', (done) => {
    const watcher = watchers.get(done.jobId);
    if (watcher) {
      watchers.delete(done.jobId);
      watcher.onDone(done);
      return;
    }
    unclaimed.set(done.jobId, done);
    if (unclaimed.size > UNCLAIMED_KEPT) unclaimed.delete(unclaimed.keys().next().value!);
  });
}

export interface JobHooks {
  onStarted?(jobId: string): void;
  onProgress?(p: JobProgress): void;
}

/** Starts a job with `start` and resolves with its `job.done` event (rejects when the start call fails). */
export async function runJob(start: () => Promise<{ jobId: string }>, hooks: JobHooks = {}): Promise<JobDone> {
  listenForJobs();
  const { jobId } = await start();
  hooks.onStarted?.(jobId);
  return followJob(jobId, hooks.onProgress);
}

/** The `job.done` of a job already started (e.g. a bulk tag that the backend turned into a job). */
export function followJob(jobId: string, onProgress?: (p: JobProgress) => void): Promise<JobDone> {
  listenForJobs();
  return new Promise((resolve) => {
    const done = unclaimed.get(jobId);
    if (done) {
      unclaimed.delete(jobId);
      resolve(done);
    } else watchers.set(jobId, { onProgress, onDone: resolve });
  });
}

export function cancelJob(jobId: string): Promise<unknown> {
  return api().call('jobs.cancel', { jobId });
}
