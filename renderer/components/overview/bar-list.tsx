// Ranked values with proportional bars and their share of every sign-in in the filter; clicking a
// value filters to it.
import { LEGACY_CLIENT_APPS } from '../../../shared/model/columns';
import { useApi } from '../../actions/use-api';
import { formatCount, formatPercent } from '../../format/numbers';
import { useStore } from '../../store/store';
import { valueLabel } from '../filters/filter-fields';

const LEGACY = new Set<string>(LEGACY_CLIENT_APPS);

interface FacetCardProps {
  title: string;
  column: string;
  limit?: number;
  /** Sign-ins in the filter: the whole that each share is of (stats.overview's `signins`). */
  total: number | undefined;
  format?: (value: string | number) => string;
}

export function FacetCard({ title, column, limit = 8, total = 0, format = (v) => valueLabel(column, v) }: FacetCardProps) {
  const filter = useStore((s) => s.filter);
  const { data, error } = useApi('stats.top', { filter, column, limit }, ['signins', 'geo']);
  const max = Math.max(1, ...(data?.values.map((v) => v.count) ?? [1]));
  return (
    <div className="card">
      <div className="card-title">
        {title}
        {data && <span className="muted small"> · {formatCount(data.distinct)} distinct</span>}
      </div>
      {error && <div className="error small">{error}</div>}
      <div className="bar-list">
        {data?.values.map((v) => {
          const label = v.value === null ? '(empty)' : format(v.value);
          return (
            <button
              key={String(v.value)}
              data-testid="bar-row"
              className="bar-row"
              title={`${label}: ${formatCount(v.count)} of ${formatCount(total)} sign-ins — click to filter`}
              disabled={v.value === null}
              onClick={() => v.value !== null && useStore.getState().setColumnCondition(column, { column, op: 'in', values: [v.value] })}
            >
              <span className="bar-label">
                {label}
                {column === 'client_app_used' && LEGACY.has(String(v.value)) && <span className="badge warn tiny">legacy</span>}
              </span>
              <span className="bar-track">
                <span className="bar-fill" style={{ width: `${(v.count / max) * 100}%` }} />
              </span>
              <span className="bar-count">{formatCount(v.count)}</span>
              <span className="bar-pct muted">{formatPercent(v.count, total)}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
