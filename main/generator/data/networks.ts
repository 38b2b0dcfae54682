/**
 * Fictional-but-plausible address plan. Real ASN numbers (so ASN-based rules
 * work), but every address comes from a reserved block so no real host is named:
 *   198.18.0.0/15   (RFC 2544 benchmarking) -> residential and mobile ISPs, a /20 each
 *   203.0.113.0/24  (TEST-NET-3)            -> Northwind office egress, a /28 per office
 *   198.51.100.0/24 (TEST-NET-2)            -> hosting / VPS providers, a /27 each
 *   192.0.2.0/24    (TEST-NET-1)            -> VPN exits, foreign ISPs, Azure, a /28 each
 *   2001:db8::/32   (IPv6 documentation)   -> mobile carriers
 */
import type { Rng } from '../prng';

export type IspKind = 'residential' | 'mobile' | 'business' | 'hosting' | 'vpn' | 'cloud';

export interface Isp {
  key: string;
  name: string;
  asn: number;
  country: string;
  kind: IspKind;
  /** First address (as uint32) and block size for IPv4. */
  base: number;
  size: number;
  /** 2001:db8:<tag>::/48 for carriers that hand out IPv6. */
  v6Tag?: string;
}

const ip4 = (a: number, b: number, c: number, d: number): number => ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;

let benchSlot = 0;
const res = (key: string, name: string, asn: number, country: string, kind: IspKind, v6Tag?: string): Isp => {
  const base = ip4(198, 18, 0, 0) + benchSlot++ * 4096;
  return v6Tag ? { key, name, asn, country, kind, base, size: 4096, v6Tag } : { key, name, asn, country, kind, base, size: 4096 };
};
const hosting = (slot: number, key: string, name: string, asn: number, country: string, kind: IspKind = 'hosting'): Isp => ({
  key,
  name,
  asn,
  country,
  kind,
  base: ip4(198, 51, 100, slot * 32),
  size: 32,
});
const test1 = (slot: number, key: string, name: string, asn: number, country: string, kind: IspKind): Isp => ({
  key,
  name,
  asn,
  country,
  kind,
  base: ip4(192, 0, 2, slot * 16),
  size: 16,
});

