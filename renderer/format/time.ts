// Timestamps are shown as `YYYY-MM-DD HH:mm:ss` in UTC, in the machine's zone, or in an IANA zone the
// analyst sets for the case; the mode applies to the grid, the details pane and the timeline axes
// alike. Wall-clock fields and offsets come per instant (shared/util/zoned-time.ts): DST per row.
import type { TimeMode } from '../store/ui-slice';
export { isValidTimeZone as isValidTimeMode } from '../../shared/model/time-zone';
import { formatOffset, fromWallTime, offsetMinutes, wallTime } from '../../shared/util/zoned-time';
export { formatOffset, fromWallTime, offsetMinutes, offsetsBetween, offsetsLabel, wallTime, type WallTime } from '../../shared/util/zoned-time';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Every IANA zone this runtime knows (for the zone picker); UTC first. */
export function knownTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return ['UTC', ...(intl.supportedValuesOf?.('timeZone') ?? []).filter((z) => z !== 'UTC')];
}

/** Offset label of the zone at that instant, e.g. `UTC+02:00`. */
export function zoneLabel(ms: number, mode: TimeMode): string {
  return mode === 'utc' ? 'UTC' : `UTC${formatOffset(offsetMinutes(ms, mode))}`;
}

/** The zone's name: `UTC`, `local: Asia/Kolkata` or the IANA name. */
export function zoneName(mode: TimeMode): string {
  if (mode === 'utc') return 'UTC';
  if (mode === 'local') return `local: ${Intl.DateTimeFormat().resolvedOptions().timeZone}`;
  return mode;
}

/** The IANA name behind the mode (what exports and the report state); `local` is this machine's zone. */
export function concreteZone(mode: TimeMode): string {
  if (mode === 'utc') return 'UTC';
  return mode === 'local' ? Intl.DateTimeFormat().resolvedOptions().timeZone : mode;
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
