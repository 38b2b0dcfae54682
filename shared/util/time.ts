// Timestamp parsing for every format seen in sign-in exports (ISO with 0-9 fraction digits and any
// offset, US "M/d/yyyy h:mm:ss AM", Log Analytics "3/4/2025, 2:10:00.000 AM", European "dd.MM.yyyy",
// epoch numbers). A timestamp without an offset is UTC: every Entra export writes UTC.

export type DateOrder = 'mdy' | 'dmy';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASHED = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*([AP]\.?M\.?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function offsetMinutes(tz: string | undefined): number {
  if (!tz || /^(z|utc)$/i.test(tz)) return 0;
  const sign = tz.startsWith('-') ? -1 : 1;
  const digits = tz.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function fractionMs(frac: string | undefined): number {
  return frac ? Math.floor(Number(`0.${frac}`) * 1000 + 1e-6) : 0;
}

function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, tz: string | undefined): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes(tz) * 60_000;
  return Number.isFinite(t) ? t : null;
}

/** Epoch milliseconds of a timestamp, or null when it is not one we can read unambiguously. */
export function parseTimestamp(value: unknown, order: DateOrder = 'mdy'): number | null {
  if (typeof value === 'number') return epochToMs(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  let m = ISO.exec(text);
  if (m) return utcMs(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0), fractionMs(m[7]), m[8]);
  m = SLASHED.exec(text);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    const dayFirst = m[2] === '.' || order === 'dmy';
    let hour = +m[5]!;
    const ampm = m[9]?.replace(/\./g, '').toUpperCase();
    if (ampm === 'PM' && hour < 12) hour += 12;
    if (ampm === 'AM' && hour === 12) hour = 0;
    return utcMs(+m[4]!, dayFirst ? b : a, dayFirst ? a : b, hour, +m[6]!, +(m[7] ?? 0), fractionMs(m[8]), m[10]);
  }
  m = DATE_ONLY.exec(text);
  if (m) return utcMs(+m[1]!, +m[2]!, +m[3]!, 0, 0, 0, 0, 'Z');
  if (/^\d{10}(\d{3})?$/.test(text)) return epochToMs(Number(text));
  return null;
}

function epochToMs(n: number): number | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  return n < 1e11 ? Math.round(n * 1000) : Math.round(n); // seconds vs milliseconds
}

/**
 * Which of month/day comes first in slashed dates of one file: day-first as soon as a first
 * component above 12 is seen, month-first when a second component above 12 is seen.
 */
export function inferDateOrder(samples: Iterable<string>): DateOrder | undefined {
  for (const s of samples) {
    const m = /^(\d{1,2})\/(\d{1,2})\/\d{4}/.exec(s.trim());
    if (!m) continue;
    if (+m[1]! > 12) return 'dmy';
    if (+m[2]! > 12) return 'mdy';
  }
  return undefined;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
