// Merges map points that would overlap on screen at the current zoom: biggest first, every point
// joins the first cluster whose centre is within `radiusPx` (looked up in a grid of that cell
// size). The backend already groups by rounded coordinates; this only handles what is still too
// dense for the zoom.
export interface ScreenPoint<T> {
  x: number;
  y: number;
  weight: number;
  item: T;
}

export interface Cluster<T> {
  x: number;
  y: number;
  weight: number;
  items: T[];
}

export function clusterPoints<T>(points: readonly ScreenPoint<T>[], radiusPx: number): Cluster<T>[] {
  const sorted = [...points].sort((a, b) => b.weight - a.weight);
  const clusters: Cluster<T>[] = [];
  const grid = new Map<string, Cluster<T>[]>();
  const cell = (x: number, y: number) => `${Math.floor(x / radiusPx)}|${Math.floor(y / radiusPx)}`;
  const r2 = radiusPx * radiusPx;
  for (const p of sorted) {
    const cx = Math.floor(p.x / radiusPx);
    const cy = Math.floor(p.y / radiusPx);
    let host: Cluster<T> | null = null;
    for (let dx = -1; dx <= 1 && !host; dx++) {
      for (let dy = -1; dy <= 1 && !host; dy++) {
        for (const c of grid.get(`${cx + dx}|${cy + dy}`) ?? []) {
          if ((c.x - p.x) ** 2 + (c.y - p.y) ** 2 <= r2) {
            host = c;
            break;
          }
        }
      }
    }
    if (host) {
      host.weight += p.weight;
      host.items.push(p.item);
      continue;
    }
    // A cluster stays where its biggest point is, so it does not drift as small ones join.
    const c: Cluster<T> = { x: p.x, y: p.y, weight: p.weight, items: [p.item] };
    clusters.push(c);
    const key = cell(p.x, p.y);
    grid.set(key, [...(grid.get(key) ?? []), c]);
  }
  return clusters;
}
