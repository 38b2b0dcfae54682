// Coordinates for sign-ins whose export carries none (portal CSV has only "City, State, CC"): each
// distinct place text of the case is located with the offline gazetteer (main/geo) into a temp table
// that queries join on the dictionary ids. The row's own place text is used, not
// a per-IP aggregate, so a sign-in is never moved to where other sign-ins of its IP were.
import type { CaseDb } from '../db/case-db';
import { NUM } from '../db/row-spec';
import { stringValues } from '../db/string-text';
import { loadGazetteer } from '../geo/gazetteer';

export const PLACES_TABLE = 'temp.detection_places';

/**
 * Fills the temp table `detection_places(c, s, k, lat, lon, err)` keyed by city_k, state_k,
 * country_k (0 for NULL) with the gazetteer's point and uncertainty (0 for a city, the area's radius
 * for a region or country). A temp table is never part of the saved case; keyed lookups keep the
 * join cheap however many places the case has. Returns false when every sign-in matching `where`
 * has coordinates or no place text (nothing to join).
 */
export function preparePlaces(db: CaseDb, where: string): boolean {
  db.exec(`DROP TABLE IF EXISTS ${PLACES_TABLE}`);
  const keys = db.tuples(
    `SELECT DISTINCT coalesce(city_k, 0), coalesce(state_k, 0), coalesce(country_k, 0) FROM signin_data NOT INDEXED
        WHERE ${where} AND latitude IS NULL AND (city_k IS NOT NULL OR country_k IS NOT NULL)`,
    [],
    [NUM, NUM, NUM],
  );
  if (!keys.length) return false;
  const text = stringValues(
    db,
    keys.flat().filter((id) => id > 0),
  );
  const gazetteer = loadGazetteer();
  db.exec(`CREATE TABLE ${PLACES_TABLE} (c INTEGER, s INTEGER, k INTEGER, lat REAL, lon REAL, err REAL, PRIMARY KEY (c, s, k)) WITHOUT ROWID`);
  const insert = db.prepareWrite(`INSERT INTO ${PLACES_TABLE} VALUES (?, ?, ?, ?, ?, ?)`);
  try {
    for (const [c, s, k] of keys) {
      const place = gazetteer.locate(text.get(c) ?? null, text.get(s) ?? null, text.get(k) ?? null);
      if (place) insert.run([c, s, k, place.lat, place.lon, place.uncertaintyKm]);
    }
  } finally {
    insert.free();
  }
  return true;
}

export function dropPlaces(db: CaseDb): void {
  db.exec(`DROP TABLE IF EXISTS ${PLACES_TABLE}`);
}
