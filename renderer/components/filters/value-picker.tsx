// Picks the values of one field: facet values with counts (under every other active filter), a
// search over them, include/exclude, or a typed value (exact, contains, prefix, CIDR for IPs).
import { useMemo, useState } from 'react';
import { useDebounced } from '../../app/use-debounced';
import type { Condition, FilterOp } from '../../../shared/model/filter-spec';
import { useApi } from '../../actions/use-api';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { conditionForTyped, regexProblem, valueLabel, type FilterField } from './filter-fields';

type Value = string | number;

export function ValuePicker({ field, onDone }: { field: FilterField; onDone: () => void }) {
  const filter = useStore((s) => s.filter);
  const existing = filter.conditions.find((c) => c.column === field.column);
  const [search, setSearch] = useState('');
  const needle = useDebounced(search.trim(), 250);
  const [picked, setPicked] = useState<Value[]>(existing && (existing.op === 'in' || existing.op === 'notIn') ? existing.values : []);
  const [exclude, setExclude] = useState(existing?.op === 'notIn');
  const [typed, setTyped] = useState(existing && !['in', 'notIn'].includes(existing.op) ? String(existing.values[0] ?? '') : '');
  const [typedOp, setTypedOp] = useState<FilterOp>(existing && ['contains', 'startsWith', 'eq', 'regex'].includes(existing.op) ? existing.op : 'eq');
  const typedError = typedOp === 'regex' ? regexProblem(typed.trim()) : null;

  const others = useMemo(() => ({ ...filter, conditions: filter.conditions.filter((c) => c.column !== field.column) }), [filter, field.column]);
  const facets = useApi('query.facets', field.kind === 'text' ? null : { filter: others, column: field.column, limit: 200, ...(needle ? { search: needle } : {}) }, ['signins', 'geo']);

  const apply = (condition: Condition | null) => {
    useStore.getState().setColumnCondition(field.column, condition);
    onDone();
  };
  const applyPicked = () => apply(picked.length ? { column: field.column, op: exclude ? 'notIn' : 'in', values: picked } : null);
  const applyTyped = () => {
    if (typedError) return;
    const c = conditionForTyped(field, typed, typedOp);
    if (c) apply(c);
  };
  const toggle = (v: Value) => setPicked((p) => (p.includes(v) ? p.filter((x) => x !== v) : [...p, v]));

  return (
    <div className="value-picker" data-testid={`picker-${field.column}`}>
      <div className="vp-title">{field.label}</div>
      <div className="vp-typed">
        <select className="input" value={typedOp} onChange={(e) => setTypedOp(e.target.value as FilterOp)} aria-label="Match">
          <option value="eq">is</option>
          <option value="contains">contains</option>
          <option value="startsWith">starts with</option>
          <option value="regex">matches regex</option>
        </select>
        <input
          className="input grow"
          placeholder={field.kind === 'ip' ? 'Address or CIDR (10.0.0.0/8)' : 'Type a value and press Enter'}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && applyTyped()}
          autoFocus={field.kind === 'text'}
        />
        <button className="btn small" onClick={applyTyped} disabled={!typed.trim() || typedError !== null}>
          Apply
        </button>
      </div>
      {typedError && typed.trim() && (
        <div className="vp-error" role="alert">
          {typedError}
        </div>
      )}
      {field.kind !== 'text' && (
        <>
          <input className="input vp-search" placeholder="Search values" value={search} onChange={(e) => setSearch(e.target.value)} autoFocus />
          <div className="vp-list">
            {facets.error && <div className="muted pad">{facets.error}</div>}
            {facets.data?.values.map((v) => {
              const value = v.value;
              const key = value === null ? '∅' : String(value);
              return (
                <label key={key} className="check-row vp-row" title={key}>
                  <input type="checkbox" disabled={value === null} checked={value !== null && picked.includes(value)} onChange={() => value !== null && toggle(value)} />
                  <span className="vp-value">{value === null ? '(empty)' : valueLabel(field.column, value)}</span>
                  <span className="vp-count">{formatCount(v.count)}</span>
                </label>
              );
            })}
            {facets.data && facets.data.values.length === 0 && <div className="muted pad">No values</div>}
            {facets.loading && !facets.data && <div className="muted pad">Loading values…</div>}
          </div>
          {facets.data && facets.data.distinct > facets.data.values.length && (
            <div className="muted vp-more">
              {formatCount(facets.data.values.length)} of {formatCount(facets.data.distinct)} values shown — search to narrow
            </div>
          )}
          <div className="vp-actions">
            <label className="check-row">
              <input type="checkbox" checked={exclude} onChange={(e) => setExclude(e.target.checked)} />
              <span>Exclude selected</span>
            </label>
            <span className="grow" />
            {existing && (
              <button className="btn small" onClick={() => apply(null)}>
                Remove filter
              </button>
            )}
            <button className="btn small primary" onClick={applyPicked} disabled={picked.length === 0 && !existing}>
              Apply{picked.length ? ` (${picked.length})` : ''}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
