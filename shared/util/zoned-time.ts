// Wall-clock time in a display zone: `utc`, `local` (this runtime's zone) or an IANA zone name.
// Fields and offsets are computed per instant with Intl (full ICU in Node 20 and Chromium), so every
// row gets the offset its zone had at that instant, DST included. Used by the renderer and the exports.

/** `utc`, `local` or an IANA zone name (see shared/model/time-zone.ts for validation). */
export type ZoneMode = string;

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
export function wallTime(ms: number, mode: ZoneMode): WallTime {
  const t = new Date(ms);
  if (mode === 'utc') return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), ms: t.getUTCMilliseconds() };
  if (mode === 'local') return { y: t.getFullYear(), mo: t.getMonth() + 1, d: t.getDate(), h: t.getHours(), mi: t.getMinutes(), s: t.getSeconds(), ms: t.getMilliseconds() };
  const p: Record<string, number> = {};
  for (const part of zoneFormatter(mode).formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour! % 24, mi: p.minute!, s: p.second!, ms: t.getUTCMilliseconds() };
}

/** Offset from UTC in minutes of the chosen zone at that instant (east positive). */
export function offsetMinutes(ms: number, mode: ZoneMode): number {
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

/** The distinct offsets the zone uses between two instants (DST gives two), sampled every 6 hours. */
export function offsetsBetween(from: number, to: number, mode: ZoneMode): number[] {
  const seen = new Set<number>();
  const step = Math.max(6 * 3_600_000, (to - from) / 4000);
  for (let t = from; t < to; t += step) seen.add(offsetMinutes(t, mode));
  seen.add(offsetMinutes(to, mode));
  return [...seen].sort((a, b) => a - b);
}

/** `UTC`, `UTC+05:30`, or `UTC-05:00 / UTC-04:00` when the zone changes offset within the span. */
export function offsetsLabel(from: number, to: number, mode: ZoneMode): string {
  return mode === 'utc'
    ? 'UTC'
    : offsetsBetween(from, to, mode)
        .map((o) => `UTC${formatOffset(o)}`)
        .join(' / ');
}

/** The instant at which the zone's clock shows these wall-clock fields (the earlier one in a DST overlap). */
export function fromWallTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, mode: ZoneMode = 'utc'): number {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (mode === 'utc') return asUtc;
  if (mode === 'local') return new Date(y, mo - 1, d, h, mi, s).getTime();
  // Try the offsets in force a day before and after: a match is the answer (the earlier of two in a
  // DST overlap); none matches in a DST gap, where the offset before the gap gives the hour after it.
  const candidates = [offsetMinutes(asUtc - 86_400_000, mode), offsetMinutes(asUtc + 86_400_000, mode)].map((o) => asUtc - o * 60_000);
  const exact = candidates.filter((t) => offsetMinutes(t, mode) * 60_000 + t === asUtc);
  return exact.length ? Math.min(...exact) : candidates[0]!;
}

/** ISO 8601 with the zone's offset at that instant: `2026-07-15T10:30:05.250-04:00`. */
export function isoInZone(ms: number, mode: ZoneMode): string {
  const w = wallTime(ms, mode);
  return `${String(w.y).padStart(4, '0')}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}.${pad(w.ms, 3)}${formatOffset(offsetMinutes(ms, mode))}`;
}
