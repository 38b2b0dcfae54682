import { describe, expect, it } from 'vitest';
import { classifyIp, parseIp } from '../../../main/geo/ip';

describe('IP classification', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['20.190.128.1', 'public'],
    ['10.1.2.3', 'private'],
    ['172.16.0.9', 'private'],
    ['192.168.1.10', 'private'],
    ['127.0.0.1', 'loopback'],
    ['169.254.10.20', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['192.0.2.5', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.200', 'documentation'],
    ['224.0.0.251', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['0.0.0.0', 'unspecified'],
    ['2a01:111:f400::1', 'public'],
    ['::1', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['fd12:3456:789a::1', 'private'],
    ['2001:db8::42', 'documentation'],
    ['ff02::1', 'multicast'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.4.4', 'public'],
    ['not an ip', 'invalid'],
    ['1.2.3', 'invalid'],
    ['256.1.1.1', 'invalid'],
  ])('%s is %s', (ip, kind) => {
    expect(classifyIp(ip)).toBe(kind);
  });

  it('unwraps brackets, ports and IPv4-mapped addresses to a canonical form', () => {
    expect(parseIp('[2001:DB8:0:0::1]:443')).toEqual({ address: '2001:db8::1', version: 6, kind: 'documentation' });
    expect(parseIp('8.8.8.8:53')).toEqual({ address: '8.8.8.8', version: 4, kind: 'public' });
    expect(parseIp('::ffff:8.8.4.4')?.address).toBe('8.8.4.4');
    expect(parseIp('')).toBeNull();
  });
});
