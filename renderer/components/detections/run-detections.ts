// Running the detection rules as a job: progress per rule into the store, a notice with the outcome.
import { DetectionRunSummary, SEVERITIES } from '../../../shared/model/detection';
import { api } from '../../api/client';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { runJob } from '../case/jobs';
import { severityLabel } from './severity';

export async function runDetections(): Promise<void> {
  const s = useStore.getState();
  if (s.detectionRun) return;
  s.setDetectionRun({ jobId: null, rule: 'Starting…', done: 0, total: 0, findings: 0 });
  let summary: DetectionRunSummary | null = null;
  try {
    const done = await runJob(() => api().call('detections.run', {}), {
      onStarted: (jobId) => useStore.getState().setDetectionRun({ jobId, rule: 'Starting…', done: 0, total: 0, findings: 0 }),
      onProgress: (p) => useStore.getState().setDetectionRun({ jobId: p.jobId, rule: p.file, done: p.fileIndex, total: p.files, findings: p.records }),
    });
    if (!done.ok) throw new Error(`Detections failed: ${done.error ?? 'unknown error'}`);
    const parsed = DetectionRunSummary.safeParse(done.summary);
    summary = parsed.success ? parsed.data : null;
    if (summary) notifyOutcome(summary);
  } finally {
    useStore.getState().finishDetectionRun(summary);
  }
}

function notifyOutcome(summary: DetectionRunSummary): void {
  const s = useStore.getState();
  const bySeverity = [...SEVERITIES]
    .reverse()
    .filter((sev) => (summary.bySeverity[sev] ?? 0) > 0)
    .map((sev) => `${formatCount(summary.bySeverity[sev] ?? 0)} ${severityLabel(sev).toLowerCase()}`);
  const head = summary.cancelled ? 'Detections cancelled: the findings of the rules that completed are kept' : `Detections finished in ${(summary.ms / 1000).toFixed(1)} s`;
  s.notify('info', `${head}. ${formatCount(summary.findings)} finding${summary.findings === 1 ? '' : 's'}${bySeverity.length ? ` (${bySeverity.join(', ')})` : ''}.`);
  const failed = summary.rules.filter((r) => r.error);
  if (failed.length) s.notify('error', `${failed.length} rule${failed.length === 1 ? '' : 's'} failed: ${failed.map((r) => `${r.ruleId} (${r.error})`).join('; ')}`);
}
