// Parses and classifies the IP addresses found in sign-in logs. Only public addresses can be
// geolocated; the others get a label (private, CGNAT, documentation...) so the analyst sees why.
import ipaddr from 'ipaddr.js';

export const IP_KINDS = ['public', 'private', 'loopback', 'link-local', 'cgnat', 'documentation', 'multicast', 'reserved', 'unspecified', 'invalid'] as const;
export type IpKind = (typeof IP_KINDS)[number];

export interface ParsedIp {
  /** Canonical text: IPv4 dotted quad (IPv4-mapped IPv6 unwrapped), IPv6 in RFC 5952 form. */
  address: string;
  version: 4 | 6;
  kind: IpKind;
}

// ipaddr.js files the documentation ranges (RFC 5737, 3849, 9637) under 'reserved'; analysts
// meet them in samples and redacted exports, so they get their own label.
const DOCUMENTATION_CIDRS = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '2001:db8::/32', '3fff::/20'].map((c) => ipaddr.parseCIDR(c));

const RANGE_KIND: Record<string, IpKind> = {
  unicast: 'public',
  private: 'private',
  uniqueLocal: 'private',
  loopback: 'loopback',
  linkLocal: 'link-local',
  deprecatedSiteLocal: 'private',
  carrierGradeNat: 'cgnat',
  multicast: 'multicast',
  broadcast: 'reserved',
  unspecified: 'unspecified',
  // anycast services and transition prefixes carry routable public traffic
  as112: 'public',
  as112v6: 'public',
  amt: 'public',
  rfc6052: 'public',
  '6to4': 'public',
  teredo: 'public',
};

/** Strips what exports wrap addresses in: brackets, an IPv4 `:port`, an IPv6 zone (`%eth0`). */
function clean(raw: string): string {
  let s = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  const v4Port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(s);
  if (v4Port) s = v4Port[1]!;
  const zone = s.indexOf('%');
  return zone > 0 ? s.slice(0, zone) : s;
}

export function parseIp(raw: string | null | undefined): ParsedIp | null {
  if (!raw) return null;
  const text = clean(raw);
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) addr = ipaddr.IPv4.parse(text);
  else if (text.includes(':') && ipaddr.IPv6.isValid(text)) addr = ipaddr.IPv6.parse(text);
  else return null; // also rejects the legacy short/octal/hex IPv4 forms ipaddr.js would accept
  if (addr instanceof ipaddr.IPv6 && addr.isIPv4MappedAddress()) addr = addr.toIPv4Address();
  return { address: addr.toString(), version: addr.kind() === 'ipv4' ? 4 : 6, kind: kindOf(addr) };
}

export function classifyIp(raw: string | null | undefined): IpKind {
  return parseIp(raw)?.kind ?? 'invalid';
}

function kindOf(addr: ipaddr.IPv4 | ipaddr.IPv6): IpKind {
  for (const [net, bits] of DOCUMENTATION_CIDRS) {
    if (net.kind() === addr.kind() && addr.match(net, bits)) return 'documentation';
  }
  return RANGE_KIND[addr.range()] ?? 'reserved';
}
