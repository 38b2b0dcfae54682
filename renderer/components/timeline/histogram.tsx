// Sign-ins over time, stacked by status. The bucket size follows the visible range (the filter's
// time range, else the whole case), so brushing a range both filters and zooms.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../../actions/use-api';
import { formatCount } from '../../format/numbers';
import { formatDateTime, formatDuration } from '../../format/time';
import { useStore } from '../../store/store';
import { tOf, type TimeScale } from './axis';
import { palette, prepareCanvas, useElementWidth } from './canvas';
import { useCountedFilter } from './counted-filter';
import { drawHistogram } from './draw-histogram';
import { useBrush } from './use-brush';

const LEFT = 52;
const RIGHT = 12;
const AXIS = 20;
/** Charts at least this tall show the bucket note above the bars (in the tooltip otherwise). */
const NOTE_MIN_HEIGHT = 80;
const NOTE_ROOM = 18;

export function Histogram({ height }: { height: number }) {
  const filter = useCountedFilter();
  const mode = useStore((s) => s.timeMode);
  const theme = useStore((s) => s.theme);
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hoverX, setHoverX] = useState<number | null>(null);
  const plotWidth = Math.max(10, width - LEFT - RIGHT);
  const showNote = height >= NOTE_MIN_HEIGHT;
  const buckets = Math.max(10, Math.min(2000, Math.floor(plotWidth / 5)));
  const { data, error } = useApi('timeline.histogram', width > 0 && filter ? { filter, buckets } : null, ['signins']);

  const scale = useMemo<TimeScale | null>(
    () => (data && data.series.length ? { from: data.from, to: Math.max(data.to, data.from + data.bucketMs), left: LEFT, width: plotWidth } : null),
    [data, plotWidth],
  );
  const { brush, handlers } = useBrush(scale, (from, to) => {
    if (!data) return;
    // Snap to bucket edges so the chip shows the bars that were brushed.
    const snap = (t: number, up: boolean) => data.from + (up ? Math.ceil : Math.floor)((t - data.from) / data.bucketMs) * data.bucketMs;
    useStore.getState().setTimeRange(snap(from, false), snap(to, true));
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const ctx = prepareCanvas(canvas, width, height);
    if (!ctx || !data || !scale) return;
    ctx.clearRect(0, 0, width, height);
    drawHistogram(ctx, data, scale, height - AXIS, mode, palette(canvas), showNote ? NOTE_ROOM : undefined);
  }, [data, scale, width, height, mode, theme, showNote]);

  const hovered =
    data && scale && hoverX !== null
      ? data.series.find((b) => {
          const t = tOf(scale, hoverX);
          return t >= b.t && t < b.t + data.bucketMs;
        })
      : undefined;
  return (
    <div className="histogram" ref={wrapRef} style={{ height }} data-testid="histogram">
      <canvas
        ref={canvasRef}
        {...handlers}
        onMouseMove={(e) => setHoverX(e.clientX - e.currentTarget.getBoundingClientRect().left)}
        onMouseLeave={() => setHoverX(null)}
        aria-label="Sign-ins over time; drag to select a time range"
      />
      {brush && <div className="brush" style={{ left: Math.min(brush.x0, brush.x1), width: Math.abs(brush.x1 - brush.x0), height: height - AXIS }} />}
      {data && !data.series.length && <div className="timeline-empty muted">No sign-ins to chart</div>}
      {error && <div className="timeline-empty error">{error}</div>}
      {hovered && data && hoverX !== null && !brush && (
        <div className="tooltip" style={{ left: Math.min(hoverX + 12, width - 220), top: 4 }}>
          <div className="mono">{formatDateTime(hovered.t, mode)}</div>
          <div className="muted small">bucket {formatDuration(data.bucketMs)}</div>
          <div>
            <span className="dot st-success" /> Success {formatCount(hovered.success)}
          </div>
          <div>
            <span className="dot st-failure" /> Failure {formatCount(hovered.failure)}
          </div>
          <div>
            <span className="dot st-interrupted" /> Interrupted {formatCount(hovered.interrupted)}
          </div>
          {hovered.other > 0 && (
            <div>
              <span className="dot st-other" /> Other {formatCount(hovered.other)}
            </div>
          )}
        </div>
      )}
      {showNote && data && data.series.length > 0 && <div className="bucket-note muted small">{formatDuration(data.bucketMs)} per bar</div>}
    </div>
  );
}
