// Schemas of the sessions channels: sign-ins grouped by correlation id, linked across correlation
// ids by shared session id / token, with per-session flags.
import { z } from 'zod';
import { FilterSpec } from './filter-spec';

export const SESSION_FLAGS = [
  'ipChange',
  'countryChange',
  'asnChange',
  'deviceChange',
  'multiUser',
  'mfaByClaim',
  'deviceCode',
  'ropc',
  'authTransfer',
  /** The linked group (same session id / token) spans several countries or ASNs: token replay? */
  'linkedGeoChange',
] as const;
export type SessionFlag = (typeof SESSION_FLAGS)[number];

/** Sortable summary columns (API name → the `sessions` table column behind it). */
export const SESSION_SORT_COLUMNS = {
  firstMs: 'first_ms',
  lastMs: 'last_ms',
  durationMs: 'duration_ms',
  user: 'user',
  rows: 'rows',
  ipCount: 'ip_count',
  countryCount: 'country_count',
  appCount: 'app_count',
  finalStatus: 'final_status',
  flagCount: 'flag_count',
  linkedSessions: 'linked_sessions',
  correlationId: 'correlation_id',
} as const;
export type SessionSortColumn = keyof typeof SESSION_SORT_COLUMNS;

export const AuthStepSummary = z.object({ method: z.string(), succeeded: z.boolean().nullable(), detail: z.string().nullable() });

export const SessionSummary = z.object({
  sessionNo: z.number(),
  correlationId: z.string(),
  firstMs: z.number(),
  lastMs: z.number(),
  durationMs: z.number(),
  user: z.string(),
  users: z.number(),
  apps: z.array(z.string()),
  resources: z.array(z.string()),
  ips: z.array(z.string()),
  countries: z.array(z.string()),
  devices: z.array(z.string()),
  rows: z.number(),
  authSteps: z.array(AuthStepSummary),
  finalStatus: z.string(),
  finalCode: z.number().nullable(),
  linkedGroup: z.number(),
  linkedSessions: z.number(),
  flags: z.array(z.enum(SESSION_FLAGS)),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

const Cursor = z.object({ value: z.union([z.string(), z.number()]), sessionNo: z.number().int() });
export type SessionCursor = z.infer<typeof Cursor>;

export const SessionsListReq = z.object({
  /** Sessions with at least one sign-in matching the filter. */
  filter: FilterSpec,
  sort: z.object({ column: z.enum(Object.keys(SESSION_SORT_COLUMNS) as [SessionSortColumn, ...SessionSortColumn[]]), dir: z.enum(['asc', 'desc']) }).default({ column: 'firstMs', dir: 'desc' }),
  /** Only sessions carrying all these flags. */
  flags: z.array(z.enum(SESSION_FLAGS)).max(SESSION_FLAGS.length).optional(),
  linkedGroup: z.number().int().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  /** Keyset paging: the `next` cursor of the previous page. Wins over `offset`. */
  after: Cursor.optional(),
  /** Position paging (scrollbars): skip this many sessions. */
  offset: z.number().int().min(0).optional(),
});
export type SessionsListReq = z.infer<typeof SessionsListReq>;

export const SessionsListRes = z.object({
  rows: z.array(SessionSummary),
  total: z.number(),
  next: Cursor.nullable(),
  /** false: the sessions table was never built for this case (see sessions.rebuild). */
  built: z.boolean(),
  /** Sign-ins were added since the table was built. */
  stale: z.boolean(),
  ms: z.number(),
});

export const sessionChannels = {
  'sessions.list': { req: SessionsListReq, res: SessionsListRes },
  /** One session by number or correlation id: its sign-ins' rids in time order and its linked sessions. */
  'sessions.get': {
    req: z
      .object({ sessionNo: z.number().int().optional(), correlationId: z.string().max(256).optional() })
      .refine((r) => r.sessionNo !== undefined || r.correlationId !== undefined, 'sessionNo or correlationId is required'),
    res: z.object({ session: SessionSummary, rids: z.array(z.number()), linked: z.array(SessionSummary) }),
  },
  'sessions.rebuild': { req: z.object({}), res: z.object({ jobId: z.string() }) },
} as const;
