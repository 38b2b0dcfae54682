// The report's timeline picture: sign-ins per time bucket as stacked bars by outcome, inline SVG.
import { html, num, type SafeHtml } from './html';

export interface StatusBucket {
  t: number;
  success: number;
  failure: number;
  interrupted: number;
  other: number;
}

const W = 960;
const H = 220;
const PAD = { left: 48, right: 8, top: 10, bottom: 28 };
const STACK = [
  ['success', 'ok'],
  ['failure', 'fail'],
  ['interrupted', 'int'],
  ['other', 'other'],
] as const;

export function timelineSvg(series: readonly StatusBucket[], bucketMs: number): SafeHtml {
  if (series.length === 0) return html`<p class="muted">No sign-ins with a time.</p>`;
  const max = Math.max(1, ...series.map((b) => b.success + b.failure + b.interrupted + b.other));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const barW = plotW / series.length;
  const y = (count: number) => PAD.top + plotH - (count / max) * plotH;
  const bars = series.map((b, i) => {
    let base = 0;
    const x = PAD.left + i * barW;
    const parts = STACK.filter(([key]) => b[key] > 0).map(([key, cls]) => {
      const top = base + b[key];
      const rect = html`<rect class="${cls}" x="${num(x)}" y="${num(y(top))}" width="${num(Math.max(barW - 0.5, 0.5))}" height="${num(y(base) - y(top))}"/>`;
      base = top;
      return rect;
    });
    const label = `${isoMinute(b.t)}: ${b.success} success, ${b.failure} failure, ${b.interrupted} interrupted, ${b.other} other`;
    return parts.length ? html`<g><title>${label}</title>${parts}</g>` : '';
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const i = Math.min(series.length - 1, Math.round(f * (series.length - 1)));
    const x = PAD.left + i * barW;
    return html`<text class="axis" x="${num(x)}" y="${H - 8}" text-anchor="${f === 0 ? 'start' : f === 1 ? 'end' : 'middle'}">${isoMinute(series[i]!.t)}</text>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="Sign-ins over time by outcome">
<line class="axisline" x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W - PAD.right}" y2="${PAD.top + plotH}"/>
<text class="axis" x="${PAD.left - 6}" y="${PAD.top + 10}" text-anchor="end">${max}</text>
<text class="axis" x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end">0</text>
${bars}${ticks}</svg>
<p class="muted">Each bar is ${durationText(bucketMs)} (UTC). ${legend()}</p>`;
}

export function legend(): SafeHtml {
  return html`<span class="key ok">■</span> success <span class="key fail">■</span> failure <span class="key int">■</span> interrupted <span class="key other">■</span> other`;
}

function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

function durationText(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, name] of units) if (ms >= size && ms % size === 0) return `${ms / size} ${name}${ms / size === 1 ? '' : 's'}`;
  return `${ms} ms`;
}
