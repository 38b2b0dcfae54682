// The busiest countries of the active filter as ranked bars; a click filters like a map click.
import type { Res } from '../../../shared/api/contract';
import { formatCount, formatPercent } from '../../format/numbers';
import { useStore } from '../../store/store';
import { clickCountry } from './place-filter';

const SHOWN = 12;

export function CountryList({ data }: { data: Res<'geo.countries'> | null }) {
  const filter = useStore((s) => s.filter);
  const picked = new Set((filter.conditions.find((c) => c.column === 'country' && c.op === 'in')?.values ?? []).map(String));
  const rows = data?.countries ?? [];
  const total = rows.reduce((a, c) => a + c.total, 0) + (data?.unlocated ?? 0);
  const max = Math.max(1, ...rows.map((c) => c.total));
  return (
    <section className="map-card">
      <div className="card-title">Countries {data && <span className="muted small">· {formatCount(rows.length)}</span>}</div>
      <div className="bar-list" data-testid="map-country-list">
        {rows.slice(0, SHOWN).map((c) => (
          <button
            key={c.country}
            className={`bar-row${picked.has(c.country) ? ' on' : ''}`}
            data-country={c.country}
            title={`${c.country}: ${formatCount(c.total)} sign-ins, ${formatCount(c.failure)} failed — click to filter, shift-click to add`}
            onClick={(e) => clickCountry(c.country, e.shiftKey || e.ctrlKey || e.metaKey)}
          >
            <span className="bar-label mono">{c.country}</span>
            <span className="bar-track">
              <span className="bar-fill" style={{ width: `${(c.total / max) * 100}%` }} />
            </span>
            <span className="bar-count">{formatCount(c.total)}</span>
            <span className="bar-pct muted">{formatPercent(c.total, total)}</span>
          </button>
        ))}
        {rows.length > SHOWN && <div className="muted small">+{formatCount(rows.length - SHOWN)} more on the map</div>}
        {data && data.unlocated > 0 && <div className="muted small">{formatCount(data.unlocated)} sign-ins without a country</div>}
      </div>
    </section>
  );
}
