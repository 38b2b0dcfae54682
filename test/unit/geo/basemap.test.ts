import { describe, expect, it } from 'vitest';
import { fixRing, maxLongitudeJump } from '../../../main/geo/antimeridian';
import { loadBasemap } from '../../../main/geo/basemap';

const ringsOf = (geometry: { type: string; coordinates: unknown }) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];

describe('antimeridian fix', () => {
  it('unwraps a ring that crosses 180°', () => {
    const ring = [
      [179, -16],
      [-179, -16],
      [-179, -17],
      [179, -17],
      [179, -16],
    ];
    expect(maxLongitudeJump(ring)).toBe(358);
    const fixed = fixRing(ring);
    expect(maxLongitudeJump(fixed)).toBeLessThanOrEqual(2);
    expect(fixed.map((p) => p[0])).toEqual([179, 181, 181, 179, 179]);
  });

  it('closes a ring circling the south pole along the pole', () => {
    const ring = [
      [-180, -80],
      [-90, -75],
      [0, -70],
      [90, -75],
      [180, -80],
      [-180, -80],
    ];
    const fixed = fixRing(ring);
    expect(maxLongitudeJump(fixed)).toBeLessThanOrEqual(90);
    expect(Math.min(...fixed.map((p) => p[1]!))).toBe(-90);
    expect(fixed[0]).toEqual(fixed[fixed.length - 1]);
  });

  it.each(['110m', '50m'] as const)('leaves no longitude jump over 180° in the %s basemap', (resolution) => {
    const map = loadBasemap(resolution);
    let rings = 0;
    for (const f of map.features) {
      for (const polygon of ringsOf(f.geometry)) {
        for (const ring of polygon) {
          rings++;
          expect(maxLongitudeJump(ring), f.properties.name).toBeLessThanOrEqual(180);
        }
      }
    }
    expect(rings).toBeGreaterThan(200);
  });

  it('keys countries by ISO alpha-2 for the choropleth', () => {
    const map = loadBasemap('50m');
    const byIso = new Map(map.features.map((f) => [f.properties.iso2, f.properties.name]));
    expect(byIso.get('RU')).toBe('Russia');
    expect(byIso.get('FJ')).toBe('Fiji');
    expect(byIso.get('SG')).toBe('Singapore');
    expect(byIso.get('XK')).toBe('Kosovo');
    // Russia's Chukotka is drawn east of 180° instead of striping across the map
    const russia = map.features.find((f) => f.properties.iso2 === 'RU')!;
    const lons = ringsOf(russia.geometry)
      .flat(2)
      .map((p) => p[0]!);
    expect(Math.max(...lons)).toBeGreaterThan(180);
    expect(Math.min(...lons)).toBeGreaterThan(0);
  });
});
