// One-click filters an incident responder reaches for first: the four sign-in types (the admin
// center's tabs), status, and legacy authentication.
import { SIGN_IN_TYPES, STATUSES } from '../../../shared/model/columns';
import { useStore } from '../../store/store';
import { isLegacyCondition, LEGACY_CONDITION, SIGN_IN_TYPE_LABELS } from './filter-fields';

function useInValues(column: string): Array<string | number> {
  return useStore((s) => s.filter.conditions.find((c) => c.column === column && c.op === 'in')?.values ?? EMPTY);
}
const EMPTY: Array<string | number> = [];

function toggleIn(column: string, current: Array<string | number>, value: string) {
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  useStore.getState().setColumnCondition(column, next.length ? { column, op: 'in', values: next } : null);
}

export function QuickFilters() {
  const types = useInValues('sign_in_type');
  const statuses = useInValues('status');
  const legacy = useStore((s) => s.filter.conditions.some(isLegacyCondition));
  return (
    <div className="quick-filters">
      <div className="segmented" role="group" aria-label="Sign-in type">
        {SIGN_IN_TYPES.map((t) => (
          <button key={t} className={types.includes(t) ? 'on' : ''} aria-pressed={types.includes(t)} onClick={() => toggleIn('sign_in_type', types, t)}>
            {SIGN_IN_TYPE_LABELS[t]}
          </button>
        ))}
      </div>
      <div className="segmented" role="group" aria-label="Status">
        {STATUSES.map((st) => (
          <button key={st} className={`${statuses.includes(st) ? 'on' : ''} seg-${st.toLowerCase()}`} aria-pressed={statuses.includes(st)} onClick={() => toggleIn('status', statuses, st)}>
            <span className="dot" />
            {st}
          </button>
        ))}
      </div>
      <button
        className={`btn toggle${legacy ? ' on' : ''}`}
        aria-pressed={legacy}
        data-testid="legacy-chip"
        title="Client apps that use legacy authentication (IMAP, POP, SMTP, ActiveSync, …)"
        onClick={() => useStore.getState().setColumnCondition('client_app_used', legacy ? null : LEGACY_CONDITION)}
      >
        Legacy authentication
      </button>
    </div>
  );
}
