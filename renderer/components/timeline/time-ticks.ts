// Axis ticks for the timeline: calendar-aware steps (seconds up to decades) aligned on the wall clock
// of the chosen zone, and the finest step whose labels do not overlap at the given width. Pure, so it
// is unit-tested on spans from minutes to decades.
import { fromWallTime, wallTime, type WallTime } from '../../format/time';
import type { TimeMode } from '../../store/ui-slice';

export interface TimeTick {
  t: number;
  /** Pixels from the left edge of the plot. */
  x: number;
  /** Null where the label would be cut by an edge of the plot (the gridline is still drawn). */
  label: string | null;
}

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year';
interface Step {
  unit: Unit;
  n: number;
  /** Nominal length, to skip steps that cannot fit before generating them. */
  ms: number;
}

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const step =
  (unit: Unit, ms: number) =>
  (n: number): Step => ({ unit, n, ms: n * ms });
const STEPS: Step[] = [
  ...[1, 2, 5, 10, 15, 30].map(step('second', S)),
  ...[1, 2, 5, 10, 15, 30].map(step('minute', M)),
  ...[1, 2, 3, 6, 12].map(step('hour', H)),
  ...[1, 2, 7].map(step('day', D)),
  ...[1, 2, 3, 6].map(step('month', 30.4 * D)),
  ...[1, 2, 5, 10, 20, 50, 100].map(step('year', 365.25 * D)),
];

export interface TickOptions {
  from: number;
  to: number;
  /** Plot width in CSS pixels. */
  width: number;
  mode: TimeMode;
  /** Label width in pixels (the canvas's measureText); defaults to 7 px per character. */
  measure?: (label: string) => number;
  /** Minimum free space between two labels. */
  gap?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (y: number, mo: number) => new Date(Date.UTC(y, mo, 0)).getUTCDate();

/** Tick instants of one step between from and to, aligned on the zone's wall clock. */
function stepTicks(s: Step, from: number, to: number, mode: TimeMode): number[] {
  const out = new Set<number>();
  const add = (t: number) => t >= from && t <= to && out.add(t);
  if (s.unit === 'second' || (s.unit === 'minute' && s.n < 60)) {
    // Sub-hour steps divide every real zone offset change (whole or half hours), so epoch
    // multiples shifted by the offset at `from` stay on round wall-clock minutes.
    const size = s.ms;
    const w = wallTime(from, mode);
    const shift = (Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s, w.ms) - from) % size;
    for (let t = Math.ceil((from + shift) / size) * size - shift; t <= to; t += size) add(t);
    return [...out];
  }
  const start = wallTime(from, mode);
  const end = wallTime(to, mode);
  if (s.unit === 'year') {
    for (let y = Math.ceil(start.y / s.n) * s.n; y <= end.y; y += s.n) add(fromWallTime(y, 1, 1, 0, 0, 0, mode));
  } else if (s.unit === 'month') {
    for (let y = start.y; y <= end.y; y++) for (let mo = 1; mo <= 12; mo += s.n) add(fromWallTime(y, mo, 1, 0, 0, 0, mode));
  } else {
    // Days and hours: walk the calendar days of the span (wall days, so DST days have 23 or 25 h).
    for (let day = Date.UTC(start.y, start.mo - 1, start.d); day <= Date.UTC(end.y, end.mo - 1, end.d); day += D) {
      const c = new Date(day);
      const [y, mo, d] = [c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate()];
      if (s.unit === 'day') {
        // Restart on the 1st of each month; skip a day closer than a step to the next 1st.
        if ((d - 1) % s.n === 0 && (d === 1 || daysInMonth(y, mo) - d + 1 >= s.n)) add(fromWallTime(y, mo, d, 0, 0, 0, mode));
      } else {
        for (let h = 0; h < 24; h += s.n) add(fromWallTime(y, mo, d, h, 0, 0, mode));
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}

function label(s: Step, w: WallTime, first: boolean, yearsDiffer: boolean): string {
  const date = `${pad(w.mo)}-${pad(w.d)}`;
  const fullDate = `${w.y}-${date}`;
  switch (s.unit) {
    case 'year':
      return String(w.y);
    case 'month':
      return `${w.y}-${pad(w.mo)}`;
    case 'day':
      return yearsDiffer || first ? fullDate : date;
    default: {
      const clock = s.unit === 'second' ? `${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}` : `${pad(w.h)}:${pad(w.mi)}`;
      // The first label and each midnight carry the date, so a zoomed-in axis still says which day.
      if (first) return `${yearsDiffer ? fullDate : date} ${clock}`;
      return w.h === 0 && w.mi === 0 && w.s === 0 ? (yearsDiffer ? fullDate : date) : clock;
    }
  }
}

/** The finest ticks whose labels fit side by side; labels cut by the plot's edges are left out. */
export function timeTicks({ from, to, width, mode, measure = (l) => l.length * 7, gap = 16 }: TickOptions): TimeTick[] {
  const span = Math.max(1, to - from);
  const xOf = (t: number) => ((t - from) / span) * width;
  const yearsDiffer = wallTime(from, mode).y !== wallTime(to, mode).y;
  let fallback: TimeTick[] = [];
  for (const s of STEPS) {
    // Each label needs at least ~5 characters; skip steps that cannot fit before generating them.
    if ((span / s.ms) * 40 > width) continue;
    let dated = false;
    const ticks = stepTicks(s, from, to, mode).map((t): TimeTick => {
      const x = xOf(t);
      const text = label(s, wallTime(t, mode), !dated, yearsDiffer);
      const half = measure(text) / 2;
      if (x - half < 0 || x + half > width) return { t, x, label: null };
      dated = true;
      return { t, x, label: text };
    });
    let lastRight = -Infinity;
    let fits = true;
    for (const tick of ticks) {
      if (tick.label === null) continue;
      const half = measure(tick.label) / 2;
      if (tick.x - half < lastRight + gap) {
        fits = false;
        break;
      }
      lastRight = tick.x + half;
    }
    if (fits && ticks.some((t) => t.label !== null)) return ticks;
    if (fits) fallback = ticks;
  }
  return fallback;
}

/** Count-axis ticks: unique integers 0, step, 2·step... up to max (the plot's top), at least minGap px apart. */
export function countTicks(max: number, height: number, minGap = 18): number[] {
  const top = Math.max(1, max);
  // The plot is scaled to max, so a step of `size` is height·size/max pixels apart.
  const needed = Math.max(1, (top * minGap) / Math.max(1, height));
  let size = 1;
  for (let k = 1; ; k *= 10) {
    const found = [1, 2, 2.5, 5, 10].map((m) => m * k).find((c) => Number.isInteger(c) && c >= needed);
    if (found) {
      size = found;
      break;
    }
  }
  const out: number[] = [];
  for (let v = 0; v <= top; v += size) out.push(v);
  // A plot too short for a round step still labels its top with the (whole) maximum.
  if (out.length < 2) out.push(Math.floor(top));
  return out;
}
