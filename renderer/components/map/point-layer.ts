// Sign-in locations as circle markers (never L.Marker: its default icon is an image loaded by
// URL): area by count, colour by outcome mix, merged when they would overlap at this zoom.
import L from 'leaflet';
import { clusterPoints, type Cluster } from './cluster';
import { markerRadius, outcomeColor } from './map-colors';
import { pointPopup, sumCounts, type PopupActions, type Point } from './popup-content';
import { PANES } from './use-leaflet-map';

/** Points closer than this on screen are merged. */
const MERGE_PX = 18;

export class PointLayer {
  private readonly group: L.LayerGroup;
  private readonly renderer: L.Renderer;
  private points: Point[] = [];

  constructor(
    private readonly map: L.Map,
    private readonly actions: PopupActions,
  ) {
    this.renderer = L.svg({ pane: PANES.points });
    this.group = L.layerGroup().addTo(map);
    map.on('zoomend', this.draw);
  }

  setPoints(points: Point[]): void {
    this.points = points;
    this.draw();
  }

  remove(): void {
    this.map.off('zoomend', this.draw);
    this.group.remove();
  }

  private readonly draw = (): void => {
    this.group.clearLayers();
    const screen = this.points.map((p) => {
      const at = this.map.project([p.lat, p.lon], this.map.getZoom());
      return { x: at.x, y: at.y, weight: p.total, item: p };
    });
    const clusters = clusterPoints(screen, MERGE_PX);
    const max = Math.max(0, ...clusters.map((c) => c.weight));
    // Biggest first, so small markers stay on top and clickable.
    for (const c of clusters) this.group.addLayer(this.marker(c, max));
  };

  private marker(c: Cluster<Point>, max: number): L.CircleMarker {
    const sum = sumCounts(c.items);
    const lead = c.items[0]!;
    const fill = outcomeColor(sum);
    const marker = L.circleMarker([lead.lat, lead.lon], {
      pane: PANES.points,
      renderer: this.renderer,
      radius: markerRadius(c.weight, max),
      color: c.items.length > 1 ? '#e8eef7' : fill,
      weight: c.items.length > 1 ? 1.5 : 1,
      opacity: 0.9,
      fillColor: fill,
      fillOpacity: 0.55,
      className: `map-point${c.items.length > 1 ? ' merged' : ''}`,
    });
    marker.bindPopup(() => pointPopup(c.items, this.actions), { className: 'ss-popup', maxWidth: 320, minWidth: 220, autoPanPaddingTopLeft: [20, 44] });
    return marker;
  }
}
