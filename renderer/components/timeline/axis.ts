// Time-to-pixel mapping and the x axis both timeline views draw.
import { formatTick, tickStep, ticks } from '../../format/time';
import type { TimeMode } from '../../store/ui-slice';
import type { Palette } from './canvas';

export interface TimeScale {
  from: number;
  to: number;
  left: number;
  width: number;
}

export const xOf = (s: TimeScale, t: number) => s.left + ((t - s.from) / Math.max(1, s.to - s.from)) * s.width;
export const tOf = (s: TimeScale, x: number) => s.from + ((x - s.left) / Math.max(1, s.width)) * (s.to - s.from);

export function drawTimeAxis(ctx: CanvasRenderingContext2D, s: TimeScale, y: number, bottom: number, mode: TimeMode, p: Palette): void {
  const step = tickStep(s.to - s.from, s.width);
  ctx.font = p.font;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  for (const t of ticks(s.from, s.to, step, mode)) {
    const x = Math.round(xOf(s, t)) + 0.5;
    ctx.strokeStyle = p.grid;
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, y);
    ctx.stroke();
    const label = formatTick(t, step, mode);
    const half = ctx.measureText(label).width / 2;
    // A label cut by either edge reads as a different time: leave it out.
    if (x - half < s.left - 30 || x + half > s.left + s.width + 8) continue;
    ctx.fillStyle = p.text;
    ctx.fillText(label, x, y + 3);
  }
  ctx.strokeStyle = p.axis;
  ctx.beginPath();
  ctx.moveTo(s.left, y + 0.5);
  ctx.lineTo(s.left + s.width, y + 0.5);
  ctx.stroke();
  void bottom;
}
