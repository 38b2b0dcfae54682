// When each rule last ran and over which sign-ins, so findings know when they are stale. The data
// stamp is main/query/case-cache's caseVersion (max rid, row count, dictionary size: adding or
// removing sign-ins changes it). Not CaseDb.version: that counts every write, annotations included,
// and starts again when a case is opened, while this is kept in case_meta so it travels with the
// case and its findings.
import { NUM, STR_NULL } from '../db/row-spec';
import type { DetectionStatus, Finding } from '../../shared/model/detection';
import type { CaseDb } from '../db/case-db';
import { caseVersion } from '../query/case-cache';
import { ensureFindingTables, replaceFindings } from './finding-store';

const META_KEY = 'detections.runs';

/** The case's sign-ins as a run sees them when it starts. */
export interface DataStamp {
  version: string;
  signins: number;
}

interface RuleRun extends DataStamp {
  at: string;
}

export function dataStamp(db: CaseDb): DataStamp {
  return { version: caseVersion(db), signins: db.value('SELECT count(*) FROM signin_data', [], NUM) ?? 0 };
}

/** Stores a run's findings in place of the completed rules' old ones, and when and over what it ran. */
export function saveRun(db: CaseDb, run: { completedRuleIds: string[]; findings: Finding[]; stamp: DataStamp }): void {
  replaceFindings(db, run.completedRuleIds, run.findings);
  recordRun(db, run.completedRuleIds, run.stamp);
}

function recordRun(db: CaseDb, ruleIds: readonly string[], stamp: DataStamp, at = new Date().toISOString()): void {
  const runs = loadRuns(db);
  for (const id of ruleIds) runs[id] = { at, ...stamp };
  db.setMeta(META_KEY, JSON.stringify(runs));
}

/** Last run, and the rules whose findings were computed over other sign-ins than the case holds now. */
export function detectionStatus(db: CaseDb): DetectionStatus {
  const runs = Object.entries(loadRuns(db));
  const now = dataStamp(db);
  const latest = runs.reduce<[string, RuleRun] | null>((a, b) => (!a || b[1].at > a[1].at ? b : a), null);
  const staleRuleIds = runs
    .filter(([, r]) => r.version !== now.version)
    .map(([id]) => id)
    .sort();
  let lastRunAt = latest?.[1].at ?? null;
  if (!lastRunAt) {
    // A case saved before runs were recorded: its findings say when they were made, not over what.
    ensureFindingTables(db);
    lastRunAt = db.value('SELECT max(created_at) FROM findings', [], STR_NULL) ?? null;
  }
  return { lastRunAt, signinsAtRun: latest?.[1].signins ?? null, signinsNow: now.signins, staleRuleIds, stale: staleRuleIds.length > 0 };
}

function loadRuns(db: CaseDb): Record<string, RuleRun> {
  const raw = db.meta(META_KEY);
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, RuleRun>) : {};
  } catch {
    return {};
  }
}
