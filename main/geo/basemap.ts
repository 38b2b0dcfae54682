// The renderer's offline basemap: Natural Earth country shapes from the `world-atlas` package
// (public domain), converted from TopoJSON to GeoJSON with antimeridian-safe rings and each
// country's ISO alpha-2 code (the key of geo.countries) added for the choropleth.
import { createRequire } from 'node:module';
import iso from 'iso-3166-1';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { fixPolygon, type Position } from './antimeridian';

export type BasemapResolution = '110m' | '50m';

export interface BasemapFeature {
  type: 'Feature';
  id: string | null;
  properties: { name: string; iso2: string | null };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

export interface Basemap {
  type: 'FeatureCollection';
  features: BasemapFeature[];
}

/** Shapes Natural Earth leaves without an ISO numeric code. */
const ISO2_BY_NAME: Record<string, string> = { Kosovo: 'XK' };

const cache = new Map<BasemapResolution, Basemap>();

export function loadBasemap(resolution: BasemapResolution): Basemap {
  let map = cache.get(resolution);
  if (!map) {
    const require = createRequire(__filename);
    const topo = require(`world-atlas/countries-${resolution}.json`) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    map = toBasemap(feature(topo, topo.objects.countries) as unknown as { features: RawFeature[] });
    cache.set(resolution, map);
  }
  return map;
}

interface RawFeature {
  id?: string | number;
  properties: { name: string } | null;
  geometry: { type: string; coordinates: unknown } | null;
}

function toBasemap(fc: { features: RawFeature[] }): Basemap {
  const features: BasemapFeature[] = [];
  for (const f of fc.features) {
    const geometry = fixGeometry(f.geometry);
    if (!geometry) continue;
    const name = f.properties?.name ?? '';
    const id = f.id === undefined ? null : String(f.id);
    const iso2 = (id ? iso.whereNumeric(id)?.alpha2 : undefined) ?? ISO2_BY_NAME[name] ?? null;
    features.push({ type: 'Feature', id, properties: { name, iso2 }, geometry });
  }
  return { type: 'FeatureCollection', features };
}

function fixGeometry(g: RawFeature['geometry']): BasemapFeature['geometry'] | null {
  if (g?.type === 'Polygon') return { type: 'Polygon', coordinates: fixPolygon(g.coordinates as Position[][]) };
  if (g?.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: (g.coordinates as Position[][][]).map(fixPolygon) };
  return null;
}
