// Network prefixes for "same network?" checks: the /16 of an IPv4 address, the first two hextets of
// an IPv6 address (as Sentinel SuccessThenFail_DiffIP_SameUserandApp does).
export function networkPrefix(ip: string): string {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(ip.trim());
  if (v4) return `${Number(v4[1])}.${Number(v4[2])}`;
  if (!ip.includes(':')) return ip.trim().toLowerCase(); // redacted or unknown form: compare as is
  const [head = ''] = ip.trim().toLowerCase().split('::');
  const hextets = head === '' ? [] : head.split(':');
  while (hextets.length < 2) hextets.push('0');
  return hextets
    .slice(0, 2)
    .map((h) => String(parseInt(h, 16) || 0))
    .join(':');
}
