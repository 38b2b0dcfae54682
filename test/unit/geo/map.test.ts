// Map aggregates and travel legs over a small Graph export: points per location, counts per
// country, and a user's legs with the impossible-travel flag.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDb } from '../../../main/db/case-db';
import { enrichCase } from '../../../main/geo/enrich';
import { geoCountries, geoPoints } from '../../../main/geo/map-queries';
import { geoTravel } from '../../../main/geo/travel';
import { graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir();
const T0 = Date.parse('2025-03-04T08:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString().replace('.000Z', 'Z');
const place = (city: string, cc: string, latitude: number, longitude: number) => ({ city, state: '', countryOrRegion: cc, geoCoordinates: { latitude, longitude } });
const PARIS = place('Paris', 'FR', 48.85, 2.35);
const LYON = place('Lyon', 'FR', 45.76, 4.84);
const SYDNEY = place('Sydney', 'AU', -33.87, 151.21);
const LONDON = place('London', 'GB', 51.51, -0.13);
const NOWHERE = { city: '', state: '', countryOrRegion: '', geoCoordinates: {} };
const alice = { userPrincipalName: 'alice@contoso.example' };
const bob = { userPrincipalName: 'bob@contoso.example' };
const fail = { status: { errorCode: 50126, failureReason: 'Invalid username or password.' } };

let caseDb: CaseDb;
const everything = { conditions: [] };

beforeAll(async () => {
  const value = [
    graphSignin({ ...alice, createdDateTime: at(0), ipAddress: '20.1.1.1', location: PARIS }),
    graphSignin({ ...alice, createdDateTime: at(5), ipAddress: '20.1.1.1', location: PARIS, ...fail }),
    graphSignin({ ...alice, createdDateTime: at(10), ipAddress: '1.120.0.1', location: SYDNEY }),
    graphSignin({ ...alice, createdDateTime: at(11), ipAddress: '10.0.0.1', location: NOWHERE }),
    graphSignin({ ...alice, createdDateTime: at(30 * 60), ipAddress: '20.1.1.1', location: PARIS }),
    graphSignin({ ...alice, createdDateTime: at(30 * 60 + 1), ipAddress: '20.1.1.9', location: LYON }),
    graphSignin({ ...bob, createdDateTime: at(0), ipAddress: '51.1.1.1', location: LONDON }),
    graphSignin({ ...bob, createdDateTime: at(3), ipAddress: '51.1.1.2', location: LONDON, ...fail }),
  ];
  ({ caseDb } = await importIntoNewCase([tmp.write('signins.json', JSON.stringify({ value }))]));
  await enrichCase(caseDb, undefined, { countryDb: null });
});

describe('geo.points', () => {
  it('aggregates located sign-ins per rounded location with status, user and IP counts', () => {
    const res = geoPoints(caseDb, { filter: everything, decimals: 1, limit: 100 });
    expect(res).toMatchObject({ located: 7, unlocated: 1, truncated: false });
    const london = res.points.find((p) => p.city === 'London')!;
    expect(london).toMatchObject({ lat: 51.5, lon: -0.1, total: 2, success: 1, failure: 1, interrupted: 0, users: 1, ips: 2, country: 'GB', source: 'log' });
    expect(res.points[0]).toMatchObject({ city: 'Paris', total: 3, success: 2, failure: 1 });
    expect(res.points.map((p) => p.city).sort()).toEqual(['London', 'Lyon', 'Paris', 'Sydney']);
  });

  it('follows the filter and reports truncation', () => {
    const bobOnly = geoPoints(caseDb, { filter: { conditions: [{ column: 'user_principal_name', op: 'eq', values: ['bob@contoso.example'] }] }, decimals: 1, limit: 100 });
    expect(bobOnly.points.map((p) => p.city)).toEqual(['London']);
    const top = geoPoints(caseDb, { filter: everything, decimals: 0, limit: 2 });
    expect(top.points).toHaveLength(2);
    expect(top.truncated).toBe(true);
    expect(top.located).toBe(7);
  });
});

describe('unfiltered summary', () => {
  it('answers like a scan of every row', () => {
    const scanned = { timeFrom: 0, conditions: [] }; // filters nothing, but takes the row scan
    expect(geoPoints(caseDb, { filter: everything, decimals: 2, limit: 100 })).toEqual(geoPoints(caseDb, { filter: scanned, decimals: 2, limit: 100 }));
    expect(geoCountries(caseDb, everything)).toEqual(geoCountries(caseDb, scanned));
  });
});

describe('geo.countries', () => {
  it('counts sign-ins per country', () => {
    const res = geoCountries(caseDb, everything);
    expect(res.unlocated).toBe(1);
    expect(res.countries).toEqual([
      { country: 'FR', total: 4, success: 3, failure: 1, interrupted: 0, users: 1, ips: 2 },
      { country: 'GB', total: 2, success: 1, failure: 1, interrupted: 0, users: 1, ips: 2 },
      { country: 'AU', total: 1, success: 1, failure: 0, interrupted: 0, users: 1, ips: 1 },
    ]);
  });
});

describe('geo.travel', () => {
  it('joins consecutive sign-ins at one place into stops and flags the impossible leg', () => {
    const res = geoTravel(caseDb, { filter: everything, user: 'ALICE@contoso.example', maxStops: 100 });
    expect(res.stops.map((s) => s.city)).toEqual(['Paris', 'Sydney', 'Paris', 'Lyon']);
    expect(res.stops[0]).toMatchObject({ signins: 2, firstMs: T0, lastMs: T0 + 5 * 60_000, ips: ['20.1.1.1'] });
    expect(res.unlocated).toBe(1);
    const [toSydney, backHome, toLyon] = res.legs;
    // Paris → Sydney (~16,950 km) five minutes after the last Paris sign-in
    expect(toSydney).toMatchObject({ from: 0, to: 1, elapsedMs: 5 * 60_000, impossible: true });
    expect(toSydney!.distanceKm).toBeGreaterThan(16_800);
    expect(toSydney!.speedKmh).toBeGreaterThan(100_000);
    // back 30 hours later: ~570 km/h, possible
    expect(backHome!.impossible).toBe(false);
    // Paris → Lyon (~390 km) in one minute: too short a hop to judge
    expect(toLyon!.distanceKm).toBeLessThan(500);
    expect(toLyon!.impossible).toBe(false);
    expect(res.thresholds).toEqual({ speedKmh: 1000, minDistanceKm: 500 });
  });

  it('follows the filter and knows nothing of unknown users', () => {
    const successes = geoTravel(caseDb, { filter: { conditions: [{ column: 'status', op: 'eq', values: ['Success'] }] }, user: 'alice@contoso.example', maxStops: 100 });
    expect(successes.stops[0]).toMatchObject({ signins: 1, lastMs: T0 });
    expect(geoTravel(caseDb, { filter: everything, user: 'nobody@contoso.example', maxStops: 100 }).stops).toEqual([]);
    expect(geoTravel(caseDb, { filter: everything, user: 'alice@contoso.example', maxStops: 2 })).toMatchObject({ truncated: true });
  });
});
