// Saved views: the current filter + columns + sort kept in the case under a name; applying one puts
// all three back. Saving under an existing name replaces that view.
import { useState } from 'react';
import type { SavedView } from '../../../shared/model/annotation';
import { ViewName } from '../../../shared/model/annotation';
import { applySavedView } from '../../actions/navigate';
import { deleteView, saveView } from '../../actions/annotations';
import { attempt } from '../../actions/attempt';
import { useApi } from '../../actions/use-api';
import { columnLabel } from '../../format/cells';
import { sortKeys } from '../../../shared/model/filter-spec';
import { formatDateTime } from '../../format/time';
import { useStore } from '../../store/store';
import { Popover } from '../common/popover';
import { describeFilter } from './filter-summary';

export function SavedViewsMenu() {
  const mode = useStore((s) => s.timeMode);
  const { data: views } = useApi('views.list', {}, ['views']);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const existing = views?.find((v) => v.name === name.trim());

  const save = async () => {
    const parsed = ViewName.safeParse(name);
    if (!parsed.success) return setError(name.trim() ? (parsed.error.issues[0]?.message ?? 'Not a valid name') : 'Name the view first.');
    const { filter, columns, sort } = useStore.getState();
    const saved = await attempt(() => saveView({ ...(existing ? { id: existing.id } : {}), name: parsed.data, filter, columns, sort }));
    if (!saved) return;
    setName('');
    setError(null);
    useStore.getState().notify('info', `View "${saved.name}" saved in the case.`);
  };
  const remove = (view: SavedView) => void attempt(() => deleteView(view.id));

  return (
    <Popover label={<>Views{views?.length ? ` (${views.length})` : ''} ▾</>} className="btn small" testId="saved-views">
      {(close) => (
        <div className="views-menu" data-testid="views-menu">
          <div className="vp-title">Saved views</div>
          <div className="views-list">
            {views?.map((v) => (
              <div className="views-item" key={v.id}>
                <button
                  className="views-apply"
                  onClick={() => {
                    applySavedView(v);
                    close();
                  }}
                  title="Apply this filter, these columns and this sort"
                >
                  <span className="views-name">{v.name}</span>
                  <span className="muted small">
                    {describeFilter(v.filter)} · {v.columns.length} columns ·{' '}
                    {sortKeys(v.sort)
                      .map((k) => `${columnLabel(k.column, mode)} ${k.dir === 'asc' ? '↑' : '↓'}`)
                      .join(', ')}
                  </span>
                  <span className="muted small">
                    {v.author} · {formatDateTime(v.updatedMs, mode)}
                  </span>
                </button>
                <button className="btn icon" aria-label={`Delete view ${v.name}`} title="Delete this view" onClick={() => remove(v)}>
                  ×
                </button>
              </div>
            ))}
            {views?.length === 0 && <div className="muted small pad">No saved view yet. Save the current filter, columns and sort below.</div>}
          </div>
          <div className="vp-typed views-save">
            <input
              className={`input grow${error ? ' invalid' : ''}`}
              placeholder="Name this view…"
              value={name}
              maxLength={200}
              onChange={(e) => {
                setName(e.target.value);
                setError(null);
              }}
              onKeyDown={(e) => e.key === 'Enter' && void save()}
              data-testid="view-name"
            />
            <button className="btn primary" onClick={() => void save()} data-testid="view-save">
              {existing ? 'Replace' : 'Save'}
            </button>
          </div>
          {error && <div className="error small">{error}</div>}
        </div>
      )}
    </Popover>
  );
}
