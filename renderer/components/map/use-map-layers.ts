// Keeps the Leaflet layers in step with the map's data: one layer object each, created with the
// map and fed whenever its data changes.
import type L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { CountryLayer } from './country-layer';
import { useStore } from '../../store/store';
import { useMapView } from './map-state';
import { clickCountry, filterToPlace } from './place-filter';
import { PointLayer } from './point-layer';
import type { Point } from './popup-content';
import { TravelLayer } from './travel-layer';
import type { MapData } from './use-map-data';

export interface LayerEvents {
  hoverCountry(country: { iso2: string | null; name: string } | null): void;
  clickLeg(index: number): void;
}

export function useMapLayers(map: L.Map | null, data: MapData, events: LayerEvents) {
  const showCountries = useMapView((s) => s.showCountries);
  const theme = useStore((s) => s.theme); // land and borders follow the light/dark theme
  const showPoints = useMapView((s) => s.showPoints);
  const latest = useRef(events);
  latest.current = events;

  const layers = useMemo(() => {
    if (!map) return null;
    const zoomTo = (points: readonly Point[]) => {
      const zoom = Math.min(Math.max(map.getZoom() + 2, 5), 7);
      if (points.length === 1) map.setView([points[0]!.lat, points[0]!.lon], zoom);
      else
        map.fitBounds(
          points.map((p) => [p.lat, p.lon] as [number, number]),
          { padding: [60, 60], maxZoom: zoom },
        );
    };
    return {
      countries: new CountryLayer(map, { hover: (c) => latest.current.hoverCountry(c), click: (iso2, _name, additive) => clickCountry(iso2, additive) }),
      points: new PointLayer(map, { filterPlace: filterToPlace, zoomTo }),
      travel: new TravelLayer(map, (i) => latest.current.clickLeg(i)),
    };
  }, [map]);
  useEffect(
    () => () => {
      layers?.countries.remove();
      layers?.points.remove();
      layers?.travel.remove();
    },
    [layers],
  );

  const basemap = data.basemap.data;
  useEffect(() => {
    if (layers && basemap) layers.countries.setBasemap(basemap);
  }, [layers, basemap]);
  useEffect(() => {
    layers?.countries.setCounts(showCountries ? data.countryCounts : new Map());
  }, [layers, basemap, data.countryCounts, showCountries, theme]);
  const points = data.points.data?.points;
  useEffect(() => {
    layers?.points.setPoints(showPoints && points ? points : []);
  }, [layers, points, showPoints]);
  const travel = data.travel.data;
  const fittedUser = useRef<string | null>(null);
  useEffect(() => {
    if (!layers) return;
    layers.travel.setTravel(travel);
    // Frame the path when a user is picked, not on every filter change after that.
    const bounds = layers.travel.bounds();
    if (bounds && map && travel && travel.user !== fittedUser.current) map.fitBounds(bounds, { padding: [50, 50], maxZoom: 6 });
    fittedUser.current = travel?.user ?? null;
  }, [layers, travel, map]);
  return layers;
}
