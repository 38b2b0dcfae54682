// Location, session and access rules on hand-written sign-ins.
import { describe, expect, it } from 'vitest';
import { after, findingsOf, fixtureCase, PLACES, type FixtureSignin } from './helpers/graph-fixture';

const T0 = '2025-03-04T10:00:00.000Z';
const U = 'ivy@contoso.example';

describe('impossible-travel', () => {
  it('flags a far hop faster than the speed limit and ignores near hops and slow journeys', async () => {
    const db = await fixtureCase([
      { at: T0, user: U, ip: '198.18.0.1', place: PLACES.seattle },
      { at: after(T0, 5), user: U, ip: '198.18.0.2', place: PLACES.portland }, // ~230 km: geolocation noise
      { at: after(T0, 35), user: U, ip: '192.0.2.50', place: PLACES.lagos, asn: 29465 }, // ~12,000 km in 30 min
      { at: after(T0, 35 + 24 * 60), user: U, ip: '198.51.100.8', place: PLACES.frankfurt }, // a day later: a flight
    ]);
    const [f, ...rest] = findingsOf(db, 'impossible-travel');
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('medium');
    expect(f!.title).toMatch(/^Impossible travel for ivy@contoso\.example: Portland, US → Lagos, NG, 1[12],\d{3} km in 30 min \(2\d,\d{3} km\/h\)$/);
    expect(f!.ips).toEqual(['198.18.0.2', '192.0.2.50']);
    expect(findingsOf(db, 'impossible-travel', { minDistanceKm: 15_000 })).toEqual([]);
  });
});

describe('impossible-travel without coordinates', () => {
  it('places sign-ins by their own city text, so the same city is no hop and a far one is', async () => {
    const db = await fixtureCase([
      { at: T0, user: U, ip: '198.18.0.1', place: PLACES.seattle },
      { at: after(T0, 10), user: U, ip: '198.18.0.7', place: PLACES.seattle, placeTextOnly: true },
      { at: after(T0, 40), user: U, ip: '192.0.2.50', place: PLACES.lagos, placeTextOnly: true },
    ]);
    const [f, ...rest] = findingsOf(db, 'impossible-travel');
    expect(rest).toEqual([]);
    expect(f!.ips).toEqual(['198.18.0.7', '192.0.2.50']);
    expect(f!.details.hops).toBe(1);
  });
});

describe('new-country', () => {
  it('reports a country first used after the baseline, not the baseline ones', async () => {
    const days = (d: number) => after(T0, d * 24 * 60);
    const db = await fixtureCase([
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((d) => ({ at: days(d), user: U, ip: '198.18.0.1', place: PLACES.seattle })),
      { at: days(1), user: U, ip: '198.18.9.9', place: PLACES.frankfurt },
      { at: days(9), user: U, ip: '198.51.100.77', place: PLACES.paris },
      { at: days(9.5), user: U, ip: '198.51.100.77', place: PLACES.paris },
      { at: days(9), user: 'short@contoso.example', ip: '198.18.0.3', place: PLACES.seattle },
      { at: after(days(9), 60), user: 'short@contoso.example', ip: '198.18.0.4', place: PLACES.paris },
    ] satisfies FixtureSignin[]);
    const found = findingsOf(db, 'new-country');
    expect(found.map((f) => [f.severity, f.title])).toEqual([['low', 'First sign-in from FR for ivy@contoso.example: 2 successful sign-ins from 1 IP since 2025-03-13 10:00 (baseline: DE, US)']]);
  });
});

