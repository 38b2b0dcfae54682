// The Map tab: an offline Leaflet map of the active filter's sign-ins (countries shaded, located
// places as circles, a user's travel path) and a side panel (layers, countries, travel legs).
import '../../styles/map.css';
import { useEffect, useRef, useState } from 'react';
import { CountryList } from './country-list';
import { HoverReadout, MapLegend, type HoveredCountry } from './map-overlay';
import { useMapView, WORLD } from './map-state';
import { TravelPanel } from './travel-panel';
import { useLeafletMap } from './use-leaflet-map';
import { useMapData } from './use-map-data';
import { useMapLayers } from './use-map-layers';

export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const { map, zoom } = useLeafletMap(container);
  const data = useMapData(zoom);
  const [hovered, setHovered] = useState<HoveredCountry | null>(null);
  const [activeLeg, setActiveLeg] = useState<number | null>(null);
  const showCountries = useMapView((s) => s.showCountries);
  const showPoints = useMapView((s) => s.showPoints);
  const layers = useMapLayers(map, data, { hoverCountry: setHovered, clickLeg: (i) => selectLeg(i) });

  useEffect(() => setActiveLeg(null), [data.travel.data]);

  function selectLeg(index: number) {
    const next = activeLeg === index ? null : index;
    setActiveLeg(next);
    const bounds = layers?.travel.highlight(next);
    if (bounds && map) map.fitBounds(bounds, { padding: [80, 80], maxZoom: 7 });
  }
  function fitPoints() {
    const points = data.points.data?.points ?? [];
    if (map && points.length)
      map.fitBounds(
        points.map((p) => [p.lat, p.lon] as [number, number]),
        { padding: [40, 40], maxZoom: 7 },
      );
  }
  const error = data.basemap.error ?? data.points.error ?? data.countries.error;

  return (
    <div className="map-view" data-testid="map-view">
      <div className="map-main">
        <div className="map-canvas" ref={container} data-testid="map" />
        <HoverReadout hovered={hovered} countries={data.countries.data?.countries ?? []} />
        <MapLegend points={data.points.data} travel={data.travel.data !== null} />
        {(data.points.loading || data.countries.loading) && <div className="map-busy">Updating…</div>}
        {error && <div className="map-error error">{error}</div>}
      </div>
      <aside className="map-side">
        <section className="map-card">
          <div className="card-title map-card-head">
            Layers
            <span className="grow" />
            <button className="btn small" data-testid="map-world" onClick={() => map?.setView(WORLD.center, WORLD.zoom)} title="Show the whole world">
              World
            </button>
            <button className="btn small" disabled={!data.points.data?.points.length} onClick={fitPoints} title="Frame every located sign-in of the filter">
              Fit sign-ins
            </button>
          </div>
          <label className="check-row">
            <input type="checkbox" checked={showCountries} onChange={(e) => useMapView.getState().setLayer('showCountries', e.target.checked)} />
            Shade countries by sign-ins
          </label>
          <label className="check-row">
            <input type="checkbox" checked={showPoints} onChange={(e) => useMapView.getState().setLayer('showPoints', e.target.checked)} />
            Sign-in locations
          </label>
        </section>
        <TravelPanel travel={data.travel.data} loading={data.travel.loading} error={data.travel.error} activeLeg={activeLeg} onLeg={selectLeg} />
        <CountryList data={data.countries.data} />
      </aside>
    </div>
  );
}