export const ISPS: readonly Isp[] = [
  res('comcast', 'Comcast Cable', 7922, 'US', 'residential'),
  res('att', 'AT&T Services', 7018, 'US', 'residential'),
  res('tmobile-us', 'T-Mobile USA', 21928, 'US', 'mobile', '2a1c'),
  res('verizon-wireless', 'Verizon Wireless', 22394, 'US', 'mobile', '2b07'),
  res('rogers', 'Rogers Communications', 812, 'CA', 'residential'),
  res('telus', 'TELUS Communications', 852, 'CA', 'mobile', '3c15'),
  res('bt', 'British Telecommunications', 2856, 'GB', 'residential'),
  res('virgin', 'Virgin Media', 5089, 'GB', 'residential'),
  res('ee', 'EE Limited', 12576, 'GB', 'mobile', '4d22'),
  res('dtag', 'Deutsche Telekom', 3320, 'DE', 'residential'),
  res('vodafone-de', 'Vodafone GmbH', 3209, 'DE', 'residential'),
  res('telefonica-de', 'Telefonica Germany', 6805, 'DE', 'mobile', '5e31'),
  res('singnet', 'SingNet', 3758, 'SG', 'residential'),
  res('starhub', 'StarHub', 4657, 'SG', 'mobile', '6f40'),
  res('tpg', 'TPG Telecom', 7545, 'AU', 'residential'),
  res('optus', 'Optus', 4804, 'AU', 'mobile', '7a58'),
  res('orange-fr', 'Orange S.A.', 3215, 'FR', 'residential'),
  res('ntt-ocn', 'NTT OCN', 4713, 'JP', 'residential'),
  res('airtel-in', 'Bharti Airtel', 24560, 'IN', 'residential'),
  res('kpn', 'KPN B.V.', 1136, 'NL', 'residential'),
  // Office egress (business fibre)
  { key: 'lumen', name: 'Lumen (Level 3)', asn: 3356, country: 'US', kind: 'business', base: ip4(203, 0, 113, 0), size: 256 },
  { key: 'bell', name: 'Bell Canada', asn: 577, country: 'CA', kind: 'business', base: ip4(203, 0, 113, 0), size: 256 },
  { key: 'bt-business', name: 'BT Business', asn: 2856, country: 'GB', kind: 'business', base: ip4(203, 0, 113, 0), size: 256 },
  { key: 'dtag-business', name: 'Deutsche Telekom Business', asn: 3320, country: 'DE', kind: 'business', base: ip4(203, 0, 113, 0), size: 256 },
  { key: 'singtel', name: 'Singtel', asn: 7473, country: 'SG', kind: 'business', base: ip4(203, 0, 113, 0), size: 256 },
  { key: 'telstra', name: 'Telstra', asn: 1221, country: 'AU', kind: 'business', base: ip4(203, 0, 113, 0), size: 256 },
  // Hosting / VPS (the Sigma hosting-ASN list)
  hosting(0, 'm247', 'M247 Europe', 9009, 'RO'),
  hosting(1, 'digitalocean', 'DigitalOcean', 14061, 'NL'),
  hosting(2, 'ovh', 'OVH SAS', 16276, 'FR'),
  hosting(3, 'linode', 'Akamai Connected Cloud (Linode)', 63949, 'DE'),
  hosting(4, 'vultr', 'The Constant Company (Vultr)', 20473, 'JP'),
  hosting(5, 'hetzner', 'Hetzner Online', 24940, 'DE'),
  hosting(6, 'aws', 'Amazon.com (AWS)', 16509, 'US'),
  hosting(7, 'datacamp', 'Datacamp Limited (VPN exits)', 212238, 'GB', 'vpn'),
  // TEST-NET-1 slices: VPN/Tor, hostile or far-away ISPs, Azure
  test1(0, 'privatelayer', 'Private Layer (Tor exits)', 51852, 'NL', 'vpn'),
  test1(1, 'cdn77', 'CDN77 / DataCamp', 60068, 'GB', 'vpn'),
  test1(2, 'rostelecom', 'Rostelecom', 12389, 'RU', 'residential'),
  test1(3, 'chinanet', 'Chinanet', 4134, 'HK', 'residential'),
  test1(4, 'vnpt', 'VNPT Corp', 45899, 'VN', 'residential'),
  test1(5, 'vivo', 'Telefonica Brasil (Vivo)', 27699, 'BR', 'residential'),
  test1(6, 'bsnl', 'BSNL', 9829, 'IN', 'residential'),
  test1(7, 'telkom-id', 'Telkom Indonesia', 7713, 'ID', 'residential'),
  test1(8, 'mtn-ng', 'MTN Nigeria', 29465, 'NG', 'mobile'),
  test1(9, 'turktelekom', 'Turk Telekom', 9121, 'TR', 'residential'),
  test1(10, 'kyivstar', 'Kyivstar', 15895, 'UA', 'mobile'),
  test1(11, 'telecom-ar', 'Telecom Argentina', 7303, 'AR', 'residential'),
  test1(12, 'telmex', 'Telmex', 8151, 'MX', 'residential'),
  test1(13, 'kt', 'Korea Telecom', 4766, 'KR', 'residential'),
  { key: 'azure', name: 'Microsoft Azure', asn: 8075, country: 'US', kind: 'cloud', base: ip4(192, 0, 2, 224), size: 32 },
];

const BY_KEY = new Map(ISPS.map((x) => [x.key, x]));

export function isp(key: string): Isp {
  const found = BY_KEY.get(key);
  if (!found) throw new Error(`unknown ISP ${key}`);
  return found;
}

/** ASNs of the public "risky sign-in from hosting ASN" list; benign users never use them. */
export const HOSTING_ASNS: ReadonlySet<number> = new Set([16509, 14618, 8987, 396982, 8075, 14061, 16276, 9009, 63949, 20473, 24940, 51167, 212238, 60068, 62240, 136787, 209854]);

export function formatIp4(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** A random host address in the ISP's block (avoids .0 and .255 style edges). */
export function randomIp(rng: Rng, provider: Isp, preferV6 = false): string {
  if (preferV6 && provider.v6Tag) {
    return `2001:db8:${provider.v6Tag}:${rng.hex(2).replace(/^0+(?=.)/, '')}:${rng.hex(2).replace(/^0+(?=.)/, '')}:${rng.hex(2).replace(/^0+(?=.)/, '')}:${rng.hex(2).replace(/^0+(?=.)/, '')}:${rng.hex(2).replace(/^0+(?=.)/, '')}`;
  }
  const offset = provider.size > 16 ? rng.int(2, provider.size - 3) : rng.int(1, provider.size - 2);
  return formatIp4(provider.base + offset);
}

/** The n-th address of an office /28 in 203.0.113.0/24 (offices share the TEST-NET-3 block). */
export function officeIp(officeIndex: number, host: number): string {
  return formatIp4(ip4(203, 0, 113, officeIndex * 16 + 1 + (host % 14)));
}