describe('success-then-failure', () => {
  const pair = (successIp: string, failureIp: string, minutes = 3, app?: string): FixtureSignin[] => [
    { at: T0, user: U, ip: successIp },
    { at: after(T0, minutes), user: U, ip: failureIp, code: 50126, ...(app ? { app } : {}) },
  ];

  it('flags a failure from another /16 within minutes of a success, low across IPv4/IPv6', async () => {
    const [f, ...rest] = findingsOf(await fixtureCase(pair('198.18.1.1', '203.0.113.5')), 'success-then-failure');
    expect(rest).toEqual([]);
    expect(f!.title).toBe('Success then failure from another network for ivy@contoso.example: success from 198.18.1.1, failure from 203.0.113.5 3 min later');
    expect(f!.signinCount).toBe(2);
    expect(f!.severity).toBe('medium');
    const [mixed] = findingsOf(await fixtureCase(pair('2001:db8:1::1', '203.0.113.5')), 'success-then-failure');
    expect(mixed!.severity).toBe('low');
  });

  it('ignores the same /16, another application, a late failure and the same IPv6 /32', async () => {
    for (const signins of [pair('198.18.1.1', '198.18.200.7'), pair('198.18.1.1', '203.0.113.5', 3, 'Azure Portal'), pair('198.18.1.1', '203.0.113.5', 15), pair('2001:db8:1::1', '2001:db8:2::1')]) {
      expect(findingsOf(await fixtureCase(signins), 'success-then-failure')).toEqual([]);
    }
  });
});

describe('token-reuse', () => {
  it('links sign-ins sharing a token from two IPs, and raises a session spanning countries around the change', async () => {
    const db = await fixtureCase([
      { at: T0, user: U, ip: '198.18.0.1', token: 'tok-A' },
      { at: after(T0, 4), user: U, ip: '198.18.0.99', token: 'tok-A' },
      { at: after(T0, -3 * 24 * 60), user: 'jo@contoso.example', ip: '198.18.7.1', asn: 7922, sessionId: 'sess-J' }, // days before: context left out
      { at: after(T0, 10), user: 'jo@contoso.example', ip: '198.18.7.1', asn: 7922, sessionId: 'sess-J' },
      { at: after(T0, 20), user: 'jo@contoso.example', ip: '192.0.2.77', asn: 3320, place: PLACES.frankfurt, sessionId: 'sess-J' },
      { at: after(T0, 30), user: 'kim@contoso.example', ip: '198.18.8.1', sessionId: 'sess-K' },
      { at: after(T0, 40), user: 'kim@contoso.example', ip: '198.18.8.2', sessionId: 'sess-K' }, // same ASN: a DHCP renewal
    ]);
    const found = findingsOf(db, 'token-reuse');
    expect(found.map((f) => [f.severity, f.users, f.signinCount, f.details.sharedSession])).toEqual([
      ['medium', [U], 2, false],
      ['high', ['jo@contoso.example'], 2, true],
    ]);
  });
});

