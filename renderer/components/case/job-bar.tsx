// A running job as one line: what it is doing, a determinate bar when the total is known, Cancel.
import { attempt } from '../../actions/attempt';
import { cancelJob } from '../../actions/jobs';

interface JobBarProps {
  label: string;
  detail?: string;
  done: number;
  total: number;
  jobId: string | null;
  testId?: string;
}

export function JobBar({ label, detail, done, total, jobId, testId }: JobBarProps) {
  const frac = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div className="job-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(frac * 100)} data-testid={testId}>
      <div className="job-bar-text">
        <strong>{label}</strong>
        {detail && <span className="muted job-bar-detail">{detail}</span>}
        <span className="grow" />
        {total > 0 && <span className="muted num">{Math.round(frac * 100)}%</span>}
        <button className="btn small danger" disabled={!jobId} onClick={() => jobId && void attempt(() => cancelJob(jobId))}>
          Cancel
        </button>
      </div>
      <div className="job-bar-track">
        <div className={`job-bar-fill${total > 0 ? '' : ' indeterminate'}`} style={{ width: `${(total > 0 ? frac : 1) * 100}%` }} />
      </div>
    </div>
  );
}
