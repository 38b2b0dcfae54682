/**
 * Built-in world cities (real coordinates) used for home, travel and attacker
 * locations. `tz` is the standard-time UTC offset in hours (DST is ignored:
 * a generated week is short enough that it does not matter).
 */
export interface City {
  key: string;
  city: string;
  state: string;
  country: string; // ISO 3166-1 alpha-2
  lat: number;
  lon: number;
  tz: number;
}

const c = (key: string, city: string, state: string, country: string, lat: number, lon: number, tz: number): City => ({
  key,
  city,
  state,
  country,
  lat,
  lon,
  tz,
});

export const CITIES: readonly City[] = [
  c('seattle', 'Seattle', 'Washington', 'US', 47.6062, -122.3321, -8),
  c('redmond', 'Redmond', 'Washington', 'US', 47.674, -122.1215, -8),
  c('portland', 'Portland', 'Oregon', 'US', 45.5152, -122.6784, -8),
  c('sanfrancisco', 'San Francisco', 'California', 'US', 37.7749, -122.4194, -8),
  c('austin', 'Austin', 'Texas', 'US', 30.2672, -97.7431, -6),
  c('chicago', 'Chicago', 'Illinois', 'US', 41.8781, -87.6298, -6),
  c('newyork', 'New York', 'New York', 'US', 40.7128, -74.006, -5),
  c('ashburn', 'Ashburn', 'Virginia', 'US', 39.0438, -77.4874, -5),
  c('toronto', 'Toronto', 'Ontario', 'CA', 43.6532, -79.3832, -5),
  c('montreal', 'Montréal', 'Quebec', 'CA', 45.5019, -73.5674, -5),
  c('mexicocity', 'Mexico City', 'Ciudad de Mexico', 'MX', 19.4326, -99.1332, -6),
  c('saopaulo', 'São Paulo', 'Sao Paulo', 'BR', -23.5505, -46.6333, -3),
  c('buenosaires', 'Buenos Aires', 'Buenos Aires', 'AR', -34.6037, -58.3816, -3),
  c('london', 'London', 'England', 'GB', 51.5072, -0.1276, 0),
  c('manchester', 'Manchester', 'England', 'GB', 53.4808, -2.2426, 0),
  c('dublin', 'Dublin', 'Dublin', 'IE', 53.3498, -6.2603, 0),
  c('paris', 'Paris', 'Ile-De-France', 'FR', 48.8566, 2.3522, 1),
  c('berlin', 'Berlin', 'Berlin', 'DE', 52.52, 13.405, 1),
  c('munich', 'München', 'Bayern', 'DE', 48.1351, 11.582, 1),
  c('frankfurt', 'Frankfurt am Main', 'Hessen', 'DE', 50.1109, 8.6821, 1),
  c('amsterdam', 'Amsterdam', 'Noord-Holland', 'NL', 52.3676, 4.9041, 1),
  c('madrid', 'Madrid', 'Madrid', 'ES', 40.4168, -3.7038, 1),
  c('milan', 'Milano', 'Lombardia', 'IT', 45.4642, 9.19, 1),
  c('stockholm', 'Stockholm', 'Stockholms Lan', 'SE', 59.3293, 18.0686, 1),
  c('warsaw', 'Warszawa', 'Mazowieckie', 'PL', 52.2297, 21.0122, 1),
  c('bucharest', 'Bucharest', 'Bucuresti', 'RO', 44.4268, 26.1025, 2),
  c('kyiv', 'Kyiv', 'Kyiv City', 'UA', 50.4501, 30.5234, 2),
  c('istanbul', 'Istanbul', 'Istanbul', 'TR', 41.0082, 28.9784, 3),
  c('moscow', 'Moscow', 'Moscow', 'RU', 55.7558, 37.6173, 3),
  c('lagos', 'Lagos', 'Lagos', 'NG', 6.5244, 3.3792, 1),
  c('johannesburg', 'Johannesburg', 'Gauteng', 'ZA', -26.2041, 28.0473, 2),
  c('nairobi', 'Nairobi', 'Nairobi Area', 'KE', -1.2921, 36.8219, 3),
  c('dubai', 'Dubai', 'Dubai', 'AE', 25.2048, 55.2708, 4),
  c('mumbai', 'Mumbai', 'Maharashtra', 'IN', 19.076, 72.8777, 5.5),
  c('bengaluru', 'Bengaluru', 'Karnataka', 'IN', 12.9716, 77.5946, 5.5),
  c('singapore', 'Singapore', 'Singapore', 'SG', 1.3521, 103.8198, 8),
  c('hongkong', 'Hong Kong', 'Hong Kong', 'HK', 22.3193, 114.1694, 8),
  c('jakarta', 'Jakarta', 'Jakarta', 'ID', -6.2088, 106.8456, 7),
  c('hanoi', 'Hanoi', 'Ha Noi', 'VN', 21.0278, 105.8342, 7),
  c('tokyo', 'Tokyo', 'Tokyo', 'JP', 35.6762, 139.6503, 9),
  c('seoul', 'Seoul', 'Seoul', 'KR', 37.5665, 126.978, 9),
  c('sydney', 'Sydney', 'New South Wales', 'AU', -33.8688, 151.2093, 10),
  c('melbourne', 'Melbourne', 'Victoria', 'AU', -37.8136, 144.9631, 10),
  c('auckland', 'Auckland', 'Auckland', 'NZ', -36.8485, 174.7633, 12),
];

const BY_KEY = new Map(CITIES.map((x) => [x.key, x]));

export function city(key: string): City {
  const found = BY_KEY.get(key);
  if (!found) throw new Error(`unknown city ${key}`);
  return found;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: City, b: City): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
