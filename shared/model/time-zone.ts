// The case's display time zone: `utc`, `local` (the viewing machine's zone) or an IANA zone name.
// Kept in case_meta so it travels with the case; checked wherever it enters (request, case file).
import { z } from 'zod';

/** True for `utc`, `local` and any zone name this runtime's ICU accepts (IANA names, `Etc/GMT+5`...). */
export function isValidTimeZone(zone: string): boolean {
  if (zone === 'utc' || zone === 'local') return true;
  if (zone.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSetting = z.string().min(1).max(64).refine(isValidTimeZone, 'not a known time zone');

/** The IANA zone an export or the report should state beside UTC, or null when there is none to state. */
export function statedZone(zone: string | undefined): string | null {
  return zone && zone !== 'UTC' && zone !== 'utc' && zone !== 'local' && isValidTimeZone(zone) ? zone : null;
}
