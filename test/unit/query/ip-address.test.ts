import { describe, expect, it } from 'vitest';
import { inRange, ipSortKey, parseIp, parseRange } from '../../../main/query/ip-address';

const bytes = (text: string) => Array.from(parseIp(text) ?? []);

describe('IP addresses', () => {
  it('parses IPv4, IPv6 in its short forms, and IPv4-mapped IPv6 as IPv4', () => {
    expect(bytes('192.168.0.255')).toEqual([192, 168, 0, 255]);
    expect(bytes('2001:db8::1')).toEqual([0x20, 0x01, 0x0d, 0xb8, ...new Array(11).fill(0), 1]);
    expect(bytes('::')).toEqual(new Array(16).fill(0));
    expect(bytes('fe80::1%eth0')).toEqual([0xfe, 0x80, ...new Array(13).fill(0), 1]);
    expect(bytes('::ffff:10.0.0.1')).toEqual([10, 0, 0, 1]);
    expect(bytes('64:ff9b::192.0.2.33').slice(12)).toEqual([192, 0, 2, 33]);
  });

  it('rejects what is not an address', () => {
    for (const bad of ['', '1.2.3', '1.2.3.4.5', '256.0.0.1', '1.2.3.-4', 'a.b.c.d', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'contoso.com', '1:2:3:4:5:6:7::8:9']) {
      expect(parseIp(bad), bad).toBeNull();
    }
  });

  it('tests ranges bit by bit, including prefixes that do not end on a byte', () => {
    const r = parseRange('10.0.0.0/9')!;
    expect(inRange(parseIp('10.127.255.255')!, r)).toBe(true);
    expect(inRange(parseIp('10.128.0.0')!, r)).toBe(false);
    expect(inRange(parseIp('2001:db8::1')!, r)).toBe(false); // other family
    const v6 = parseRange('2001:db8:8000::/33')!;
    expect(inRange(parseIp('2001:db8:ffff::1')!, v6)).toBe(true);
    expect(inRange(parseIp('2001:db8:7fff::1')!, v6)).toBe(false);
    expect(inRange(parseIp('8.8.8.8')!, parseRange('0.0.0.0/0')!)).toBe(true);
    expect(inRange(parseIp('8.8.8.8')!, parseRange('8.8.8.8')!)).toBe(true);
    expect(inRange(parseIp('8.8.8.9')!, parseRange('8.8.8.8')!)).toBe(false);
    expect(inRange(parseIp('10.1.2.3')!, parseRange('::ffff:10.0.0.0/104')!)).toBe(true);
  });

  it('rejects malformed ranges', () => {
    for (const bad of ['10.0.0.0/33', '10.0.0.0/', '10.0.0.0/8/8', '/8', '2001:db8::/129', '10.0.0.0/x']) expect(parseRange(bad), bad).toBeNull();
  });

  it('sorts addresses numerically', () => {
    const list = ['10.0.0.10', '2001:db8::1', '9.255.255.255', '10.0.0.9', '::1'];
    expect([...list].sort((a, b) => (ipSortKey(a)! < ipSortKey(b)! ? -1 : 1))).toEqual(['9.255.255.255', '10.0.0.9', '10.0.0.10', '::1', '2001:db8::1']);
    expect(ipSortKey('not an ip')).toBeNull();
  });
});
