// The window's one job tracker: every `job.progress` / `job.done` event goes into the job slice
// (keyed by job id, with the job's kind); starters get a promise of their job's `job.done`; a finished
// job tells the views which parts of the case it changed. A job can finish before its start request
// answers, so unclaimed completions are kept for a moment.
import type { CasePart } from '../../shared/api/contract';
import type { ApiClient } from '../api/client';
import { api } from '../api/client';
import type { JobDone, TrackedJob } from '../store/job-slice';
import { useStore } from '../store/store';
import { refreshCase } from './case-changes';
import { announceImport } from './import-done';

/** What a finished job changed that main does not announce itself (an import's case.changed does). */
const CHANGES_OF_KIND: Partial<Record<string, CasePart[]>> = {
  detections: ['findings'],
  annotate: ['annotations'],
  sessions: ['sessions'],
  'geo-enrich': ['geo'],
};

const watchers = new Map<string, (done: JobDone) => void>();
const unclaimed = new Map<string, JobDone>();
const UNCLAIMED_KEPT = 32;

/** Routes the client's job events into the tracker (once, at startup). */
export function trackJobs(client: ApiClient): void {
  client.on('job.progress', (p) => useStore.getState().jobProgress(p));
  client.on('job.done', (done) => {
    const s = useStore.getState();
    s.jobFinished(done);
    const what = CHANGES_OF_KIND[done.kind];
    if (what) s.partsChanged(what);
    if (done.kind === 'import') announceImport(done);
    if (done.kind === 'restore' && !done.ok) s.notify('error', done.error ?? 'the case could not be reopened');
    const watcher = watchers.get(done.jobId);
    if (watcher) {
      watchers.delete(done.jobId);
      watcher(done);
    } else {
      unclaimed.set(done.jobId, done);
      if (unclaimed.size > UNCLAIMED_KEPT) unclaimed.delete(unclaimed.keys().next().value!);
    }
    void refreshCase(); // the dirty flag and the sources
  });
}

export interface RunOptions {
  /** Show the job as starting while the start request runs (else it shows once it has an id). */
  pending?: boolean;
  detail?: TrackedJob['detail'];
}

/** Starts a job of `kind` with `start` and resolves with its `job.done` (rejects when the start request fails). */
export async function runJob(kind: string, start: () => Promise<{ jobId: string }>, opts: RunOptions = {}): Promise<JobDone> {
  const s = useStore.getState();
  if (opts.pending) s.jobRequested(kind, opts.detail ?? null);
  let jobId: string;
  try {
    ({ jobId } = await start());
  } catch (err) {
    s.jobAbandoned(kind);
    throw err;
  }
  return followJob(kind, jobId, opts.detail);
}

/** Tracks a job already started (an import, a bulk tag the backend turned into a job) and resolves with its `job.done`. */
export function followJob(kind: string, jobId: string, detail?: TrackedJob['detail']): Promise<JobDone> {
  const s = useStore.getState();
  const done = unclaimed.get(jobId);
  if (done) {
    unclaimed.delete(jobId);
    s.jobAbandoned(kind);
    return Promise.resolve(done);
  }
  s.jobStarted(kind, jobId, detail);
  return new Promise((resolve) => watchers.set(jobId, resolve));
}

export function cancelJob(jobId: string): Promise<unknown> {
  return api().call('jobs.cancel', { jobId });
}
