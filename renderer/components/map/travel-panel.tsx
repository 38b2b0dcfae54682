// The travel side list: the picked user, then each leg between consecutive places with distance,
// time and speed; impossible legs first in colour. Clicking a leg frames it on the map.
import { useState } from 'react';
import { formatCount } from '../../format/numbers';
import { formatDateTime, formatDuration } from '../../format/time';
import { useStore } from '../../store/store';
import { useDisplayNames } from '../sessions/use-display-names';
import { useMapView } from './map-state';
import { placeLabel } from './popup-content';
import type { TimeMode } from '../../store/ui-slice';
import type { Travel } from './travel-layer';
import { UserPicker } from './user-picker';

const SHORT_KM = 50;

interface Props {
  travel: Travel | null;
  loading: boolean;
  error: string | null;
  activeLeg: number | null;
  onLeg(index: number): void;
}

export function TravelPanel({ travel, loading, error, activeLeg, onLeg }: Props) {
  const user = useMapView((s) => s.travelUser);
  const mode = useStore((s) => s.timeMode);
  const onlySuccesses = useStore((s) => s.filter.conditions.some((c) => c.column === 'status' && c.values.length === 1 && c.values[0] === 'Success'));
  const [showShort, setShowShort] = useState(false);
  const names = useDisplayNames(user ? { column: 'user_principal_name', op: 'in', values: [user] } : null);
  const impossible = travel?.legs.filter((l) => l.impossible).length ?? 0;
  // Hops between addresses of one city are noise next to real moves; impossible legs always show.
  const legs = (travel?.legs ?? []).map((leg, index) => ({ leg, index })).filter(({ leg }) => showShort || leg.impossible || leg.distanceKm >= SHORT_KM);
  const hidden = (travel?.legs.length ?? 0) - legs.length;
  return (
    <section className="map-card travel-panel" data-testid="travel-panel">
      <div className="card-title">Travel path</div>
      <UserPicker />
      {user && (
        <div className="tp-user">
          <span className="tp-name" title={user} data-testid="travel-user">
            {names.length > 0 && <span className="tp-display">{names.join(', ')}</span>}
            <span className="tp-upn">{user}</span>
          </span>
          <button className="btn icon" aria-label="Clear the travel path" title="Clear" onClick={() => useMapView.getState().setTravelUser(null)}>
            ×
          </button>
        </div>
      )}
      {error && <div className="error small">{error}</div>}
      {user && loading && !travel && <div className="muted small">Loading…</div>}
      {travel && (
        <>
          <div className="tp-summary muted small" data-testid="travel-summary">
            {formatCount(travel.stops.length)} places · {formatCount(travel.legs.length)} legs
            {impossible > 0 && <span className="badge bad tiny">{impossible} impossible</span>}
            {travel.unlocated > 0 && <> · {formatCount(travel.unlocated)} sign-ins without a location</>}
            {travel.truncated && <> · first {formatCount(travel.stops.length)} places only</>}
          </div>
          <div className="muted small tp-rule">
            Impossible: faster than {formatCount(travel.thresholds.speedKmh)} km/h over at least {formatCount(travel.thresholds.minDistanceKm)} km (location uncertainty deducted), the
            impossible-travel rule&apos;s setting. The rule judges successful sign-ins only
            {!onlySuccesses && (
              <>
                {': '}
                <button className="btn link small" data-testid="travel-as-rule" onClick={() => useStore.getState().setColumnCondition('status', { column: 'status', op: 'in', values: ['Success'] })}>
                  show only those
                </button>
              </>
            )}
            .
          </div>
          {travel.legs.length === 0 && <div className="muted small pad">No movement between located sign-ins under the current filters.</div>}
          {(hidden > 0 || showShort) && (
            <label className="check-row small muted">
              <input type="checkbox" checked={showShort} onChange={(e) => setShowShort(e.target.checked)} />
              Show moves under {SHORT_KM} km{hidden > 0 ? ` (${formatCount(hidden)} hidden)` : ''}
            </label>
          )}
          <ol className="leg-list" data-testid="travel-legs">
            {legs.map(({ leg, index: i }) => {
              const from = travel.stops[leg.from]!;
              const to = travel.stops[leg.to]!;
              return (
                <li key={i}>
                  <button className={`leg${leg.impossible ? ' impossible' : ''}${activeLeg === i ? ' on' : ''}`} onClick={() => onLeg(i)} data-testid="travel-leg">
                    <span className="leg-places">
                      <span className="leg-from">{placeLabel(from)}</span>
                      <span className="leg-arrow">→</span>
                      <span className="leg-to">{placeLabel(to)}</span>
                      {leg.impossible && <span className="badge bad tiny">impossible</span>}
                    </span>
                    <span className="leg-figures">
                      <strong>{formatCount(leg.distanceKm)} km</strong> in {formatDuration(leg.elapsedMs)}
                      {leg.speedKmh !== null ? ` · ${formatCount(leg.speedKmh)} km/h` : ' · same instant'}
                    </span>
                    <span className="leg-times mono muted">{span(from.lastMs, to.firstMs, mode)}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

/** `2025-03-05 10:12:00 → 10:20:00`, with the second date only when it differs. */
function span(from: number, to: number, mode: TimeMode): string {
  const a = formatDateTime(from, mode);
  const b = formatDateTime(to, mode);
  return `${a} → ${a.slice(0, 10) === b.slice(0, 10) ? b.slice(11) : b}`;
}
