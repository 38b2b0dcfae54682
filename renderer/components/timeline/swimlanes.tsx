// One lane per user (the busiest under the current filter) on the shared time axis: when and how
// each account signed in, failures on top. Click a name to filter to that user; drag to select time.
import { useEffect, useMemo, useRef } from 'react';
import { useApi } from '../../actions/use-api';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { drawTimeAxis, type TimeScale } from './axis';
import { palette, prepareCanvas, useElementWidth } from './canvas';
import { useCountedFilter } from './counted-filter';
import { drawLanes, LANE_H } from './draw-lanes';
import { useBrush } from './use-brush';

const LABEL_W = 220;
const AXIS = 20;

export function Swimlanes({ height }: { height: number }) {
  const filter = useCountedFilter();
  const mode = useStore((s) => s.timeMode);
  const theme = useStore((s) => s.theme);
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const lanesRef = useRef<HTMLCanvasElement>(null);
  const axisRef = useRef<HTMLCanvasElement>(null);
  const plotWidth = Math.max(10, width - LABEL_W - 24);
  const buckets = Math.max(10, Math.min(1000, Math.floor(plotWidth / 4)));
  const { data, error } = useApi('timeline.swimlanes', width > 0 && filter ? { filter, lanes: 25, buckets } : null, ['signins']);
  const lanesHeight = (data?.lanes.length ?? 0) * LANE_H;
  const scale = useMemo<TimeScale | null>(
    () => (data && data.lanes.length ? { from: data.from, to: Math.max(data.to, data.from + data.bucketMs), left: 0, width: plotWidth } : null),
    [data, plotWidth],
  );
  const { brush, handlers } = useBrush(scale, (from, to) => useStore.getState().setTimeRange(from, to));

  useEffect(() => {
    if (!data || !scale || !lanesRef.current || !axisRef.current) return;
    const p = palette(lanesRef.current);
    const lanes = prepareCanvas(lanesRef.current, plotWidth, Math.max(1, lanesHeight));
    if (lanes) drawLanes(lanes, data, scale, mode, p);
    const axis = prepareCanvas(axisRef.current, plotWidth, AXIS);
    if (axis) drawTimeAxis(axis, scale, 0, mode, p);
  }, [data, scale, plotWidth, lanesHeight, mode, theme]);

  return (
    <div className="swimlanes" ref={wrapRef} style={{ height }} data-testid="swimlanes">
      {error && <div className="timeline-empty error">{error}</div>}
      {data && data.lanes.length === 0 && <div className="timeline-empty muted">No user sign-ins to show</div>}
      <div className="sl-scroll" style={{ height: height - AXIS }}>
        <div className="sl-labels" style={{ width: LABEL_W }}>
          {data?.lanes.map((lane) => (
            <button
              key={lane.user}
              className="sl-label"
              style={{ height: LANE_H }}
              title={`${lane.user}: ${formatCount(lane.total)} sign-ins; click to filter`}
              onClick={() => useStore.getState().setColumnCondition('user_principal_name', { column: 'user_principal_name', op: 'in', values: [lane.user] })}
            >
              <span className="sl-name">{lane.user}</span>
              <span className="sl-total">{formatCount(lane.total)}</span>
            </button>
          ))}
        </div>
        <div className="sl-plot">
          <canvas ref={lanesRef} {...handlers} aria-label="Sign-ins per user over time; drag to select a time range" />
          {brush && <div className="brush" style={{ left: Math.min(brush.x0, brush.x1), width: Math.abs(brush.x1 - brush.x0), height: lanesHeight }} />}
        </div>
      </div>
      <div className="sl-axis" style={{ paddingLeft: LABEL_W }}>
        <canvas ref={axisRef} />
      </div>
    </div>
  );
}
