// Every catalogue column, grouped, with a search box; checked columns are shown in the grid.
import { useState } from 'react';
import { DEFAULT_GRID_COLUMNS, type ColumnGroup } from '../../../shared/model/columns';
import { GRID_COLUMN_BY_KEY } from '../../../shared/model/grid-columns';
import { useStore } from '../../store/store';
import { Popover } from '../common/popover';

const GROUP_LABELS: Record<ColumnGroup, string> = {
  basic: 'Basic',
  user: 'User',
  app: 'Application',
  network: 'Network',
  location: 'Location',
  status: 'Status',
  auth: 'Authentication',
  risk: 'Risk',
  device: 'Device',
  token: 'Token & session',
  source: 'Evidence source',
  marks: 'Your marks',
};

export function ColumnChooser() {
  return (
    <Popover label="Columns" title="Choose grid columns" align="right" testId="column-chooser">
      {() => <ColumnList />}
    </Popover>
  );
}

function ColumnList() {
  const columns = useStore((s) => s.columns);
  const [search, setSearch] = useState('');
  const visible = new Set(columns);
  const needle = search.trim().toLowerCase();
  const toggle = (key: string) => useStore.getState().setColumns(visible.has(key) ? columns.filter((c) => c !== key) : [...columns, key]);
  const groups = Object.keys(GROUP_LABELS) as ColumnGroup[];
  return (
    <div className="column-chooser">
      <div className="cc-head">
        <input className="input" autoFocus placeholder="Find a column" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button className="btn small" onClick={() => useStore.getState().setColumns([...DEFAULT_GRID_COLUMNS])}>
          Reset
        </button>
      </div>
      <div className="cc-groups">
        {groups.map((g) => {
          const cols = [...GRID_COLUMN_BY_KEY.values()].filter((c) => c.group === g && (!needle || c.label.toLowerCase().includes(needle) || c.key.includes(needle)));
          if (cols.length === 0) return null;
          return (
            <div key={g} className="cc-group">
              <div className="cc-group-label">{GROUP_LABELS[g]}</div>
              {cols.map((c) => (
                <label key={c.key} className="check-row">
                  <input type="checkbox" checked={visible.has(c.key)} onChange={() => toggle(c.key)} disabled={visible.has(c.key) && columns.length === 1} />
                  <span>{c.label}</span>
                </label>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
