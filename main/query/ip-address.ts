// IPv4/IPv6 addresses and CIDR ranges as bytes, for "IP in range" filters and IP-aware sorting.
// IPv4-mapped IPv6 (::ffff:1.2.3.4) counts as the IPv4 address it carries.

export interface IpRange {
  bytes: Uint8Array; // 4 or 16 bytes
  prefix: number;
}

export function parseIp(text: string): Uint8Array | null {
  const t = text.trim();
  if (t.includes(':')) {
    const v6 = parseIpv6(t);
    if (v6 && isV4Mapped(v6)) return v6.subarray(12);
    return v6;
  }
  return parseIpv4(t);
}

function parseIpv4(t: string): Uint8Array | null {
  const parts = t.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    out[i] = Number(p);
  }
  return out;
}

function parseIpv6(text: string): Uint8Array | null {
  const t = text.replace(/^\[|\]$/g, '').replace(/%.*$/, ''); // brackets and zone id
  const halves = t.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (const [i, p] of parts.entries()) {
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIpv4(p);
        if (!v4) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-f]{1,4}$/i.test(p)) out.push(parseInt(p, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...new Array<number>(missing).fill(0), ...tail];
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  return out;
}

function isV4Mapped(b: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return false;
  return b[10] === 0xff && b[11] === 0xff;
}

/** "10.0.0.0/8", "2001:db8::/32" or a single address (a full-length prefix). */
export function parseRange(text: string): IpRange | null {
  const [addr, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined || !addr) return null;
  const bytes = parseIp(addr);
  if (!bytes) return null;
  if (prefixText === undefined) return { bytes, prefix: bytes.length * 8 };
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  let prefix = Number(prefixText);
  if (prefix > (addr.includes(':') ? 128 : 32)) return null;
  // "::ffff:10.0.0.0/104" written in IPv6 terms: shift the prefix to the IPv4 address it maps.
  if (bytes.length === 4 && addr.includes(':')) prefix = Math.max(0, prefix - 96);
  return { bytes, prefix };
}

export function inRange(ip: Uint8Array, range: IpRange): boolean {
  if (ip.length !== range.bytes.length) return false;
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip[i]! & mask) !== (range.bytes[i]! & mask)) return false;
  }
  return true;
}

/** A text key that sorts addresses numerically (IPv4 before IPv6); null for non-addresses. */
export function ipSortKey(text: string): string | null {
  const b = parseIp(text);
  if (!b) return null;
  let hex = b.length === 4 ? '4' : '6';
  for (const x of b) hex += x.toString(16).padStart(2, '0');
  return hex;
}
