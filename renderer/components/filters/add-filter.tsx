// "+ Filter": choose a field, then its values.
import { useState } from 'react';
import { Popover } from '../common/popover';
import { FILTER_FIELDS, OTHER_FIELDS, type FilterField } from './filter-fields';
import { ValuePicker } from './value-picker';

export function AddFilter() {
  return (
    <Popover label="+ Filter" title="Add a filter" testId="add-filter">
      {(close) => <FieldThenValues onDone={close} />}
    </Popover>
  );
}

function FieldThenValues({ onDone }: { onDone: () => void }) {
  const [field, setField] = useState<FilterField | null>(null);
  const [more, setMore] = useState(false);
  if (field) return <ValuePicker field={field} onDone={onDone} />;
  const fields = more ? OTHER_FIELDS : FILTER_FIELDS;
  return (
    <div className="field-list" role="menu">
      {fields.map((f) => (
        <button key={f.column} className="menu-item" role="menuitem" data-field={f.column} onClick={() => setField(f)}>
          {f.label}
        </button>
      ))}
      <button className="menu-item muted" onClick={() => setMore((m) => !m)}>
        {more ? '← Main fields' : 'More fields…'}
      </button>
    </div>
  );
}
