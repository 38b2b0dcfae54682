// Every job this window knows about (import, sessions rebuild, detections, bulk tags, export,
// report...), tracked once, by job id and kind as the backend's job events name them. Views pick the
// job they show with `runningJob`; renderer/actions/jobs.ts feeds the events in.
import type { EventPayload } from '../../shared/api/contract';
import type { SliceCreator, Store } from './types';

export type JobProgress = EventPayload<'job.progress'>;
export type JobDone = EventPayload<'job.done'>;

export interface TrackedJob {
  /** The backend's id; null while the request that starts the job has not answered yet. */
  jobId: string | null;
  kind: string;
  startedAt: number;
  progress: JobProgress | null;
  /** What the starter knows that the events do not say (a bulk tag's tags and sign-in count). */
  detail: { tags?: string[]; total?: number } | null;
}

/** The jobs the import progress bar shows (a sessions rebuild is started from the Sessions view). */
export const IMPORT_BAR_KINDS = ['import', 'sessions'] as const;

export interface JobSlice {
  /** Running jobs by key: the job id, or `pending:<kind>` until the start request answered. */
  jobs: Readonly<Record<string, TrackedJob>>;
  lastImport: JobDone | null;
  /** A job of this kind is being asked for (its bar shows "starting"). */
  jobRequested(kind: string, detail?: TrackedJob['detail']): void;
  /** The start request answered with the job's id. */
  jobStarted(kind: string, jobId: string, detail?: TrackedJob['detail']): void;
  /** The start request failed, or finished without a job. */
  jobAbandoned(kind: string): void;
  jobProgress(progress: JobProgress): void;
  jobFinished(done: JobDone): void;
}

const pendingKey = (kind: string) => `pending:${kind}`;

function withJobs(jobs: Record<string, TrackedJob>): Pick<JobSlice, 'jobs'> {
  return { jobs };
}

function without(jobs: Readonly<Record<string, TrackedJob>>, key: string): Record<string, TrackedJob> {
  const next = { ...jobs };
  delete next[key];
  return next;
}

export const createJobSlice: SliceCreator<JobSlice> = (set) => ({
  jobs: {},
  lastImport: null,
  jobRequested: (kind, detail = null) => set((s) => withJobs({ ...s.jobs, [pendingKey(kind)]: { jobId: null, kind, startedAt: Date.now(), progress: null, detail } })),
  jobStarted: (kind, jobId, detail) =>
    set((s) => {
      const pending = s.jobs[pendingKey(kind)];
      const known = s.jobs[jobId]; // its progress may have arrived before the start request answered
      const next = without(s.jobs, pendingKey(kind));
      next[jobId] = { jobId, kind, startedAt: pending?.startedAt ?? Date.now(), progress: known?.progress ?? null, detail: detail ?? pending?.detail ?? null };
      return withJobs(next);
    }),
  jobAbandoned: (kind) => set((s) => withJobs(without(s.jobs, pendingKey(kind)))),
  // Progress of a job started elsewhere (Electron menu, command line) still shows.
  jobProgress: (progress) =>
    set((s) => {
      const job = s.jobs[progress.jobId];
      return withJobs({ ...s.jobs, [progress.jobId]: job ? { ...job, progress } : { jobId: progress.jobId, kind: progress.kind, startedAt: Date.now(), progress, detail: null } });
    }),
  jobFinished: (done) => set((s) => ({ ...withJobs(without(s.jobs, done.jobId)), ...(done.kind === 'import' ? { lastImport: done } : {}) })),
});

/** The running (or starting) job of one of these kinds, if any. */
export function runningJob(s: Pick<Store, 'jobs'>, ...kinds: string[]): TrackedJob | null {
  return Object.values(s.jobs).find((j) => kinds.includes(j.kind)) ?? null;
}
