// The import dialog's "Only import sign-ins matching…" section: a triage import's filter, folded away
// until wanted. Lists take one item a line (or comma-separated); the shared schema checks them.
import { useState } from 'react';
import { activeFilter, ImportFilter } from '../../../shared/model/import-filter';

export interface FilterFieldsState {
  users: string;
  ips: string;
  apps: string;
  from: string;
  to: string;
}

export const EMPTY_FILTER_FIELDS: FilterFieldsState = { users: '', ips: '', apps: '', from: '', to: '' };

const items = (text: string) =>
  text
    .split(/[\n,]/)
    .map((t) => t.trim())
    .filter(Boolean);

/** The filter the fields hold (undefined: import everything), or the first thing wrong with them. */
export function filterOfFields(f: FilterFieldsState): { filter: ImportFilter | undefined } | { error: string } {
  const parsed = ImportFilter.safeParse({ users: items(f.users), ips: items(f.ips), apps: items(f.apps), from: f.from.trim() || undefined, to: f.to.trim() || undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = { users: 'Users', ips: 'IP addresses', apps: 'Applications', from: 'From', to: 'To' }[String(issue.path[0]) as keyof FilterFieldsState] ?? 'Filter';
    return { error: `${field}: ${issue.message}` };
  }
  return { filter: activeFilter(parsed.data) };
}

export function ImportFilterFields({ value, onChange }: { value: FilterFieldsState; onChange: (v: FilterFieldsState) => void }) {
  const [open, setOpen] = useState(false);
  const result = filterOfFields(value);
  const set = (key: keyof FilterFieldsState) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <details className="import-filter" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="import-filter">
      <summary>
        Only import sign-ins matching…
        {'filter' in result && result.filter && <span className="badge warn">partial import</span>}
      </summary>
      <p className="muted small">For exports bigger than one case. Every field you fill must match (a sign-in needs one of the users AND one of the IPs…); empty fields are no condition.</p>
      <div className="import-filter-grid">
        <label>
          Users <span className="muted small">UPN or user id, one a line</span>
          <textarea rows={2} value={value.users} onChange={set('users')} data-testid="filter-users" spellCheck={false} />
        </label>
        <label>
          IP addresses <span className="muted small">address or CIDR, v4 / v6</span>
          <textarea rows={2} value={value.ips} onChange={set('ips')} data-testid="filter-ips" spellCheck={false} />
        </label>
        <label>
          Applications <span className="muted small">name or app id</span>
          <textarea rows={2} value={value.apps} onChange={set('apps')} data-testid="filter-apps" spellCheck={false} />
        </label>
        <div className="import-filter-times">
          <label>
            From (UTC, inclusive)
            <input type="text" placeholder="2025-03-01T00:00:00Z" value={value.from} onChange={set('from')} data-testid="filter-from" spellCheck={false} />
          </label>
          <label>
            To (inclusive)
            <input type="text" placeholder="2025-03-31T23:59:59Z" value={value.to} onChange={set('to')} data-testid="filter-to" spellCheck={false} />
          </label>
        </div>
      </div>
      {'error' in result && (
        <p className="import-filter-error" role="alert">
          {result.error}
        </p>
      )}
    </details>
  );
}
