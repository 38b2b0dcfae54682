// The basemap (Natural Earth countries from geo.basemap) as one GeoJSON layer, shaded by the
// active filter's sign-ins per country; hover and click report the country's ISO code.
import L from 'leaflet';
import type { Res } from '../../../shared/api/contract';
import { MAP_COLORS, shadeColor, shadeLevel } from './map-colors';
import { PANES } from './use-leaflet-map';

type Basemap = Res<'geo.basemap'>;
type Feature = Basemap['features'][number];

export interface CountryHandlers {
  hover(country: { iso2: string | null; name: string } | null): void;
  click(iso2: string, name: string, additive: boolean): void;
}

export class CountryLayer {
  private layer: L.GeoJSON | null = null;
  private counts = new Map<string, number>();
  private max = 0;
  private readonly renderer: L.Renderer;

  constructor(
    private readonly map: L.Map,
    private readonly handlers: CountryHandlers,
  ) {
    this.renderer = L.svg({ pane: PANES.countries });
  }

  setBasemap(basemap: Basemap): void {
    this.layer?.remove();
    // GeoJSON passes its options on to every polygon it creates, the renderer included.
    const options: L.GeoJSONOptions & L.PathOptions = {
      pane: PANES.countries,
      renderer: this.renderer,
      style: (f) => this.style(f as unknown as Feature),
      onEachFeature: (f, layer) => this.wire(f as unknown as Feature, layer as L.Path),
    };
    this.layer = L.geoJSON(basemap as unknown as GeoJSON.FeatureCollection, options).addTo(this.map);
    this.layer.eachLayer((l) => {
      const iso2 = ((l as L.GeoJSON).feature as unknown as Feature | undefined)?.properties.iso2;
      if (iso2) (l as L.Path).getElement()?.setAttribute('data-iso2', iso2);
    });
  }

  setCounts(counts: Map<string, number>): void {
    this.counts = counts;
    this.max = Math.max(0, ...counts.values());
    this.layer?.setStyle((f) => this.style(f as unknown as Feature));
  }

  remove(): void {
    this.layer?.remove();
  }

  private style(f: Feature): L.PathOptions {
    const n = f.properties.iso2 ? (this.counts.get(f.properties.iso2) ?? 0) : 0;
    return {
      color: MAP_COLORS.border,
      weight: 0.7,
      fillColor: n > 0 ? shadeColor(0.15 + 0.85 * shadeLevel(n, this.max)) : MAP_COLORS.land,
      fillOpacity: 1,
      className: 'map-country',
    };
  }

  private wire(f: Feature, layer: L.Path): void {
    const { iso2, name } = f.properties;
    layer.on('mouseover', () => {
      layer.setStyle({ color: MAP_COLORS.borderHover, weight: 1.6 });
      layer.bringToFront();
      this.handlers.hover({ iso2, name });
    });
    layer.on('mouseout', () => {
      layer.setStyle({ color: MAP_COLORS.border, weight: 0.7 });
      this.handlers.hover(null);
    });
    layer.on('click', (e: L.LeafletMouseEvent) => {
      if (iso2) this.handlers.click(iso2, name, e.originalEvent.shiftKey || e.originalEvent.ctrlKey || e.originalEvent.metaKey);
    });
  }
}
