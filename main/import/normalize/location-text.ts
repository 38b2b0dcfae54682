// Location written as one string: the admin center CSV's "City, State, CC" and the Log Analytics
// `Location` column (usually just the country code).
import { str } from './values';

/** "City, State, CC" → parts; the country is the last part when it is a 2-letter code. */
export function splitLocation(location: string | null): { city: string | null; state: string | null; country: string | null } {
  if (!location) return { city: null, state: null, country: null };
  const parts = location.split(',').map((p) => p.trim());
  const last = parts[parts.length - 1] ?? '';
  const country = /^[A-Za-z]{2}$/.test(last) ? last.toUpperCase() : null;
  const rest = country ? parts.slice(0, -1) : parts;
  return { city: str(rest[0]), state: str(rest.slice(1).join(', ')), country };
}
