// Whose travel path to draw: type to search the users of the active filter (facet values), or
// take the user of the sign-in selected in the grid, or the one the filter is on.
import { useState } from 'react';
import { fetchRecord } from '../../actions/query';
import { useApi } from '../../actions/use-api';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { useMapView } from './map-state';

const USER = 'user_principal_name';

export function UserPicker() {
  const filter = useStore((s) => s.filter);
  const selectedRid = useStore((s) => s.selected?.rid ?? null);
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const facets = useApi('query.facets', open ? { filter, column: USER, limit: 30, ...(search.trim() ? { search: search.trim() } : {}) } : null, ['signins']);
  const filtered = filter.conditions.find((c) => c.column === USER && c.op === 'in' && c.values.length === 1)?.values[0];
  const pick = (user: string) => {
    useMapView.getState().setTravelUser(user);
    setOpen(false);
    setSearch('');
  };
  const pickSelected = async () => {
    if (selectedRid === null) return;
    try {
      const rec = await fetchRecord({ rid: selectedRid });
      const upn = rec.values[USER];
      if (upn !== null && upn !== undefined && upn !== '') pick(String(upn));
      else useStore.getState().notify('info', 'The selected sign-in has no user principal name.');
    } catch (err) {
      useStore.getState().notify('error', (err as Error).message);
    }
  };
  return (
    <div className="user-picker">
      <input
        className="input"
        placeholder="Search a user to draw their travel…"
        value={search}
        data-testid="travel-user-search"
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setSearch(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
          const first = facets.data?.values[0]?.value;
          if (e.key === 'Enter' && first !== null && first !== undefined) pick(String(first));
        }}
      />
      {open && (
        <div className="up-list" data-testid="travel-user-list">
          {facets.data?.values.map((v) =>
            v.value === null ? null : (
              <button key={String(v.value)} className="up-row" onMouseDown={(e) => e.preventDefault()} onClick={() => pick(String(v.value))}>
                <span className="vp-value">{String(v.value)}</span>
                <span className="vp-count">{formatCount(v.count)}</span>
              </button>
            ),
          )}
          {facets.data && facets.data.values.length === 0 && <div className="muted pad small">No user matches</div>}
          {!facets.data && <div className="muted pad small">Loading users…</div>}
        </div>
      )}
      <div className="up-quick">
        <button
          className="btn small"
          disabled={selectedRid === null}
          onClick={pickSelected}
          title={selectedRid === null ? 'Select a sign-in in the grid first' : 'Draw the travel of the selected sign-in’s user'}
        >
          Selected sign-in’s user
        </button>
        {filtered !== undefined && (
          <button className="btn small" onClick={() => pick(String(filtered))} title="The user the filter is on">
            Filtered user
          </button>
        )}
      </div>
    </div>
  );
}
