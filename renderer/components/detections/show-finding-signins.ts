// "Show sign-ins": the grid shows exactly the finding's supporting sign-ins (FilterSpec.rids).
import type { Finding } from '../../../shared/model/detection';
import { api } from '../../api/client';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';

export async function showFindingSignins(finding: Finding): Promise<void> {
  // The list is read without rids; the finding's rule is read again with them (one rule is small).
  const res = await api().call('detections.findings', { ruleId: finding.ruleId, withRids: true, limit: 5000 });
  const full = res.findings.find((f) => f.id === finding.id);
  if (!full) throw new Error('This finding is no longer in the case: run detections again.');
  const s = useStore.getState();
  s.showRidsInGrid(full.rids, `the sign-ins of finding #${full.id}: ${shorten(full.title, 60)}`);
  if (full.signinCount > full.rids.length) {
    s.notify('info', `The finding lists its first ${formatCount(full.rids.length)} of ${formatCount(full.signinCount)} sign-ins: the grid shows those.`);
  }
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