describe('risky-success, device-code, consent-prompt', () => {
  it('reports risky successes only, high for high risk', async () => {
    const db = await fixtureCase([
      { at: T0, user: U, ip: '198.18.0.1', risk: { level: 'medium', state: 'atRisk', events: ['unfamiliarFeatures'] } },
      { at: T0, user: 'lee@contoso.example', ip: '198.18.0.2', risk: { level: 'high', state: 'atRisk' } },
      { at: T0, user: 'max@contoso.example', ip: '198.18.0.3', code: 50126, risk: { level: 'high', state: 'atRisk' } },
      { at: T0, user: 'ned@contoso.example', ip: '198.18.0.4', risk: { level: 'low', state: 'remediated' } },
    ]);
    expect(findingsOf(db, 'risky-success').map((f) => [f.users[0], f.severity, f.title])).toEqual([
      [U, 'medium', 'Risky sign-in succeeded for ivy@contoso.example: 1 sign-in (medium/atRisk) from 1 IP; unfamiliarFeatures'],
      ['lee@contoso.example', 'high', 'Risky sign-in succeeded for lee@contoso.example: 1 sign-in (high/atRisk) from 1 IP'],
    ]);
  });

  it('keeps an ordinary device-code sign-in at medium with its follow-on activity', async () => {
    const db = await fixtureCase([
      { at: T0, user: U, ip: '198.18.0.1', protocol: 'deviceCode', app: 'Microsoft Azure CLI' },
      { at: after(T0, 30), user: U, ip: '198.18.0.1' },
      { at: after(T0, 31), user: U, ip: '198.18.0.2' },
    ]);
    const [f] = findingsOf(db, 'device-code');
    expect([f!.severity, f!.signinCount, f!.details.followOn]).toEqual(['medium', 2, 1]);
  });

  it('groups admin-consent prompts per application, medium once several accounts are prompted', async () => {
    const prompt = (user: string, appId: string, app: string): FixtureSignin => ({ at: T0, user, ip: '198.18.0.1', code: 90095, appId, app });
    const db = await fixtureCase([
      ...['a', 'b', 'c'].map((u) => prompt(`${u}@contoso.example`, 'aaaaaaaa-0000-0000-0000-000000000001', 'Mail Organizer Pro')),
      prompt('d@contoso.example', 'aaaaaaaa-0000-0000-0000-000000000002', 'Expense Helper'),
    ]);
    expect(findingsOf(db, 'consent-prompt').map((f) => [f.severity, f.title])).toEqual([
      ['medium', 'Admin consent required (90095) for Mail Organizer Pro (aaaaaaaa-0000-0000-0000-000000000001): 3 accounts prompted, 3 sign-ins from 1 IP'],
      ['low', 'Admin consent required (90095) for Expense Helper (aaaaaaaa-0000-0000-0000-000000000002): 1 account prompted, 1 sign-in from 1 IP'],
    ]);
  });
});

describe('cross-tenant, ca-block-burst, app-not-found', () => {
  it('inventories external tenants and raises partner access and hosting-ASN guests', async () => {
    const guest = (home: string, type: string, extra: Partial<FixtureSignin> = {}): FixtureSignin => ({
      at: T0,
      user: `g@${home}.example`,
      ip: '198.18.0.1',
      homeTenant: home,
      crossTenant: type,
      ...extra,
    });
    const db = await fixtureCase([
      guest('partner', 'b2bCollaboration'),
      guest('msp', 'serviceProvider'),
      guest('shady', 'b2bCollaboration', { asn: 14061 }),
      guest('failed', 'b2bCollaboration', { code: 50126 }),
    ]);
    expect(findingsOf(db, 'cross-tenant').map((f) => [f.details.homeTenant, f.severity])).toEqual([
      ['partner', 'informational'],
      ['msp', 'low'],
      ['shady', 'medium'],
    ]);
  });

  it('needs enough blocks for a CA burst and several application ids for recon', async () => {
    const blocks = (n: number, users: number): FixtureSignin[] =>
      Array.from({ length: n }, (_, i) => ({ at: after(T0, i), user: `u${i % users}@contoso.example`, ip: '192.0.2.41', asn: 12389, code: 53003 }));
    expect(findingsOf(await fixtureCase(blocks(9, 1)), 'ca-block-burst')).toEqual([]);
    expect(findingsOf(await fixtureCase(blocks(12, 1)), 'ca-block-burst').map((f) => f.severity)).toEqual(['low']);
    expect(findingsOf(await fixtureCase(blocks(12, 4)), 'ca-block-burst').map((f) => f.severity)).toEqual(['medium']);
    const probes = (apps: number): FixtureSignin[] =>
      Array.from({ length: 20 }, (_, i) => ({ at: after(T0, i), user: null, ip: '192.0.2.27', asn: 60068, code: 700016, appId: `bbbbbbbb-0000-0000-0000-${String(i % apps).padStart(12, '0')}` }));
    expect(findingsOf(await fixtureCase(probes(1)), 'app-not-found')).toEqual([]);
    expect(findingsOf(await fixtureCase(probes(5)), 'app-not-found').map((f) => f.title)).toEqual([
      'Application enumeration from AS60068 (1 IP: 192.0.2.27): 20 sign-ins for 5 unknown application ids (700016) in 19 min',
    ]);
  });
});
