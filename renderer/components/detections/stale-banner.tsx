// Says when the stored findings no longer describe the case: sign-ins were added or removed after
// the rules ran. Offers the re-run (a job with progress, cancellable) rather than starting it: a
// long run should not start behind the analyst's back.
import type { DetectionStatus } from '../../../shared/model/detection';
import { attempt } from '../../actions/attempt';
import { formatCount } from '../../format/numbers';
import { runDetections } from './run-detections';

export function StaleBanner({ status }: { status: DetectionStatus }) {
  if (!status.stale) return null;
  const rules = status.staleRuleIds.length;
  const counts = status.signinsAtRun !== null ? ` (${formatCount(status.signinsAtRun)} sign-ins then, ${formatCount(status.signinsNow)} now)` : '';
  return (
    <div className="det-stale banner" role="status" data-testid="stale-banner">
      <span>
        ⚠ Sign-ins were added or removed since the last run{counts}: the findings of {formatCount(rules)} rule{rules === 1 ? '' : 's'} may be out of date.
      </span>
      <button className="btn small primary" onClick={() => void attempt(runDetections)} data-testid="rerun-detections">
        Run detections again
      </button>
    </div>
  );
}
