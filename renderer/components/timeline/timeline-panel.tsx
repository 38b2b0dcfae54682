// The timeline strip above the grid: histogram or per-user lanes, with zoom controls.
import { formatDateTime } from '../../format/time';
import { useCompactHeight } from '../../app/use-compact';
import { useStore } from '../../store/store';
import { Histogram } from './histogram';
import { Swimlanes } from './swimlanes';

export function TimelinePanel() {
  const open = useStore((s) => s.timelineOpen);
  const mode = useStore((s) => s.timelineMode);
  const timeMode = useStore((s) => s.timeMode);
  const from = useStore((s) => s.filter.timeFrom);
  const to = useStore((s) => s.filter.timeTo);
  const info = useStore((s) => s.caseInfo);
  const compact = useCompactHeight();
  const s = useStore.getState();
  const zoomOut = () => {
    if (from === undefined || to === undefined) return;
    const span = to - from;
    const lo = from - span;
    const hi = to + span;
    const min = info?.timeMin ?? lo;
    const max = (info?.timeMax ?? hi) + 1;
    if (lo <= min && hi >= max) s.setTimeRange(undefined, undefined);
    else s.setTimeRange(Math.max(lo, min), Math.min(hi, max));
  };
  return (
    <section className={`timeline${open ? '' : ' collapsed'}`} aria-label="Timeline">
      <header className="panel-head">
        <button className="btn icon" onClick={s.toggleTimeline} title={open ? 'Hide timeline' : 'Show timeline'} aria-label={open ? 'Hide timeline' : 'Show timeline'} aria-expanded={open}>
          {open ? '▾' : '▸'}
        </button>
        <span className="panel-title">Timeline</span>
        <div className="segmented small">
          <button className={mode === 'histogram' ? 'on' : ''} onClick={() => s.setTimelineMode('histogram')}>
            Sign-ins by status
          </button>
          <button className={mode === 'swimlanes' ? 'on' : ''} onClick={() => s.setTimelineMode('swimlanes')} data-testid="swimlanes-tab">
            Per user
          </button>
        </div>
        <span className="muted small legend">
          <span className="dot st-success" /> Success <span className="dot st-interrupted" /> Interrupted <span className="dot st-failure" /> Failure
        </span>
        <span className="grow" />
        <span className="muted small">
          {from !== undefined || to !== undefined
            ? `${from !== undefined ? formatDateTime(from, timeMode) : '…'} → ${to !== undefined ? formatDateTime(to, timeMode) : '…'}`
            : 'Drag across the chart to zoom into a time range'}
        </span>
        <button className="btn small" onClick={zoomOut} disabled={from === undefined || to === undefined}>
          Zoom out
        </button>
        <button className="btn small" onClick={() => s.setTimeRange(undefined, undefined)} disabled={from === undefined && to === undefined}>
          Whole case
        </button>
      </header>
      {open && (mode === 'histogram' ? <Histogram height={compact ? 48 : 118} /> : <Swimlanes height={compact ? 150 : 200} />)}
    </section>
  );
}
