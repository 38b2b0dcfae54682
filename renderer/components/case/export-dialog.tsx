// Export the current filter's sign-ins (CSV / JSON / Timesketch JSONL) or write the HTML case report:
// options, where to write, then the job's progress and a notice with the written path.
import { useMemo, useState } from 'react';
import { COLUMN_BY_KEY, COLUMNS } from '../../../shared/model/columns';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/model/export';
import { exportRows, writeReport } from '../../actions/exports';
import { formatBytes, formatCount } from '../../format/numbers';
import { concreteZone } from '../../format/time';
import { useStore } from '../../store/store';
import { writeAskingToReplace } from '../common/confirm';
import { Modal } from '../evidence/modal';
import { describeFilter } from './filter-summary';
import { FileTarget, targetPath, useFileTarget } from './file-target';
import { JobBar } from './job-bar';
import { runningJob, type JobDone } from '../../store/job-slice';

export type ExportKind = 'rows' | 'report';

const FORMAT_INFO: Record<ExportFormat, { label: string; ext: string; hint: string }> = {
  csv: { label: 'CSV', ext: '.csv', hint: 'Opens in Excel; cells starting with = + - @ are neutralized.' },
  json: { label: 'JSON', ext: '.json', hint: 'An array of objects, one per sign-in.' },
  timesketch: { label: 'Timesketch JSONL', ext: '.jsonl', hint: 'One event per line with message, datetime and timestamp_desc.' },
};

function slug(title: string | undefined): string {
  return (
    (title ?? 'case')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'case'
  );
}

