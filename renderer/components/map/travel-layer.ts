// A user's travel path: stops (consecutive sign-ins at one place) joined in time order by
// great-circle legs; impossible legs red and dashed. Hover texts are DOM nodes with text only.
import L from 'leaflet';
import type { Res } from '../../../shared/api/contract';
import { formatCount } from '../../format/numbers';
import { el } from './dom';
import { greatCircle } from './great-circle';
import { MAP_COLORS } from './map-colors';
import { placeLabel } from './popup-content';
import { PANES } from './use-leaflet-map';

export type Travel = Res<'geo.travel'>;

export class TravelLayer {
  private readonly group: L.LayerGroup;
  private readonly renderer: L.Renderer;
  private legs: L.Polyline[] = [];
  private travel: Travel | null = null;
  private highlighted: number | null = null;

  constructor(
    private readonly map: L.Map,
    private readonly onLegClick: (index: number) => void,
  ) {
    this.renderer = L.svg({ pane: PANES.travel });
    this.group = L.layerGroup().addTo(map);
  }

  setTravel(travel: Travel | null): void {
    this.group.clearLayers();
    this.legs = [];
    this.travel = travel;
    this.highlighted = null;
    if (!travel) return;
    travel.legs.forEach((leg, i) => {
      const from = travel.stops[leg.from]!;
      const to = travel.stops[leg.to]!;
      const line = L.polyline(greatCircle([from.lat, from.lon], [to.lat, to.lon]), {
        ...this.legStyle(i, false),
        pane: PANES.travel,
        renderer: this.renderer,
        className: `travel-leg${leg.impossible ? ' impossible' : ''}`,
      });
      line.on('click', () => this.onLegClick(i));
      this.legs.push(line);
      this.group.addLayer(line);
    });
    travel.stops.forEach((s, i) => {
      const last = i === travel.stops.length - 1;
      const stop = L.circleMarker([s.lat, s.lon], {
        pane: PANES.travel,
        renderer: this.renderer,
        radius: i === 0 || last ? 6 : 4.5,
        color: '#0b0e12',
        weight: 1.5,
        fillColor: i === 0 ? MAP_COLORS.travel : MAP_COLORS.stop,
        fillOpacity: 1,
        className: 'travel-stop',
      });
      stop.bindTooltip(() => el('div', undefined, el('strong', undefined, `${i + 1}. ${placeLabel(s)}`), el('div', 'muted', `${formatCount(s.signins)} sign-in(s) · ${s.ips.join(', ')}`)), {
        direction: 'top',
        className: 'ss-tooltip',
      });
      this.group.addLayer(stop);
    });
  }

  /** Thickens one leg (from the side list) and returns its bounds for zooming. */
  highlight(index: number | null): L.LatLngBounds | null {
    if (this.highlighted !== null) this.legs[this.highlighted]?.setStyle(this.legStyle(this.highlighted, false));
    this.highlighted = index;
    if (index === null) return null;
    const line = this.legs[index];
    if (!line) return null;
    line.setStyle(this.legStyle(index, true));
    line.bringToFront();
    return line.getBounds();
  }

  bounds(): L.LatLngBounds | null {
    const stops = this.travel?.stops ?? [];
    if (stops.length === 0) return null;
    return L.latLngBounds(stops.map((s) => [s.lat, s.lon] as [number, number]));
  }

  remove(): void {
    this.group.remove();
  }

  private legStyle(index: number, strong: boolean): L.PolylineOptions {
    const impossible = this.travel?.legs[index]?.impossible ?? false;
    return impossible
      ? { color: MAP_COLORS.impossible, weight: strong ? 5 : 3, opacity: 1, dashArray: '9 7' }
      : { color: MAP_COLORS.travel, weight: strong ? 4.5 : 2, opacity: strong ? 1 : 0.75, dashArray: undefined };
  }
}
