// Timestamps are shown as `YYYY-MM-DD HH:mm:ss` in UTC or in the machine's zone; the mode is a
// store setting applied to the grid, the details pane and the timeline axes alike.
import type { TimeMode } from '../store/ui-slice';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
}

function parts(ms: number, mode: TimeMode): Parts {
  const t = new Date(ms);
  return mode === 'utc'
    ? { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), ms: t.getUTCMilliseconds() }
    : { y: t.getFullYear(), mo: t.getMonth() + 1, d: t.getDate(), h: t.getHours(), mi: t.getMinutes(), s: t.getSeconds(), ms: t.getMilliseconds() };
}

/** Offset label of the local zone at that instant, e.g. `UTC+02:00`. */
export function zoneLabel(ms: number, mode: TimeMode): string {
  if (mode === 'utc') return 'UTC';
  const off = -new Date(ms).getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  return `UTC${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

export function formatDateTime(ms: number, mode: TimeMode, withMs = false): string {
  const p = parts(ms, mode);
  const base = `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
  return withMs ? `${base}.${pad(p.ms, 3)}` : base;
}

/** Short axis label whose precision follows the tick step. */
export function formatTick(ms: number, stepMs: number, mode: TimeMode): string {
  const p = parts(ms, mode);
  const date = `${pad(p.mo)}-${pad(p.d)}`;
  if (stepMs >= 86_400_000) return date;
  const time = `${pad(p.h)}:${pad(p.mi)}`;
  if (stepMs < 60_000) return `${time}:${pad(p.s)}`;
  return p.h === 0 && p.mi === 0 ? date : time;
}

/** Accepts an ISO text (as the `signins` view returns) or epoch ms. */
export function toMs(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value === '') return null;
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : null;
}

/** `yyyy-MM-dd HH:mm:ss` for a typed time bound, in the chosen mode. */
export function toInputValue(ms: number, mode: TimeMode): string {
  return formatDateTime(ms, mode);
}

/** Reads `yyyy-MM-dd HH:mm[:ss]` (or with a `T`) as a time in the chosen mode. */
export function fromInputValue(text: string, mode: TimeMode): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  return mode === 'utc' ? Date.UTC(y, mo - 1, d, h, mi, s) : new Date(y, mo - 1, d, h, mi, s).getTime();
}

const STEPS = [1, 2, 5, 10, 15, 30].map((s) => s * 1000)
  .concat([1, 2, 5, 10, 15, 30].map((m) => m * 60_000))
  .concat([1, 2, 3, 6, 12].map((h) => h * 3_600_000))
  .concat([1, 2, 7, 14, 30].map((d) => d * 86_400_000));

/** A tick step giving roughly one label per `pxPerTick` pixels. */
export function tickStep(spanMs: number, widthPx: number, pxPerTick = 110): number {
  const wanted = (spanMs / Math.max(1, widthPx)) * pxPerTick;
  return STEPS.find((s) => s >= wanted) ?? STEPS[STEPS.length - 1]!;
}

/** Tick positions aligned on the step in the chosen zone (local midnight, not UTC, in local mode). */
export function ticks(from: number, to: number, step: number, mode: TimeMode): number[] {
  const offset = mode === 'local' && step >= 3_600_000 ? -new Date(from).getTimezoneOffset() * 60_000 : 0;
  const out: number[] = [];
  let t = Math.ceil((from + offset) / step) * step - offset;
  for (; t <= to && out.length < 200; t += step) out.push(t);
  return out;
}

/** `850 ms`, `30 s`, `10 min`, `2 min 05 s`, `3 h`, `1 h 30 min`, `7 d`: trailing zero units dropped. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${pad(s % 60)} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${pad(m % 60)} min` : `${h} h`;
  return h % 24 ? `${Math.floor(h / 24)} d ${h % 24} h` : `${Math.floor(h / 24)} d`;
}
