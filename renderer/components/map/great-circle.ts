// Travel legs drawn as great-circle arcs, with longitudes unwrapped so a leg across the
// antimeridian (Seattle → Tokyo) takes the short way instead of crossing the whole map.
const RAD = Math.PI / 180;

export function greatCircle(from: [number, number], to: [number, number], segments = 48): Array<[number, number]> {
  const [lat1, lon1] = [from[0] * RAD, from[1] * RAD];
  const [lat2, lon2] = [to[0] * RAD, to[1] * RAD];
  const d = 2 * Math.asin(Math.sqrt(Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2));
  if (d < 1e-6) return [from, to];
  const out: Array<[number, number]> = [];
  let prevLon: number | null = null;
  for (let i = 0; i <= segments; i++) {
    const f = i / segments;
    const a = Math.sin((1 - f) * d) / Math.sin(d);
    const b = Math.sin(f * d) / Math.sin(d);
    const x = a * Math.cos(lat1) * Math.cos(lon1) + b * Math.cos(lat2) * Math.cos(lon2);
    const y = a * Math.cos(lat1) * Math.sin(lon1) + b * Math.cos(lat2) * Math.sin(lon2);
    const z = a * Math.sin(lat1) + b * Math.sin(lat2);
    const lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / RAD;
    let lon = Math.atan2(y, x) / RAD;
    if (prevLon !== null) while (lon - prevLon > 180) lon -= 360;
    if (prevLon !== null) while (prevLon - lon > 180) lon += 360;
    prevLon = lon;
    out.push([lat, lon]);
  }
  return out;
}
