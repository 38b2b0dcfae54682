// Per-user lanes: a cell per active bucket, brighter with volume, failures in red on top.
import type { Res } from '../../../shared/api/contract';
import type { TimeMode } from '../../store/ui-slice';
import { drawTimeAxis, xOf, type TimeScale } from './axis';
import type { Palette } from './canvas';
import { laneCells } from './lane-cells';

export const LANE_H = 16;

export function drawLanes(ctx: CanvasRenderingContext2D, data: Res<'timeline.swimlanes'>, scale: TimeScale, mode: TimeMode, p: Palette): void {
  const bottom = data.lanes.length * LANE_H;
  // Grid lines only: the labels live on the separate, non-scrolling axis canvas.
  drawTimeAxis(ctx, scale, bottom, mode, { ...p, text: 'transparent', axis: 'transparent' });
  const cellW = Math.max(1.5, xOf(scale, data.from + data.bucketMs) - scale.left);
  data.lanes.forEach((lane, i) => {
    const y = i * LANE_H;
    ctx.fillStyle = p.grid;
    ctx.fillRect(0, y + LANE_H - 1, scale.width, 1);
    const cells = laneCells(lane.cells);
    const peak = Math.max(1, ...cells.map((c) => c.success + c.failure + c.other));
    for (const c of cells) {
      const x = xOf(scale, data.from + c.bucket * data.bucketMs);
      const total = c.success + c.failure + c.other;
      const h = LANE_H - 7;
      ctx.globalAlpha = 0.35 + 0.65 * Math.min(1, total / peak);
      ctx.fillStyle = c.success > 0 ? p.success : p.other;
      ctx.fillRect(x, y + 3, cellW, h);
      if (c.failure > 0) {
        ctx.globalAlpha = 1;
        ctx.fillStyle = p.failure;
        ctx.fillRect(x, y + 3, cellW, c.success > 0 ? h / 2 : h);
      }
    }
    ctx.globalAlpha = 1;
  });
}
