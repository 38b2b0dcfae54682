// Running the detection rules from the Detections view: the job (renderer/actions/detections.ts),
// then a notice with the outcome.
import { SEVERITIES, type DetectionRunSummary } from '../../../shared/model/detection';
import { runDetectionRules } from '../../actions/detections';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { severityLabel } from './severity';

export async function runDetections(): Promise<void> {
  const summary = await runDetectionRules();
  if (summary) notifyOutcome(summary);
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
