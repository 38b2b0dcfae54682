// What the map shows for the active filter: the basemap (coarse, then detailed once zoomed in),
// countries, locations (rounded more coarsely when zoomed out) and the picked user's travel.
import { useEffect, useMemo, useState } from 'react';
import type { CasePart } from '../../../shared/api/contract';
import { useApi } from '../../actions/use-api';
import { useStore } from '../../store/store';
import { useMapView } from './map-state';

/** Decimals of the backend's coordinate rounding per zoom (0 ≈ 110 km, 1 ≈ 11 km, 2 ≈ 1 km). */
export function decimalsForZoom(zoom: number): number {
  return zoom < 4 ? 0 : zoom < 7 ? 1 : 2;
}

const DETAILED_FROM_ZOOM = 4;
/** Map layers read sign-ins and their per-IP geo. */
const GEO_PARTS: readonly CasePart[] = ['signins', 'geo'];

export function useMapData(zoom: number) {
  const filter = useStore((s) => s.filter);
  const user = useMapView((s) => s.travelUser);
  // Once detailed, stay detailed: switching back would only re-send the same shapes.
  const [detailed, setDetailed] = useState(zoom >= DETAILED_FROM_ZOOM);
  useEffect(() => {
    if (zoom >= DETAILED_FROM_ZOOM) setDetailed(true);
  }, [zoom]);

  const basemap = useApi('geo.basemap', { resolution: detailed ? '50m' : '110m' });
  const countries = useApi('geo.countries', { filter }, GEO_PARTS);
  const points = useApi('geo.points', { filter, decimals: decimalsForZoom(zoom), limit: 1500 }, GEO_PARTS);
  const travel = useApi('geo.travel', user ? { filter, user } : null, GEO_PARTS);

  const countryCounts = useMemo(() => new Map((countries.data?.countries ?? []).map((c) => [c.country, c.total])), [countries.data]);
  return { basemap, countries, countryCounts, points, travel: user ? travel : { data: null, error: null, loading: false } };
}

export type MapData = ReturnType<typeof useMapData>;
