// Stacked status histogram on a canvas: success at the base, then interrupted, failure, other.
import type { Res } from '../../../shared/api/contract';
import { formatCount } from '../../format/numbers';
import type { TimeMode } from '../../store/ui-slice';
import { drawTimeAxis, xOf, type TimeScale } from './axis';
import type { Palette } from './canvas';
import { countTicks } from './time-ticks';

export type HistogramData = Res<'timeline.histogram'>;
export const STACK = ['success', 'interrupted', 'failure', 'other'] as const;

/** `top`: room left above the tallest bar (for the bucket note when the chart is tall enough to show it). */
export function drawHistogram(ctx: CanvasRenderingContext2D, data: HistogramData, scale: TimeScale, plotHeight: number, mode: TimeMode, p: Palette, top = 8): void {
  const total = Math.max(0, ...data.series.map((b) => b.success + b.failure + b.interrupted + b.other));
  const h = plotHeight - top;
  // Whole, distinct counts on the y axis; the tallest bar reaches the top of the plot.
  const max = Math.max(1, total);
  const counts = countTicks(total, h);
  ctx.font = p.font;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of counts) {
    if (v === 0) continue;
    const y = Math.round(plotHeight - h * (v / max)) + 0.5;
    ctx.strokeStyle = p.grid;
    ctx.beginPath();
    ctx.moveTo(scale.left, y);
    ctx.lineTo(scale.left + scale.width, y);
    ctx.stroke();
    ctx.fillStyle = p.text;
    ctx.fillText(formatCount(v), scale.left - 6, y);
  }
  drawTimeAxis(ctx, scale, plotHeight, mode, p);
  const barW = Math.max(1, xOf(scale, data.from + data.bucketMs) - scale.left - (data.bucketMs / (scale.to - scale.from)) * scale.width * 0.15);
  for (const b of data.series) {
    const x = xOf(scale, b.t);
    let y = plotHeight;
    for (const key of STACK) {
      const n = b[key];
      if (n <= 0) continue;
      const bh = Math.max(1, (n / max) * h);
      ctx.fillStyle = p[key];
      ctx.fillRect(x, y - bh, barW, bh);
      y -= bh;
    }
  }
}
