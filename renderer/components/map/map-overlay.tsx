// Drawn over the map: the hovered country's figures (top left) and the legend with what is
// located and what is not (bottom left).
import type { Res } from '../../../shared/api/contract';
import { formatCount } from '../../format/numbers';
import { shadeColor } from './map-colors';

type Countries = Res<'geo.countries'>['countries'];

export interface HoveredCountry {
  iso2: string | null;
  name: string;
}

export function HoverReadout({ hovered, countries }: { hovered: HoveredCountry | null; countries: Countries }) {
  if (!hovered) return <div className="map-readout muted">Click a country to filter on it · Shift-click to add one</div>;
  const c = hovered.iso2 ? countries.find((x) => x.country === hovered.iso2) : undefined;
  return (
    <div className="map-readout" data-testid="map-readout">
      <strong>{hovered.name}</strong>
      {hovered.iso2 && <span className="muted mono"> {hovered.iso2}</span>}
      {c ? (
        <span>
          {' '}
          · {formatCount(c.total)} sign-ins · <span className="fail-text">{formatCount(c.failure)} failed</span> · {formatCount(c.users)} users · {formatCount(c.ips)} IPs
        </span>
      ) : (
        <span className="muted"> · no sign-ins</span>
      )}
    </div>
  );
}

export function MapLegend({ points, travel }: { points: Res<'geo.points'> | null; travel: boolean }) {
  return (
    <div className="map-legend" data-testid="map-legend">
      <div className="ml-row">
        <span className="ml-swatch ml-circle st-success" /> success
        <span className="ml-swatch ml-circle st-interrupted" /> interrupted
        <span className="ml-swatch ml-circle st-failure" /> failure
        <span className="muted">· size = sign-ins</span>
      </div>
      <div className="ml-row">
        <span className="muted">Sign-ins per country</span>
        <span className="ml-ramp">
          {[0.15, 0.4, 0.65, 1].map((t) => (
            <span key={t} style={{ background: shadeColor(t) }} />
          ))}
        </span>
        <span className="muted">few → many</span>
      </div>
      {travel && (
        <div className="ml-row">
          <span className="ml-line" /> travel leg <span className="ml-line impossible" /> impossible travel
        </div>
      )}
      {points && (
        <div className="ml-row muted">
          {formatCount(points.located)} located · {formatCount(points.unlocated)} without a location
          {points.truncated && <span className="warn"> · busiest {formatCount(points.points.length)} places shown</span>}
        </div>
      )}
      <div className="ml-row muted ml-credit">Basemap: Natural Earth (public domain), drawn offline</div>
    </div>
  );
}
