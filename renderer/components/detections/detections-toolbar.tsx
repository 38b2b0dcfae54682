// Run (or watch and cancel) the rules; filter the findings by severity and rule; switch to the rules.
import { SEVERITIES, type RuleInfo, type Severity } from '../../../shared/model/detection';
import { attempt } from '../../actions/attempt';
import { formatCount } from '../../format/numbers';
import { formatDateTime } from '../../format/time';
import { runningJob, type TrackedJob } from '../../store/job-slice';
import { useStore } from '../../store/store';
import { JobBar } from '../case/job-bar';
import { useDetectionsView } from './detections-state';
import { runDetections } from './run-detections';
import { severityLabel } from './severity';

/** A detections job's progress events count rules as files and findings as records. */
function detectionProgress(job: TrackedJob) {
  const p = job.progress;
  return { jobId: job.jobId, rule: p?.file ?? 'Starting…', done: p?.fileIndex ?? 0, total: p?.files ?? 0, findings: p?.records ?? 0 };
}

interface ToolbarProps {
  rules: RuleInfo[];
  shown: number;
  total: number;
  /** ISO time of the latest run (null: never run). */
  lastRunAt: string | null;
}

export function DetectionsToolbar({ rules, shown, total, lastRunAt }: ToolbarProps) {
  const mode = useStore((s) => s.timeMode);
  const job = useStore((s) => runningJob(s, 'detections'));
  const run = job && detectionProgress(job);
  const signins = useStore((s) => s.caseInfo?.signins ?? 0);
  const view = useDetectionsView();
  const enabled = rules.filter((r) => r.enabled).length;
  return (
    <div className="det-toolbar">
      {run ? (
        <div className="det-job">
          <JobBar
            label={run.total ? `Rule ${Math.min(run.done + 1, run.total)} of ${run.total}` : 'Running detections'}
            detail={`${run.rule} · ${formatCount(run.findings)} finding${run.findings === 1 ? '' : 's'} so far`}
            done={run.done}
            total={run.total}
            jobId={run.jobId}
            testId="detections-progress"
          />
        </div>
      ) : (
        <button
          className="btn primary"
          disabled={signins === 0 || enabled === 0}
          onClick={() => void attempt(runDetections)}
          data-testid="run-detections"
          title={`Run the ${enabled} enabled rules over the case's ${formatCount(signins)} sign-ins`}
        >
          ▶ Run detections
        </button>
      )}
      <span className="muted small det-last-run" data-testid="last-run">
        {lastRunAt ? `Last run ${formatDateTime(Date.parse(lastRunAt), mode)}` : 'Never run'}
      </span>
      <div className="segmented small" role="group" aria-label="List">
        <button className={view.mode === 'findings' ? 'on' : ''} onClick={() => view.setMode('findings')} data-testid="mode-findings">
          Findings <span className="tab-count">{formatCount(total)}</span>
        </button>
        <button className={view.mode === 'rules' ? 'on' : ''} onClick={() => view.setMode('rules')} data-testid="mode-rules">
          Rules{' '}
          <span className="tab-count">
            {enabled}/{rules.length}
          </span>
        </button>
      </div>
      {view.mode === 'findings' && (
        <>
          <label className="det-filter">
            <span className="muted small">At least</span>
            <select className="input" value={view.minSeverity} onChange={(e) => view.setMinSeverity(e.target.value as Severity)} data-testid="min-severity">
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {severityLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="det-filter">
            <span className="muted small">Rule</span>
            <select className="input" value={view.ruleFilter ?? ''} onChange={(e) => view.setRuleFilter(e.target.value || null)} data-testid="rule-filter">
              <option value="">All rules</option>
              {rules.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          </label>
          {shown !== total && (
            <span className="muted small">
              {formatCount(shown)} of {formatCount(total)} shown
            </span>
          )}
        </>
      )}
    </div>
  );
}
