// Jobs on the wire: every slow piece of work (import, export, detections, bulk tags...) is one generic
// job with an id, `job.progress` events whose phases are typed per kind, and a `job.done` event whose
// summary is typed per kind. A job is cancelled one way: `jobs.cancel` with its id (opening another
// case cancels every running job the same way, through their AbortSignal).
import { z } from 'zod';
import type { DetectionRunSummary } from '../model/detection';
import type { ExportSummary, ReportSummary } from '../model/export';
import type { ImportSummary } from '../model/import-summary';

export const JobId = z.string().max(64);

/**
 * What every job counts while it runs. `file` names what is being worked on (a file, a rule, the tags
 * being applied), `fileIndex` of `files` the step, `bytesDone` of `bytesTotal` the fraction done (bytes,
 * rows or rules, whatever the kind measures), `records` what it produced so far.
 */
const counters = {
  file: z.string(),
  fileIndex: z.number(),
  files: z.number(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  records: z.number(),
  recordsPerSecond: z.number(),
  bytesPerSecond: z.number(),
};

/** `job.done` summary of an IP enrichment. */
export interface EnrichJobSummary {
  ips: number;
  located: number;
  bySource: Record<string, number>;
  ms: number;
}

/** `job.done` summary of a sessions rebuild. */
export interface SessionsJobSummary {
  sessions: number;
  signins: number;
  linkedGroups: number;
  ms: number;
}

/** `job.done` summary of the evidence check that follows opening a case: one entry per evidence file. */
export interface EvidenceJobEntry {
  sourceId: number;
  path: string;
  state: 'ok' | 'missing' | 'changed' | 'unverified';
  detail: string;
}

/** A summary type carried as is (main builds it; the renderer reads it). */
const summary = <S>() => z.custom<S>();

function job<K extends string, const P extends readonly [string, ...string[]], S extends z.ZodType>(kind: K, phases: P, summarySchema: S) {
  return {
    progress: z.object({ jobId: JobId, kind: z.literal(kind), phase: z.enum(phases), ...counters }),
    /** summary: null when the job failed, or ended without one (an evidence check of a case closed meanwhile). */
    done: z.object({ jobId: JobId, kind: z.literal(kind), ok: z.boolean(), cancelled: z.boolean(), error: z.string().nullable(), summary: summarySchema.nullable() }),
  };
}

export const JOBS = {
  import: job('import', ['reading', 'indexing', 'enriching', 'sessions', 'search-cache'], summary<ImportSummary>()),
  'verify-evidence': job('verify-evidence', ['verifying'], summary<EvidenceJobEntry[]>()),
  annotate: job('annotate', ['annotating'], summary<{ matched: number; changed: number; cancelled: boolean }>()),
  detections: job('detections', ['detecting'], summary<DetectionRunSummary>()),
  export: job('export', ['exporting'], summary<ExportSummary>()),
  report: job('report', ['writing'], summary<ReportSummary>()),
  'geo-enrich': job('geo-enrich', ['enriching'], summary<EnrichJobSummary>()),
  sessions: job('sessions', ['sessions'], summary<SessionsJobSummary>()),
  /** Sent by the engine host when a restarted worker could not reopen the case. */
  restore: job('restore', ['restoring'], z.null()),
};

export type JobKind = keyof typeof JOBS;

const { import: imp, 'verify-evidence': verify, annotate, detections, export: exp, report, 'geo-enrich': enrich, sessions, restore } = JOBS;
export const JobProgressEvent = z.discriminatedUnion('kind', [
  imp.progress,
  verify.progress,
  annotate.progress,
  detections.progress,
  exp.progress,
  report.progress,
  enrich.progress,
  sessions.progress,
  restore.progress,
]);
export const JobDoneEvent = z.discriminatedUnion('kind', [imp.done, verify.done, annotate.done, detections.done, exp.done, report.done, enrich.done, sessions.done, restore.done]);

export type JobProgressOf<K extends JobKind> = z.output<(typeof JOBS)[K]['progress']>;
export type JobDoneOf<K extends JobKind> = z.output<(typeof JOBS)[K]['done']>;
/** What a running job of kind K reports (the registry adds its id and kind). */
export type ProgressUpdate<K extends JobKind> = Omit<JobProgressOf<K>, 'jobId' | 'kind'>;
export type JobPhase<K extends JobKind> = JobProgressOf<K>['phase'];
export type JobSummary<K extends JobKind> = NonNullable<JobDoneOf<K>['summary']>;
