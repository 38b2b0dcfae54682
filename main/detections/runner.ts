// Runs rules one after another over a case. sql.js cannot be interrupted inside a statement, so
// cancellation and progress happen between rules (and between a rule's own statements), and the
// event loop gets a turn before each rule so a cancel request can arrive.
import type { DetectionRunSummary, Finding, RuleRunStat, Severity } from '../../shared/model/detection';
import type { CaseDb } from '../db/case-db';
import { DetectionCancelled } from './case-sql';
import { RULES } from './registry';
import { dataStamp, type DataStamp } from './run-record';
import { isEnabled, loadSettings, resolveParams } from './settings';

export interface RunOptions {
  /** Rules to run (default: every enabled rule). */
  ruleIds?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (p: { ruleId: string; title: string; index: number; total: number; findings: number }) => void;
}

export interface RunResult {
  findings: Finding[];
  summary: DetectionRunSummary;
  /** Rules that ran to the end (their stored findings may be replaced). */
  completedRuleIds: string[];
  /** The sign-ins the run saw when it started (findings know when they are stale). */
  stamp: DataStamp;
}

export async function runDetections(db: CaseDb, opts: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const stamp = dataStamp(db);
  const settings = loadSettings(db);
  const rules = opts.ruleIds ? RULES.filter((r) => opts.ruleIds!.includes(r.id)) : RULES.filter((r) => isEnabled(r, settings));
  const signal = opts.signal ?? new AbortController().signal;
  const findings: Finding[] = [];
  const stats: RuleRunStat[] = [];
  const completedRuleIds: string[] = [];
  for (const [index, rule] of rules.entries()) {
    await new Promise((resolve) => setImmediate(resolve));
    if (signal.aborted) break;
    opts.onProgress?.({ ruleId: rule.id, title: rule.title, index, total: rules.length, findings: findings.length });
    if (signal.aborted) break;
    const t0 = performance.now();
    try {
      const found = rule.run(db, resolveParams(rule, settings), signal);
      findings.push(...found);
      completedRuleIds.push(rule.id);
      stats.push({ ruleId: rule.id, findings: found.length, ms: Math.round(performance.now() - t0), error: null });
    } catch (e) {
      if (e instanceof DetectionCancelled) break;
      // One broken rule (e.g. an odd case file) must not hide the others' findings.
      stats.push({ ruleId: rule.id, findings: 0, ms: Math.round(performance.now() - t0), error: (e as Error).message });
    }
  }
  const bySeverity = { informational: 0, low: 0, medium: 0, high: 0 } satisfies Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity]++;
  return {
    findings,
    completedRuleIds,
    stamp,
    summary: { findings: findings.length, bySeverity, rules: stats, cancelled: signal.aborted, ms: Math.round(performance.now() - started) },
  };
}
