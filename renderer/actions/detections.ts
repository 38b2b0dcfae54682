// Running the detection rules (a job, tracked like any), a rule's settings, and a finding's sign-ins.
import type { Req, Res } from '../../shared/api/contract';
import { DetectionRunSummary, type Finding } from '../../shared/model/detection';
import { api } from '../api/client';
import { runningJob } from '../store/job-slice';
import { useStore } from '../store/store';
import { changedHere } from './case-changes';
import { runJob } from './jobs';

/** Runs every enabled rule; resolves with the run's summary (null when one is already running or it had none). */
export async function runDetectionRules(): Promise<DetectionRunSummary | null> {
  if (runningJob(useStore.getState(), 'detections')) return null;
  const done = await runJob('detections', () => api().call('detections.run', {}), { pending: true }); // its end marks the findings changed
  if (!done.ok) throw new Error(`Detections failed: ${done.error ?? 'unknown error'}`);
  const parsed = DetectionRunSummary.safeParse(done.summary);
  if (!parsed.success) return null;
  useStore.getState().setDetectionSummary(parsed.data);
  return parsed.data;
}

/** A rule's enabled flag or thresholds (stored with the findings; they apply from the next run). */
export async function saveRuleSettings(req: Req<'detections.settings'>): Promise<Res<'detections.settings'>> {
  const info = await api().call('detections.settings', req);
  changedHere(['findings'], { dirty: false });
  return info;
}

/** The finding with its supporting sign-ins' rids (the list is read without them; one rule is small). */
export async function findingWithRids(finding: Finding): Promise<Finding | null> {
  const res = await api().call('detections.findings', { ruleId: finding.ruleId, withRids: true, limit: 5000 });
  return res.findings.find((f) => f.id === finding.id) ?? null;
}
