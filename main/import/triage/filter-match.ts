// The confirming half of a triage import: does a normalized sign-in match the filter? Decides every
// kept record, so a triage import keeps exactly what a full import filtered afterwards would.
import type { ImportFilter } from '../../../shared/model/import-filter';
import { inRange, parseIp, parseRange, type IpRange } from '../../query/ip-address';
import type { NormalizedSignin } from '../normalize/signin-record';

export type SigninMatcher = (signin: NormalizedSignin) => boolean;

export function matcherOf(filter: ImportFilter): SigninMatcher {
  const tests: SigninMatcher[] = [];
  if (filter.users?.length) {
    const users = lowerSet(filter.users);
    tests.push((s) => users.has(lower(s.values.user_principal_name)) || users.has(lower(s.values.user_id)));
  }
  if (filter.apps?.length) {
    const apps = lowerSet(filter.apps);
    tests.push((s) => apps.has(lower(s.values.app_display_name)) || apps.has(lower(s.values.app_id)));
  }
  if (filter.ips?.length) {
    const ranges = filter.ips.map(rangeOf);
    tests.push((s) => {
      const text = s.values.ip_address;
      const ip = typeof text === 'string' ? parseIp(text) : null;
      return ip !== null && ranges.some((r) => inRange(ip, r));
    });
  }
  const from = filter.from === undefined ? -Infinity : Date.parse(filter.from);
  const to = filter.to === undefined ? Infinity : Date.parse(filter.to);
  if (filter.from !== undefined || filter.to !== undefined) {
    // A sign-in without a readable time cannot be shown to fall inside the bounds: it is left out.
    tests.push((s) => typeof s.values.created_at === 'number' && s.values.created_at >= from && s.values.created_at <= to);
  }
  return (s) => tests.every((t) => t(s));
}

export function rangeOf(text: string): IpRange {
  const range = parseRange(text);
  if (!range) throw new Error(`not an IP address or CIDR range: ${text}`);
  return range;
}

function lowerSet(items: readonly string[]): Set<string> {
  return new Set(items.map((i) => asciiLower(i.trim())));
}

/** '' for a missing value: never a needle. */
function lower(v: string | number | null | undefined): string {
  return typeof v === 'string' ? asciiLower(v) : '';
}

/**
 * Case-insensitive for A-Z only, as SQLite's lower(): the byte pre-screen folds exactly these, so
 * the two halves agree on every name (full Unicode folding would let a Kelvin sign match a `k`).
 */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}
