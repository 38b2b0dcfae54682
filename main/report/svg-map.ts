// The report's map picture: Natural Earth countries (world-atlas 110m through topojson-client, with
// antimeridian-safe rings) in an equirectangular projection, sign-in locations as circles whose area
// follows the number of sign-ins, coloured by the prevailing outcome. Inline SVG, no tiles.
import { loadBasemap } from '../geo/basemap';
import { html, num, SafeHtml } from './html';

export interface MapPoint {
  lat: number;
  lon: number;
  total: number;
  success: number;
  failure: number;
  interrupted: number;
}

const W = 960;
const H = 480;
const x = (lon: number) => ((lon + 180) / 360) * W;
const y = (lat: number) => ((90 - lat) / 180) * H;

let countries: string | undefined;

/** All country outlines as one path (computed once: it is the same for every report). */
function countryPath(): string {
  if (countries !== undefined) return countries;
  const rings: number[][][] = [];
  for (const f of loadBasemap('110m').features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) rings.push(...polygon);
  }
  const d: string[] = [];
  for (const ring of rings) {
    d.push(ringPath(ring, 0));
    // Rings unwrapped past +180 (Chukotka, Fiji) are drawn again one world to the west.
    if (ring.some((p) => p[0]! > 180)) d.push(ringPath(ring, -360));
  }
  return (countries = d.join(''));
}

function ringPath(ring: number[][], shift: number): string {
  return ring.map((p, i) => `${i ? 'L' : 'M'}${num(x(p[0]! + shift))} ${num(y(p[1]!))}`).join('') + 'Z';
}

function outcomeClass(p: MapPoint): string {
  if (p.failure * 2 >= p.total) return 'fail';
  if (p.success * 2 > p.total) return 'ok';
  return p.interrupted >= p.failure ? 'int' : 'fail';
}

export function mapSvg(points: readonly MapPoint[]): SafeHtml {
  const max = Math.max(1, ...points.map((p) => p.total));
  // Largest first so small circles stay on top and clickable by eye.
  const circles = [...points]
    .sort((a, b) => b.total - a.total)
    .map((p) => {
      const r = 2 + 14 * Math.sqrt(p.total / max);
      const label = `${num(p.lat)}, ${num(p.lon)}: ${p.total} sign-ins (${p.success} success, ${p.failure} failure, ${p.interrupted} interrupted)`;
      return html`<circle class="${outcomeClass(p)}" cx="${num(x(p.lon))}" cy="${num(y(p.lat))}" r="${num(r)}"><title>${label}</title></circle>`;
    });
  return html`<svg class="map" viewBox="0 0 ${W} ${H}" role="img" aria-label="Sign-in locations">
<rect class="sea" x="0" y="0" width="${W}" height="${H}"/>
<path class="land" d="${new SafeHtml(countryPath())}"/>
<g class="points">${circles}</g></svg>`;
}
