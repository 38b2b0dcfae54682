import { describe, expect, it } from 'vitest';
import { assessLeg, DEFAULT_TRAVEL_THRESHOLDS, greatCircleKm, speedKmh } from '../../../main/geo/distance';

const PARIS = { lat: 48.8566, lon: 2.3522 };
const LONDON = { lat: 51.5074, lon: -0.1278 };
const NEW_YORK = { lat: 40.7128, lon: -74.006 };
const SYDNEY = { lat: -33.8688, lon: 151.2093 };
const AUCKLAND = { lat: -36.8485, lon: 174.7633 };
const SUVA = { lat: -18.1248, lon: 178.4501 };
const APIA = { lat: -13.8333, lon: -171.7667 };
const HOUR = 3_600_000;

describe('great-circle distance', () => {
  it.each([
    ['Paris–London', PARIS, LONDON, 344],
    ['London–New York', LONDON, NEW_YORK, 5570],
    ['Sydney–Auckland', SYDNEY, AUCKLAND, 2156],
    ['Paris–Sydney', PARIS, SYDNEY, 16960],
  ])('%s', (_name, a, b, km) => {
    expect(greatCircleKm(a, b)).toBeGreaterThan(km * 0.99);
    expect(greatCircleKm(a, b)).toBeLessThan(km * 1.01);
  });

  it('is symmetric, zero for one place, and short across the antimeridian', () => {
    expect(greatCircleKm(PARIS, NEW_YORK)).toBeCloseTo(greatCircleKm(NEW_YORK, PARIS), 6);
    expect(greatCircleKm(PARIS, PARIS)).toBe(0);
    // Suva (178°E) to Apia (171°W) is ~1,150 km, not the 39,000 km of going the other way round
    expect(greatCircleKm(SUVA, APIA)).toBeLessThan(1300);
  });
});

describe('speed and impossible travel', () => {
  it('computes km/h, with instant moves infinitely fast', () => {
    expect(speedKmh(900, 2 * HOUR)).toBe(450);
    expect(speedKmh(100, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(speedKmh(0, 0)).toBe(0);
  });

  it('flags London → New York in one hour but not in eight', () => {
    expect(assessLeg(LONDON, NEW_YORK, HOUR).impossible).toBe(true);
    expect(assessLeg(LONDON, NEW_YORK, 8 * HOUR).impossible).toBe(false);
  });

  it('never flags legs under the minimum distance, however fast', () => {
    const leg = assessLeg(PARIS, LONDON, 60_000);
    expect(leg.distanceKm).toBeLessThan(DEFAULT_TRAVEL_THRESHOLDS.minDistanceKm);
    expect(leg.speedKmh).toBeGreaterThan(DEFAULT_TRAVEL_THRESHOLDS.speedKmh);
    expect(leg.impossible).toBe(false);
  });

  it('discounts the uncertainty of country-level locations', () => {
    const precise = assessLeg(LONDON, NEW_YORK, HOUR);
    const vague = assessLeg({ ...LONDON, uncertaintyKm: 3000 }, { ...NEW_YORK, uncertaintyKm: 2500 }, HOUR);
    expect(vague.minimumKm).toBeCloseTo(precise.distanceKm - 5500, 6);
    expect(vague.impossible).toBe(false);
  });
});
