/** Timestamp renderings used by the different export formats (all UTC). */

/** Graph: seconds precision, "2025-03-04T02:10:00Z". */
export function graphTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19) + 'Z';
}

/** Diagnostic / Log Analytics: 7 fractional digits, "2025-03-04T02:10:00.1234567Z". */
export function iso7(ms: number, sub: number, suffix = 'Z'): string {
  return new Date(ms).toISOString().slice(0, 23) + String(sub).padStart(4, '0') + suffix;
}

/** Log Analytics "Export to CSV": "3/4/2025, 2:10:00.000 AM". */
export function laCsvTime(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}, ${h12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)} ${h < 12 ? 'AM' : 'PM'}`;
}

/** "2025-03-04" for file names. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
