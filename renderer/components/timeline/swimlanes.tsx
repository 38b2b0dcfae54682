// One lane per user (the busiest under the current filter) on the shared time axis: when and how
// each account signed in, failures on top. Click a name to filter to that user; drag to select time.
import { useEffect, useMemo, useRef } from 'react';
import { useApi } from '../../app/use-api';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { drawTimeAxis, xOf, type TimeScale } from './axis';
import { palette, prepareCanvas, useElementWidth } from './canvas';
import { laneCells } from './lane-cells';
import { useBrush } from './use-brush';

const LANE_H = 16;
const LABEL_W = 220;
const AXIS = 20;

export function Swimlanes({ height }: { height: number }) {
  const filter = useStore((s) => s.filter);
  const caseVersion = useStore((s) => s.caseVersion);
  const mode = useStore((s) => s.timeMode);
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const plotWidth = Math.max(10, width - LABEL_W - 12);
  const buckets = Math.max(10, Math.min(1000, Math.floor(plotWidth / 4)));
  const { data, error } = useApi('timeline.swimlanes', width > 0 ? { filter, lanes: 25, buckets } : null, caseVersion);
  const canvasHeight = Math.max(height, (data?.lanes.length ?? 0) * LANE_H + AXIS + 4);
  const scale = useMemo<TimeScale | null>(() => (data && data.lanes.length ? { from: data.from, to: Math.max(data.to, data.from + data.bucketMs), left: 0, width: plotWidth } : null), [data, plotWidth]);
  const { brush, handlers } = useBrush(scale, (from, to) => useStore.getState().setTimeRange(from, to));

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !data || !scale) return;
    const ctx = prepareCanvas(canvas, plotWidth, canvasHeight);
    if (!ctx) return;
    const p = palette(canvas);
    const lanesBottom = data.lanes.length * LANE_H;
    drawTimeAxis(ctx, scale, lanesBottom + 2, lanesBottom + AXIS, mode, p);
    const cellW = Math.max(1.5, xOf(scale, data.from + data.bucketMs));
    data.lanes.forEach((lane, i) => {
      const y = i * LANE_H;
      ctx.fillStyle = p.grid;
      ctx.fillRect(0, y + LANE_H - 1, plotWidth, 1);
      const peak = Math.max(1, ...laneCells(lane.cells).map((c) => c.success + c.failure + c.other));
      for (const c of laneCells(lane.cells)) {
        const x = xOf(scale, data.from + c.bucket * data.bucketMs);
        const total = c.success + c.failure + c.other;
        ctx.globalAlpha = 0.35 + 0.65 * Math.min(1, total / peak);
        ctx.fillStyle = c.success > 0 ? p.success : p.other;
        ctx.fillRect(x, y + 3, cellW, LANE_H - 7);
        if (c.failure > 0) {
          ctx.fillStyle = p.failure;
          ctx.fillRect(x, y + 3, cellW, c.success > 0 ? (LANE_H - 7) / 2 : LANE_H - 7);
        }
      }
      ctx.globalAlpha = 1;
    });
  }, [data, scale, plotWidth, canvasHeight, mode]);

  return (
    <div className="swimlanes" ref={wrapRef} style={{ height }} data-testid="swimlanes">
      {error && <div className="timeline-empty error">{error}</div>}
      {data && data.lanes.length === 0 && <div className="timeline-empty muted">No user sign-ins to show</div>}
      <div className="sl-scroll">
        <div className="sl-labels" style={{ width: LABEL_W }}>
          {data?.lanes.map((lane) => (
            <button
              key={lane.user}
              className="sl-label"
              style={{ height: LANE_H }}
              title={`${lane.user} — ${formatCount(lane.total)} sign-ins; click to filter`}
              onClick={() => useStore.getState().setColumnCondition('user_principal_name', { column: 'user_principal_name', op: 'in', values: [lane.user] })}
            >
              <span className="sl-name">{lane.user}</span>
              <span className="sl-total">{formatCount(lane.total)}</span>
            </button>
          ))}
        </div>
        <div className="sl-plot">
          <canvas ref={canvasRef} {...handlers} aria-label="Sign-ins per user over time; drag to select a time range" />
          {brush && <div className="brush" style={{ left: Math.min(brush.x0, brush.x1), width: Math.abs(brush.x1 - brush.x0), height: canvasHeight - AXIS }} />}
        </div>
      </div>
    </div>
  );
}
