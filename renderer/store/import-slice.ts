import type { EventPayload } from '../../shared/api/contract';
import type { SliceCreator } from './types';

export type JobProgress = EventPayload<'job.progress'>;
export type JobDone = EventPayload<'job.done'>;

export interface ImportSlice {
  job: { jobId: string; startedAt: number; progress: JobProgress | null } | null;
  lastImport: JobDone | null;
  startJob(jobId: string): void;
  setProgress(progress: JobProgress): void;
  finishJob(done: JobDone): void;
}

export const createImportSlice: SliceCreator<ImportSlice> = (set, get) => ({
  job: null,
  lastImport: null,
  startJob: (jobId) => set({ job: { jobId, startedAt: Date.now(), progress: null } }),
  setProgress: (progress) => {
    const job = get().job;
    // Progress of a job started elsewhere (Electron menu, command line) still shows.
    set({ job: job && job.jobId === progress.jobId ? { ...job, progress } : { jobId: progress.jobId, startedAt: Date.now(), progress } });
  },
  finishJob: (done) => set((s) => ({ job: s.job?.jobId === done.jobId ? null : s.job, lastImport: done })),
});
