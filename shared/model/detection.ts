// Detections: rule metadata, adjustable thresholds and the findings a run produces. Shared by the
// engine (main/detections/), the API contract and the findings panel.
import { z } from 'zod';

export const SEVERITIES = ['informational', 'low', 'medium', 'high'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/** One adjustable threshold of a rule: always a number, validated against its bounds. */
export const RuleParamInfo = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  integer: z.boolean(),
  min: z.number(),
  max: z.number(),
  default: z.number(),
  value: z.number(),
});
export type RuleParamInfo = z.infer<typeof RuleParamInfo>;

export const RuleInfo = z.object({
  id: z.string(),
  title: z.string(),
  severity: Severity, // the usual severity; a finding may be raised or lowered from it
  description: z.string(),
  logic: z.string(),
  references: z.array(z.string()),
  falsePositives: z.array(z.string()),
  enabled: z.boolean(),
  params: z.array(RuleParamInfo),
});
export type RuleInfo = z.infer<typeof RuleInfo>;

/** Stored list of supporting sign-ins is capped; `signinCount` keeps the true number. */
export const MAX_FINDING_RIDS = 5000;

export const Finding = z.object({
  id: z.number().optional(), // set once stored in the case
  ruleId: z.string(),
  severity: Severity,
  title: z.string(),
  timeFrom: z.number(),
  timeTo: z.number(),
  users: z.array(z.string()),
  ips: z.array(z.string()),
  signinCount: z.number(),
  rids: z.array(z.number()),
  /** Rule-specific figures (counts, distances, ASNs...) for the details pane. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))])),
});
export type Finding = z.infer<typeof Finding>;
export type FindingDetails = Finding['details'];

export const RuleRunStat = z.object({ ruleId: z.string(), findings: z.number(), ms: z.number(), error: z.string().nullable() });
export type RuleRunStat = z.infer<typeof RuleRunStat>;

/** The `job.done` summary of a detections run. */
export const DetectionRunSummary = z.object({
  findings: z.number(),
  bySeverity: z.record(Severity, z.number()),
  rules: z.array(RuleRunStat),
  cancelled: z.boolean(),
  ms: z.number(),
});
export type DetectionRunSummary = z.infer<typeof DetectionRunSummary>;

/** Whether the stored findings still describe the case's sign-ins. */
export const DetectionStatus = z.object({
  /** ISO time of the latest run (null: never run). */
  lastRunAt: z.string().nullable(),
  /** Sign-ins the latest run saw (null: not recorded, a case saved before runs were recorded). */
  signinsAtRun: z.number().nullable(),
  signinsNow: z.number(),
  /** Rules whose findings were computed before sign-ins were added or removed. */
  staleRuleIds: z.array(z.string()),
  stale: z.boolean(),
});
export type DetectionStatus = z.infer<typeof DetectionStatus>;

export const FindingsQuery = z.object({
  ruleId: z.string().max(64).optional(),
  minSeverity: Severity.optional(),
  withRids: z.boolean().default(false),
  limit: z.number().int().min(1).max(5000).default(1000),
});

export const DetectionSettingsReq = z.object({
  ruleId: z.string().max(64),
  enabled: z.boolean().optional(),
  /** Thresholds to change; a key set to null goes back to its default. */
  params: z.record(z.string().max(64), z.number().nullable()).default({}),
});

/** The detections channels of the API contract (spread into `contract`). */
export const detectionChannels = {
  /** Rules with their metadata and the case's current thresholds. */
  'detections.list': { req: z.object({}), res: z.array(RuleInfo) },
  /** Runs the enabled rules (or those named) as a job; `job.done` carries a DetectionRunSummary. */
  'detections.run': { req: z.object({ ruleIds: z.array(z.string().max(64)).max(100).optional() }), res: z.object({ jobId: z.string().max(64) }) },
  /** Stored findings, most severe first; `withRids` adds the supporting sign-ins' rids. */
  'detections.findings': { req: FindingsQuery, res: z.object({ findings: z.array(Finding), total: z.number() }) },
  /** Last run and staleness: were sign-ins added or removed since the findings were computed? */
  'detections.status': { req: z.object({}), res: DetectionStatus },
  /** Enables/disables a rule or adjusts its thresholds (validated against the rule's bounds). */
  'detections.settings': { req: DetectionSettingsReq, res: RuleInfo },
} as const;
