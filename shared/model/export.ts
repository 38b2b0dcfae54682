// Schemas of the export channels: the current filter's rows as CSV / JSON / Timesketch JSONL, and the
// self-contained HTML case report. Both run as jobs; `job.done` carries the summary.
import { z } from 'zod';
import { pathField } from '../api/path-field';
import { FilterSpec } from './filter-spec';
import { TimeZoneSetting } from './time-zone';

export const EXPORT_FORMATS = ['csv', 'json', 'timesketch'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportRowsReq = z.object({
  filter: FilterSpec,
  /** Catalogue column keys, in output order. */
  columns: z.array(z.string().max(64)).min(1).max(80),
  format: z.enum(EXPORT_FORMATS),
  path: pathField('write'),
  /** The user confirmed replacing an existing file at `path`. */
  overwrite: z.boolean().optional(),
  /** The analyst's display zone (an IANA name): adds a `created_at (<zone>)` column with each row's offset. */
  timeZone: TimeZoneSetting.optional(),
});
export type ExportRowsReq = z.infer<typeof ExportRowsReq>;

/** `job.done` summary of an export. */
export interface ExportSummary {
  path: string;
  format: ExportFormat;
  rows: number;
  bytes: number;
  ms: number;
}

export const ReportReq = z.object({
  path: pathField('write'),
  /** The user confirmed replacing an existing file at `path`. */
  overwrite: z.boolean().optional(),
  /** Defaults to the case title. */
  title: z.string().trim().min(1).max(200).optional(),
  /** Limits the report to these sign-ins (default: the whole case). */
  filter: FilterSpec.optional(),
  /** Sign-ins listed under each finding. */
  topSignins: z.number().int().min(1).max(200).default(20),
  /** The analyst's display zone (an IANA name), stated in the report beside the UTC times. */
  timeZone: TimeZoneSetting.optional(),
});
export type ReportReq = z.infer<typeof ReportReq>;

/** `job.done` summary of a report. */
export interface ReportSummary {
  path: string;
  bytes: number;
  ms: number;
  signins: number;
  findings: number;
  annotations: number;
}

export const exportChannels = {
  /** Streams the filter's rows (time order) to `path` as a job; written atomically. */
  'export.rows': { req: ExportRowsReq, res: z.object({ jobId: z.string().max(64) }) },
  /** Writes the self-contained HTML case report to `path` as a job. */
  'report.html': { req: ReportReq, res: z.object({ jobId: z.string().max(64) }) },
} as const;
