// Live import progress (bytes, records, rate, ETA) with Cancel; shown while a job runs.
import { attempt } from '../../actions/attempt';
import { cancelJob } from '../../actions/jobs';
import { formatBytes, formatCount, formatEta } from '../../format/numbers';
import { IMPORT_BAR_KINDS, runningJob } from '../../store/job-slice';
import { useStore } from '../../store/store';

const PHASE_LABEL: Record<string, string> = {
  reading: 'Importing',
  indexing: 'Building indexes…',
  enriching: 'Locating IP addresses…',
  sessions: 'Building sessions…',
  'search-cache': 'Preparing search…',
};

export function ImportProgress() {
  const job = useStore((s) => runningJob(s, ...IMPORT_BAR_KINDS));
  if (!job) return null;
  const p = job.progress;
  const jobId = job.jobId;
  const frac = p && p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 0;
  const indexing = p && p.phase !== 'reading'; // the phases after reading show a label, not bytes
  const steps = indexing && p.bytesTotal > 1; // ...and their steps (indexes built, sessions folded) when they count them
  return (
    <div className="import-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(frac * 100)} data-testid="import-progress">
      <div className="ip-text">
        <strong>{indexing ? (PHASE_LABEL[p.phase] ?? 'Working…') : p && p.kind !== 'import' ? `${p.kind[0]?.toUpperCase()}${p.kind.slice(1)}` : 'Importing'}</strong>
        {steps && (
          <span>
            {formatCount(p.bytesDone)} of {formatCount(p.bytesTotal)}
          </span>
        )}
        {p && !indexing && (
          <>
            <span>
              file {p.fileIndex + 1} of {p.files}: <span className="mono">{p.file}</span>
            </span>
            <span>
              {formatBytes(p.bytesDone)} of {formatBytes(p.bytesTotal)}
            </span>
            <span>{formatCount(p.records)} records</span>
            <span>
              {formatCount(p.recordsPerSecond)} rec/s · {formatBytes(p.bytesPerSecond)}/s
            </span>
            <span>ETA {formatEta(p.bytesDone, p.bytesTotal, p.bytesPerSecond)}</span>
          </>
        )}
        {!p && <span className="muted">starting…</span>}
        <span className="grow" />
        <button className="btn small danger" data-testid="cancel-import" disabled={!jobId} onClick={() => jobId && void attempt(() => cancelJob(jobId))}>
          Cancel
        </button>
      </div>
      <div className="ip-track">
        {/* keyed by phase: a new phase's bar starts empty instead of shrinking from the last one's */}
        <div key={p?.phase} className={`ip-fill${indexing && !steps ? ' indeterminate' : ''}`} style={{ width: `${(indexing && !steps ? 1 : frac) * 100}%` }} />
      </div>
    </div>
  );
}
