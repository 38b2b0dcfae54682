// The generator's planted impossible travel is flagged by geo.travel, on every sign-in and on
// successes only, and the flagged leg lands on the attacker's IP.
import { beforeAll, describe, expect, it } from 'vitest';
import { geoTravel } from '../../../main/geo/travel';
import { geoCountries } from '../../../main/geo/map-queries';
import { buildDemoCase, type DemoCase } from './helpers/demo-case';

let demo: DemoCase;
beforeAll(async () => {
  demo = await buildDemoCase();
});

describe('planted impossible travel', () => {
  it.each([
    ['every sign-in', { conditions: [] }],
    ['successes only', { conditions: [{ column: 'status', op: 'eq' as const, values: ['Success'] }] }],
  ])('is flagged on %s', (_label, filter) => {
    const attack = demo.attack('impossible-travel');
    const from = Date.parse(attack.start);
    const to = Date.parse(attack.end);
    const travel = geoTravel(demo.caseDb, { filter, user: attack.victims[0]!, maxStops: 5000 });
    const flagged = travel.legs.filter((leg) => {
      const stop = travel.stops[leg.to]!;
      return leg.impossible && stop.firstMs >= from && stop.firstMs <= to && stop.ips.some((ip) => attack.attackerIps.includes(ip));
    });
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0]!.distanceKm).toBeGreaterThan(5000);
    expect(flagged[0]!.elapsedMs).toBeLessThan(60 * 60_000);
  });

  it('places every located sign-in in a country', () => {
    const res = geoCountries(demo.caseDb, { conditions: [] });
    expect(res.countries.length).toBeGreaterThan(3);
    expect(res.countries.every((c) => /^[A-Z]{2}$/.test(c.country))).toBe(true);
  });
});
