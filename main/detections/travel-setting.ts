// The one impossible-travel setting of a case: the impossible-travel rule's thresholds (adjusted in
// the Detections view, stored with the case). The rule runs with them and the map's travel legs
// read them here, so a leg the map flags and a hop the rule reports are judged alike.
import type { TravelThresholds } from '../geo/distance';
import type { CaseDb } from '../db/case-db';
import { impossibleTravel } from './rules/impossible-travel';
import { loadSettings, resolveParams } from './settings';

export function travelThresholds(db: CaseDb): TravelThresholds {
  const p = resolveParams(impossibleTravel, loadSettings(db));
  return { speedKmh: p.maxSpeedKmh!, minDistanceKm: p.minDistanceKm! };
}
