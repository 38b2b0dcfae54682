// "Show sign-ins": the grid shows exactly the finding's supporting sign-ins (FilterSpec.rids).
import type { Finding } from '../../../shared/model/detection';
import { findingWithRids } from '../../actions/detections';
import { showRidsInGrid } from '../../actions/navigate';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';

export async function showFindingSignins(finding: Finding): Promise<void> {
  const full = await findingWithRids(finding);
  if (!full) throw new Error('This finding is no longer in the case: run detections again.');
  showRidsInGrid(full.rids, `the sign-ins of finding #${full.id}: ${shorten(full.title, 60)}`);
  if (full.signinCount > full.rids.length) {
    useStore.getState().notify('info', `The finding lists its first ${formatCount(full.rids.length)} of ${formatCount(full.signinCount)} sign-ins: the grid shows those.`);
  }
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
