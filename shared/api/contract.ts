// THE contract between renderer and main: every channel's request and response schema and every
// pushed event. Main validates each request with these schemas (main/api/backend.ts); Electron IPC
// and browser-mode WebSocket are two transports of the same table.
import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { FilterSpec, SortSpec } from '../model/filter-spec';
import { LIMITS } from './limits';
import { annotationChannels } from '../model/annotation';
import { detectionChannels } from '../model/detection';
import { pivotChannels } from '../model/pivot';
import { overviewChannels } from '../model/overview';
import { exportChannels } from '../model/export';
import { geoChannels } from '../model/geo';
import { groupChannels } from '../model/grouping';
import { sessionChannels } from '../model/session';
import { TimeZoneSetting } from '../model/time-zone';
import { droppedFileChannels } from '../model/dropped-file';
import { JobDoneEvent, JobId, JobProgressEvent } from './jobs';
import { pathField } from './path-field';
import { ImportFilter, PartialImportSource } from '../model/import-filter';

const Cell = z.union([z.string(), z.number(), z.null()]);

export const SourceInfo = z.object({
  id: z.number(),
  path: z.string(),
  fileName: z.string(),
  size: z.number().nullable(),
  sha256: z.string().nullable(),
  format: z.string().nullable(),
  records: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  errors: z.number(),
  warnings: z.number(),
  status: z.string().nullable(),
  /** Set by case.open: 'ok' | 'missing' | 'changed' after verifying the SHA-256. */
  evidenceCheck: z.string().optional(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

export const CaseInfo = z.object({
  path: z.string().nullable(),
  title: z.string(),
  signins: z.number(),
  timeMin: z.number().nullable(),
  timeMax: z.number().nullable(),
  sources: z.array(SourceInfo),
  dirty: z.boolean(),
  /** The display zone set for this case (`utc`, `local` or an IANA name); absent until one is set. */
  timeZone: z.string().optional(),
  /** What opening the case changed or cut for display (foreign views/triggers dropped, a capped title). */
  notices: z.array(z.string()).optional(),
  /** Evidence files imported through a triage filter (absent for a full import): the "partial import" banner. */
  partialImport: z.array(PartialImportSource).optional(),
});
export type CaseInfo = z.infer<typeof CaseInfo>;

/**
 * The parts of a case a change can touch, so that each view re-reads only what it shows: sign-in
 * rows, correlation sessions, per-IP geo, tags / notes / stars (and the activity log), findings and
 * rule settings, saved views, and `meta`, the case summary itself (title, path, dirty, sources, zone).
 */
export const CASE_PARTS = ['signins', 'sessions', 'geo', 'annotations', 'findings', 'views', 'meta'] as const;
export const CasePart = z.enum(CASE_PARTS);
export type CasePart = z.infer<typeof CasePart>;

/** `case.changed`: the new case summary and what changed (every part when another case was opened). */
export const CaseChanged = CaseInfo.extend({ what: z.array(CasePart) });
export type CaseChanged = z.infer<typeof CaseChanged>;

export const QueryReq = z.object({ filter: FilterSpec });

export const SHELL_COMMANDS = ['open', 'saveAs', 'chooseFolder', 'locateEvidence'] as const;
export type ShellCommand = (typeof SHELL_COMMANDS)[number];

export const contract = {
  /** roots: every granted location; writable: those that may be written into; outputDir: browser mode's output folder. */
  'app.info': {
    req: z.object({}),
    res: z.object({ version: z.string(), mode: z.enum(['electron', 'browser', 'test']), roots: z.array(z.string()), writable: z.array(z.string()), outputDir: z.string().nullable() }),
  },
  /** Desktop only: native dialogs (open evidence or a case, save as, pick a folder to write into). */
  'app.command': { req: z.object({ command: z.enum(SHELL_COMMANDS) }), res: z.object({ done: z.boolean(), path: z.string().nullable() }) },
  'case.info': { req: z.object({}), res: CaseInfo },
  'case.new': { req: z.object({}), res: CaseInfo },
  'case.openDemo': { req: z.object({}), res: CaseInfo },
  'case.open': { req: z.object({ path: pathField('read') }), res: CaseInfo },
  /** Sets the case's display time zone (saved in the case). */
  'case.setTimeZone': { req: z.object({ zone: TimeZoneSetting }), res: CaseInfo },
  /** Points an evidence file of the case at a new path; accepted only when its size and SHA-256 match. */
  'case.locateEvidence': { req: z.object({ sourceId: z.number().int(), path: pathField('read') }), res: CaseInfo },
  'case.save': { req: z.object({ path: pathField('write').optional(), overwrite: z.boolean().optional() }), res: z.object({ path: z.string(), bytes: z.number() }) },
  'fs.list': {
    req: z.object({ dir: pathField('read').optional() }),
    res: z.object({ dir: z.string().nullable(), entries: z.array(z.object({ name: z.string(), path: z.string(), isDir: z.boolean(), size: z.number() })) }),
  },
  /** newCase: the demo was open, so the evidence went into a new untitled case instead. */
  'import.start': {
    req: z.object({ paths: z.array(pathField('read')).min(1).max(LIMITS.maxPaths), filter: ImportFilter.optional() }),
    res: z.object({ jobId: JobId, newCase: z.boolean().optional() }),
  },
  'import.errors': {
    req: z.object({ sourceId: z.number().int().optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    res: z.array(
      z.object({ sourceId: z.number().nullable(), file: z.string().nullable(), recordIndex: z.number().nullable(), byteOffset: z.number().nullable(), severity: z.string(), message: z.string() }),
    ),
  },
  'jobs.cancel': { req: z.object({ jobId: JobId }), res: z.object({ cancelled: z.boolean() }) },
  /** Materializes the ordered row ids of a filter + sort; pages are then fetched by position. */
  'query.snapshot': {
    req: z.object({ filter: FilterSpec, sort: SortSpec }),
    res: z.object({ snapshotId: z.number(), matching: z.number(), total: z.number(), ms: z.number() }),
  },
  'query.page': {
    req: z.object({ snapshotId: z.number().int(), from: z.number().int().min(0), count: z.number().int().min(1).max(LIMITS.maxPageRows), columns: z.array(z.string().max(64)).max(80) }),
    res: z.object({ rows: z.array(z.array(Cell)), rids: z.array(z.number()) }),
  },
  /** Find (Ctrl+F): the next / previous position of a snapshot whose shown text in `columns` contains `text`, and the match count. */
  'query.find': {
    req: z.object({
      snapshotId: z.number().int(),
      text: z.string().min(1).max(200),
      columns: z.array(z.string().max(64)).min(1).max(80),
      from: z.number().int().min(-1),
      dir: z.enum(['next', 'prev']),
    }),
    res: z.object({ count: z.number(), position: z.number().nullable(), ordinal: z.number().nullable() }),
  },
  'query.facets': {
    req: z.object({ filter: FilterSpec, column: z.string().max(64), limit: z.number().int().min(1).max(500).default(50), search: z.string().max(200).optional() }),
    res: z.object({ values: z.array(z.object({ value: Cell, count: z.number() })), distinct: z.number() }),
  },
  'record.get': {
    req: z.object({ rid: z.number().int() }),
    res: z.object({
      values: z.record(z.string(), Cell),
      raw: z.string().nullable(),
      rawNote: z.string().nullable(),
      /** The source id whose evidence file is missing or changed (the Raw view offers "Locate…"). */
      rawLocate: z.number().nullable().optional(),
      authSteps: z.array(z.record(z.string(), Cell)),
      caPolicies: z.array(z.record(z.string(), Cell)),
      errorMeaning: z.string().nullable(),
      source: z.object({ fileName: z.string(), format: z.string().nullable(), recordIndex: z.number().nullable() }).nullable(),
      /** Every stored version of this request id (re-published records), in import order; empty when there is one. */
      versions: z.array(z.object({ rid: z.number(), fileName: z.string().nullable(), recordIndex: z.number().nullable(), changed: z.array(z.string()) })),
    }),
  },
  'timeline.histogram': {
    req: z.object({ filter: FilterSpec, buckets: z.number().int().min(10).max(2000).default(300) }),
    res: z.object({
      bucketMs: z.number(),
      from: z.number(),
      to: z.number(),
      series: z.array(z.object({ t: z.number(), success: z.number(), failure: z.number(), interrupted: z.number(), other: z.number() })),
    }),
  },
  'timeline.swimlanes': {
    req: z.object({ filter: FilterSpec, lanes: z.number().int().min(1).max(100).default(25), buckets: z.number().int().min(10).max(1000).default(200) }),
    res: z.object({
      bucketMs: z.number(),
      from: z.number(),
      to: z.number(),
      lanes: z.array(z.object({ user: z.string(), total: z.number(), cells: z.array(z.tuple([z.number(), z.number(), z.number()])) })),
    }),
  },
  'stats.overview': {
    req: QueryReq,
    res: z.object({
      signins: z.number(),
      users: z.number(),
      apps: z.number(),
      ips: z.number(),
      byStatus: z.array(z.object({ value: Cell, count: z.number() })),
      mfa: z.array(z.object({ method: z.string(), total: z.number(), succeeded: z.number() })),
    }),
  },
  'query.aggregate': {
    req: z.object({ filter: FilterSpec, window: z.enum(['1h', '6h', '24h']), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
    res: z.object({
      total: z.number(),
      rows: z.array(
        z.object({
          windowStart: z.number(),
          app: z.string().nullable(),
          user: z.string().nullable(),
          servicePrincipal: z.boolean(),
          ip: z.string().nullable(),
          status: z.string().nullable(),
          resource: z.string().nullable(),
          count: z.number(),
          first: z.number(),
          last: z.number(),
        }),
      ),
      ms: z.number(),
    }),
  },
  ...groupChannels,
  // Map (geo.*) and sessions channels; their schemas live in shared/model/geo.ts and session.ts.
  ...geoChannels,
  ...sessionChannels,
  ...detectionChannels,
  ...pivotChannels,
  ...overviewChannels,
  // Annotations, activity log, saved views, recovery; exports and the report (shared/model/annotation.ts, export.ts).
  ...annotationChannels,
  ...exportChannels,
  // Browser mode: files dropped on the page, copied into the output folder (shared/model/dropped-file.ts).
  ...droppedFileChannels,
} as const;
export type Channel = keyof typeof contract;
export type Req<C extends Channel> = z.input<(typeof contract)[C]['req']>;
export type ParsedReq<C extends Channel> = z.output<(typeof contract)[C]['req']>;
export type Res<C extends Channel> = z.output<(typeof contract)[C]['res']>;

export { JobProgressEvent, JobDoneEvent } from './jobs';

export const events = {
  'job.progress': JobProgressEvent,
  'job.done': JobDoneEvent,
  'case.changed': CaseChanged,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** The wire form of shared/errors.ts's AppError. */
export type ApiErrorCode = ErrorCode;
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ApiErrorCode; message: string } };
