// One Leaflet map on a plain background: no tile layer and no default marker icons, so the map
// never requests anything (Leaflet loads images only for L.Icon.Default and tile layers).
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useState, type RefObject } from 'react';
import { useMapView } from './map-state';

/** Panes, bottom to top: countries, locations, travel path. */
export const PANES = { countries: 'ss-countries', points: 'ss-points', travel: 'ss-travel' } as const;

export function useLeafletMap(container: RefObject<HTMLDivElement | null>): { map: L.Map | null; zoom: number } {
  const [map, setMap] = useState<L.Map | null>(null);
  const [zoom, setZoom] = useState(() => useMapView.getState().viewport.zoom);
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const { viewport } = useMapView.getState();
    const m = L.map(el, {
      center: viewport.center,
      zoom: viewport.zoom,
      minZoom: 1,
      maxZoom: 9,
      zoomSnap: 0.5,
      worldCopyJump: false,
      attributionControl: false,
      // Animated zooms outlive the view when the tab changes mid-animation (Leaflet then throws
      // "_leaflet_pos of undefined"); instant zooms also suit an analysis tool better.
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
    });
    let z = 400;
    for (const pane of Object.values(PANES)) m.createPane(pane).style.zIndex = String(z++);
    const onMove = () => {
      const c = m.getCenter();
      useMapView.getState().setViewport({ center: [c.lat, c.lng], zoom: m.getZoom() });
      setZoom(m.getZoom());
    };
    m.on('moveend', onMove);
    // The view's size is only final after layout; Leaflet needs to know it.
    const resize = new ResizeObserver(() => m.invalidateSize({ pan: false }));
    resize.observe(el);
    setMap(m);
    return () => {
      resize.disconnect();
      m.off('moveend', onMove);
      m.stop();
      m.remove();
      setMap(null);
    };
  }, [container]);
  return { map, zoom };
}
