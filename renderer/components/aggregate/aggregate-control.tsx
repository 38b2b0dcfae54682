// "Aggregate: Off | 1 h | 6 h | 24 h" above the sign-ins: groups like the admin center's
// non-interactive and service-principal tabs (it works on any filter).
import { formatCount } from '../../format/numbers';
import { useAggregateView } from './aggregate-state';
import type { AggregateWindow } from './group-filter';

const CHOICES: [AggregateWindow | null, string][] = [
  [null, 'Off'],
  ['1h', '1 h'],
  ['6h', '6 h'],
  ['24h', '24 h'],
];

export function AggregateControl({ info }: { info: { total: number; ms: number } | null }) {
  const window = useAggregateView((s) => s.window);
  return (
    <div className="aggregate-bar" data-testid="aggregate-bar">
      <span className="muted" title="Group sign-ins with the same application, user or service principal, IP address, status and resource within each UTC time window">
        Aggregate:
      </span>
      <div className="segmented small" role="group" aria-label="Time aggregate">
        {CHOICES.map(([w, label]) => (
          <button key={label} className={window === w ? 'on' : ''} aria-pressed={window === w} data-window={w ?? 'off'} onClick={() => useAggregateView.getState().setWindow(w)}>
            {label}
          </button>
        ))}
      </div>
      {window && info && (
        <span className="muted">
          <strong data-testid="aggregate-total">{formatCount(info.total)}</strong> groups · {info.ms} ms · click a group to see its sign-ins
        </span>
      )}
    </div>
  );
}
