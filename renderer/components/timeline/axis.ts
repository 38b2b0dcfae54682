// Time-to-pixel mapping and the x axis both timeline views draw.
import type { TimeMode } from '../../store/ui-slice';
import type { Palette } from './canvas';
import { timeTicks } from './time-ticks';

export interface TimeScale {
  from: number;
  to: number;
  left: number;
  width: number;
}

export const xOf = (s: TimeScale, t: number) => s.left + ((t - s.from) / Math.max(1, s.to - s.from)) * s.width;
export const tOf = (s: TimeScale, x: number) => s.from + ((x - s.left) / Math.max(1, s.width)) * (s.to - s.from);

/** Vertical gridlines from the top to `y`, and the labels under `y` (none when p.text is transparent). */
export function drawTimeAxis(ctx: CanvasRenderingContext2D, s: TimeScale, y: number, mode: TimeMode, p: Palette): void {
  ctx.font = p.font;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  for (const tick of timeTicks({ from: s.from, to: s.to, width: s.width, mode, measure: (l) => ctx.measureText(l).width })) {
    const x = Math.round(s.left + tick.x) + 0.5;
    ctx.strokeStyle = p.grid;
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, y);
    ctx.stroke();
    if (tick.label === null) continue;
    ctx.fillStyle = p.text;
    ctx.fillText(tick.label, x, y + 3);
  }
  ctx.strokeStyle = p.axis;
  ctx.beginPath();
  ctx.moveTo(s.left, y + 0.5);
  ctx.lineTo(s.left + s.width, y + 0.5);
  ctx.stroke();
}