export function ExportDialog({ kind, onClose }: { kind: ExportKind; onClose: () => void }) {
  const info = useStore((s) => s.caseInfo);
  const filter = useStore((s) => s.filter);
  // Exports hold evidence columns; the grid's tags / starred columns are the investigator's marks.
  const shownColumns = useStore((s) => s.columns);
  const gridColumns = useMemo(() => shownColumns.filter((c) => COLUMN_BY_KEY.has(c)), [shownColumns]);
  const matching = useStore((s) => s.snapshot?.matching ?? 0);
  const folder = useFileTarget();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [allColumns, setAllColumns] = useState(false);
  const [reportScope, setReportScope] = useState<'case' | 'filter'>('case');
  const [title, setTitle] = useState(info?.title ?? '');
  const [name, setName] = useState(kind === 'rows' ? `${slug(info?.title)}-signins.csv` : `${slug(info?.title)}-report.html`);
  const tracked = useStore((s) => runningJob(s, kind === 'rows' ? 'export' : 'report'));
  const job = tracked && { jobId: tracked.jobId, done: tracked.progress?.bytesDone ?? 0, total: tracked.progress?.bytesTotal ?? 0, rows: tracked.progress?.records ?? 0 };
  const writable = useStore((s) => s.appInfo?.writable);
  const path = targetPath(folder, name, writable ?? []);
  const filtered = describeFilter(filter) !== 'no filter';

  const chooseFormat = (f: ExportFormat) => {
    setFormat(f);
    setName((n) => n.replace(/\.(csv|json|jsonl)$/i, '') + FORMAT_INFO[f].ext);
  };
  const start = async () => {
    if (!path) return;
    try {
      const write = (overwrite: boolean) =>
        kind === 'rows'
          ? exportRows({ filter, columns: allColumns ? COLUMNS.map((c) => c.key) : gridColumns, format, path, overwrite, timeZone: concreteZone(useStore.getState().timeMode) })
          : writeReport({
              path,
              overwrite,
              timeZone: concreteZone(useStore.getState().timeMode),
              ...(title.trim() ? { title: title.trim() } : {}),
              ...(reportScope === 'filter' ? { filter } : {}),
            });
      const done = await writeAskingToReplace(path, write);
      if (!done) return;
      announce(kind, done);
      if (done.ok && !done.cancelled) onClose();
    } catch (e) {
      useStore.getState().notify('error', (e as Error).message);
    }
  };

  return (
    <Modal title={kind === 'rows' ? 'Export sign-ins' : 'HTML case report'} testId={kind === 'rows' ? 'export-dialog' : 'report-dialog'} onClose={onClose}>
      <div className="dialog-body export-options">
        {kind === 'rows' ? (
          <>
            <div className="opt-row">
              <span className="opt-label">Sign-ins</span>
              <span>
                <strong>{formatCount(matching)}</strong> {filtered ? `matching the current filter (${describeFilter(filter)})` : 'in the case (no filter)'}, in time order
              </span>
            </div>
            <div className="opt-row">
              <span className="opt-label">Format</span>
              <div className="segmented small" role="group" aria-label="Format">
                {EXPORT_FORMATS.map((f) => (
                  <button key={f} className={format === f ? 'on' : ''} onClick={() => chooseFormat(f)} data-testid={`format-${f}`}>
                    {FORMAT_INFO[f].label}
                  </button>
                ))}
              </div>
              <span className="muted small">{FORMAT_INFO[format].hint}</span>
            </div>
            <div className="opt-row">
              <span className="opt-label">Columns</span>
              <div className="segmented small" role="group" aria-label="Columns">
                <button className={allColumns ? '' : 'on'} onClick={() => setAllColumns(false)}>
                  Grid columns ({gridColumns.length})
                </button>
                <button className={allColumns ? 'on' : ''} onClick={() => setAllColumns(true)}>
                  All columns ({COLUMNS.length})
                </button>
              </div>
            </div>
          </>
        ) : (
          <>
            <div className="opt-row">
              <span className="opt-label">Title</span>
              <input className="input grow" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="report-title" />
            </div>
            <div className="opt-row">
              <span className="opt-label">Covers</span>
              <div className="segmented small" role="group" aria-label="Scope">
                <button className={reportScope === 'case' ? 'on' : ''} onClick={() => setReportScope('case')}>
                  The whole case ({formatCount(info?.signins ?? 0)})
                </button>
                <button className={reportScope === 'filter' ? 'on' : ''} disabled={!filtered} onClick={() => setReportScope('filter')}>
                  The current filter ({formatCount(matching)})
                </button>
              </div>
            </div>
            <p className="muted small">One self-contained HTML file (no script, no network): evidence with hashes, timeline, map, findings with their sign-ins, tags and notes, activity log.</p>
          </>
        )}
      </div>
      <FileTarget folder={folder} name={name} onName={setName} testId={kind === 'rows' ? 'export' : 'report'} />
      <footer className="modal-foot">
        {job ? (
          <div className="grow">
            <JobBar
              label={kind === 'rows' ? 'Exporting' : 'Writing the report'}
              detail={kind === 'rows' && job.rows ? `${formatCount(job.rows)} rows · ${formatBytes(job.done)}` : undefined}
              done={job.done}
              total={job.total}
              jobId={job.jobId}
              testId="export-progress"
            />
          </div>
        ) : (
          <>
            <span className="grow" />
            <button className="btn" onClick={onClose}>
              Cancel
            </button>
            <button className="btn primary" disabled={!path || (kind === 'rows' && matching === 0)} onClick={() => void start()} data-testid="export-start">
              {kind === 'rows' ? `Export ${formatCount(matching)} sign-ins` : 'Write report'}
            </button>
          </>
        )}
      </footer>
    </Modal>
  );
}

function announce(kind: ExportKind, done: JobDone): void {
  const s = useStore.getState();
  if (done.cancelled) return s.notify('info', `${kind === 'rows' ? 'Export' : 'Report'} cancelled: no file was written.`);
  if (!done.ok) return s.notify('error', `${kind === 'rows' ? 'Export' : 'Report'} failed: ${done.error ?? 'unknown error'}`);
  if (done.kind === 'export' && done.summary) {
    const r = done.summary;
    s.notify('info', `Exported ${formatCount(r.rows)} sign-in${r.rows === 1 ? '' : 's'} as ${FORMAT_INFO[r.format].label} to ${r.path} (${formatBytes(r.bytes)}).`);
  } else if (done.kind === 'report' && done.summary) {
    const r = done.summary;
    s.notify('info', `Report written to ${r.path} (${formatBytes(r.bytes)}): ${formatCount(r.signins)} sign-ins, ${formatCount(r.findings)} findings, ${formatCount(r.annotations)} annotations.`);
  }
}
