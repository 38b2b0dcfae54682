// Timestamps are shown as `YYYY-MM-DD HH:mm:ss` in UTC, in the machine's zone, or in an IANA zone the
// analyst sets for the case; the mode applies to the grid, the details pane and the timeline axes
// alike. Wall-clock fields and offsets are computed per instant, so every row gets its own DST offset.
import type { TimeMode } from '../store/ui-slice';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export interface WallTime {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
}

/** True for `utc`, `local` and any zone name Intl accepts (IANA names, `Etc/GMT+5`...). */
export function isValidTimeMode(mode: string): boolean {
  if (mode === 'utc' || mode === 'local') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: mode });
    return true;
  } catch {
    return false;
  }
}

/** Every IANA zone this runtime knows (for the zone picker); UTC first. */
export function knownTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return ['UTC', ...(intl.supportedValuesOf?.('timeZone') ?? []).filter((z) => z !== 'UTC')];
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in the chosen mode. */
export function wallTime(ms: number, mode: TimeMode): WallTime {
  const t = new Date(ms);
  if (mode === 'utc') return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), ms: t.getUTCMilliseconds() };
  if (mode === 'local') return { y: t.getFullYear(), mo: t.getMonth() + 1, d: t.getDate(), h: t.getHours(), mi: t.getMinutes(), s: t.getSeconds(), ms: t.getMilliseconds() };
  const p: Record<string, number> = {};
  for (const part of zoneFormatter(mode).formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour! % 24, mi: p.minute!, s: p.second!, ms: t.getUTCMilliseconds() };
}

/** Offset from UTC in minutes of the chosen zone at that instant (east positive). */
export function offsetMinutes(ms: number, mode: TimeMode): number {
  if (mode === 'utc') return 0;
  if (mode === 'local') return -new Date(ms).getTimezoneOffset();
  const w = wallTime(ms, mode);
  return Math.round((Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s, w.ms) - ms) / 60_000);
}

/** `+05:30`, `-04:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** Offset label of the zone at that instant, e.g. `UTC+02:00`. */
export function zoneLabel(ms: number, mode: TimeMode): string {
  return mode === 'utc' ? 'UTC' : `UTC${formatOffset(offsetMinutes(ms, mode))}`;
}

/** The zone's name: `UTC`, `local (Asia/Kolkata)` or the IANA name. */
export function zoneName(mode: TimeMode): string {
  if (mode === 'utc') return 'UTC';
  if (mode === 'local') return `local (${Intl.DateTimeFormat().resolvedOptions().timeZone})`;
  return mode;
}

/** The distinct offsets the zone uses between two instants (DST gives two), sampled every 6 hours. */
export function offsetsBetween(from: number, to: number, mode: TimeMode): number[] {
  const seen = new Set<number>();
  const step = Math.max(6 * 3_600_000, (to - from) / 4000);
  for (let t = from; t < to; t += step) seen.add(offsetMinutes(t, mode));
  seen.add(offsetMinutes(to, mode));
  return [...seen].sort((a, b) => a - b);
}

/** `UTC`, `UTC+05:30`, or `UTC-05:00 / UTC-04:00` when the zone changes offset within the span. */
export function offsetsLabel(from: number, to: number, mode: TimeMode): string {
  return mode === 'utc' ? 'UTC' : offsetsBetween(from, to, mode).map((o) => `UTC${formatOffset(o)}`).join(' / ');
}

/** The instant at which the zone's clock shows these wall-clock fields (the earlier one in a DST overlap). */
export function fromWallTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, mode: TimeMode = 'utc'): number {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (mode === 'utc') return asUtc;
  if (mode === 'local') return new Date(y, mo - 1, d, h, mi, s).getTime();
  // Try the offsets in force a day before and after: a match is the answer (the earlier of two in a
  // DST overlap); none matches in a DST gap, where the offset before the gap gives the hour after it.
  const candidates = [offsetMinutes(asUtc - 86_400_000, mode), offsetMinutes(asUtc + 86_400_000, mode)].map((o) => asUtc - o * 60_000);
  const exact = candidates.filter((t) => offsetMinutes(t, mode) * 60_000 + t === asUtc);
  return exact.length ? Math.min(...exact) : candidates[0]!;
}

export function formatDateTime(ms: number, mode: TimeMode, withMs = false): string {
  const p = wallTime(ms, mode);
  const base = `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
  return withMs ? `${base}.${pad(p.ms, 3)}` : base;
}

/** A row's time with its own offset when not in UTC: `2026-07-01 08:00:00 -04:00`. */
export function formatStamp(ms: number, mode: TimeMode, withMs = false): string {
  const text = formatDateTime(ms, mode, withMs);
  return mode === 'utc' ? text : `${text} ${formatOffset(offsetMinutes(ms, mode))}`;
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
  return fromWallTime(y, mo, d, h, mi, s, mode);
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
