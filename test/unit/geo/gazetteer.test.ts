import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../../../main/geo/distance';
import { loadGazetteer, placeKey } from '../../../main/geo/gazetteer';

const near = (p: { lat: number; lon: number } | null, lat: number, lon: number, km = 30) => {
  expect(p).not.toBeNull();
  expect(greatCircleKm(p!, { lat, lon })).toBeLessThan(km);
};

describe('gazetteer', () => {
  const g = loadGazetteer();

  it('normalizes accents, case and punctuation', () => {
    expect(placeKey('Île-de-France')).toBe('ile de france');
    expect(placeKey('  SÃO  Paulo ')).toBe(placeKey('Sao Paulo'));
  });

  it('places portal "City, State, CC" locations on the town', () => {
    near(g.locate('Redmond', 'Washington', 'US'), 47.674, -122.121);
    near(g.locate('Paris', 'Ile-de-France', 'FR'), 48.853, 2.349);
    near(g.locate('São Paulo', 'Sao Paulo', 'BR'), -23.547, -46.636);
    near(g.locate('New York', 'New York', 'US'), 40.714, -74.006);
    expect(g.locate('Redmond', 'Washington', 'US')?.precision).toBe('city');
  });

  it('tells namesakes apart by state and refuses to guess without one', () => {
    near(g.locate('Portland', 'Maine', 'US'), 43.657, -70.259);
    near(g.locate('Portland', 'Oregon', 'US'), 45.523, -122.676);
    near(g.locate('Portland', 'OR', 'US'), 45.523, -122.676);
    expect(g.locate('Portland', null, 'US')?.precision).toBe('country');
  });

  it('falls back to the state, then the country centre with its size', () => {
    const bavaria = g.locate('No Such Town', 'Bavaria', 'DE');
    expect(bavaria?.precision).toBe('region');
    near(bavaria, 48.9, 11.4, 150);
    const us = g.country('us');
    expect(us?.precision).toBe('country');
    expect(us!.uncertaintyKm).toBeGreaterThan(1000);
    const singapore = g.country('SG');
    near(singapore, 1.35, 103.82, 30);
    expect(singapore!.uncertaintyKm).toBeLessThan(50);
    expect(g.locate('Paris', null, null)).toBeNull();
    expect(g.country('ZZ')).toBeNull();
  });

  it('centres countries that straddle the antimeridian on their side of it', () => {
    const fiji = g.country('FJ');
    expect(Math.abs(fiji!.lon)).toBeGreaterThan(170);
    near(fiji, -17.5, 178.5, 250);
  });
});
