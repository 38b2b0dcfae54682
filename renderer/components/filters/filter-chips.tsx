// Every active filter as a removable chip: time range, text, then conditions (click a chip to edit).
import { formatDateTime } from '../../format/time';
import { useStore } from '../../store/store';
import { SpecialFilterChips } from '../annotations/special-filter-chips';
import { Popover } from '../common/popover';
import { PivotChip } from './pivot-chip';
import { describeCondition, fieldOf, isLegacyCondition } from './filter-fields';
import { ValuePicker } from './value-picker';

export function FilterChips() {
  const filter = useStore((s) => s.filter);
  const mode = useStore((s) => s.timeMode);
  const s = useStore.getState();
  const hasAny = filter.conditions.length > 0 || filter.text || filter.timeFrom !== undefined || filter.timeTo !== undefined || filter.rids || filter.tags || filter.anyOf?.length;
  if (!hasAny) return <div className="chips empty muted">No filters: showing every sign-in in the case</div>;
  return (
    <div className="chips" data-testid="chips">
      <SpecialFilterChips />
      <PivotChip />
      {(filter.timeFrom !== undefined || filter.timeTo !== undefined) && (
        <Chip
          field="Date"
          op="in"
          value={`${filter.timeFrom !== undefined ? formatDateTime(filter.timeFrom, mode) : '…'} → ${filter.timeTo !== undefined ? formatDateTime(filter.timeTo, mode) : '…'}`}
          onRemove={() => s.setTimeRange(undefined, undefined)}
        />
      )}
      {filter.text && <Chip field="Text" op="contains" value={filter.text} onRemove={() => s.setText('')} />}
      {filter.conditions.map((c, i) => {
        const d = describeCondition(c);
        const negative = c.op === 'notIn' || c.op === 'neq' || c.op === 'notContains';
        return (
          // The chip opens its editor; the × beside it (not inside: no button in a button) removes it.
          <span key={`${c.column}-${i}`} className={`chip${negative ? ' negative' : ''}${isLegacyCondition(c) ? ' legacy' : ''}`}>
            <Popover
              className="chip-main"
              title="Click to edit"
              label={
                <>
                  <span className="chip-field">{d.field}</span> <span className="chip-op">{d.op}</span> <span className="chip-value">{d.value}</span>
                </>
              }
            >
              {(close) => <ValuePicker field={fieldOf(c.column)} onDone={close} />}
            </Popover>
            <button type="button" className="chip-x" aria-label={`Remove filter ${d.field} ${d.op} ${d.value}`} onClick={() => s.removeConditionAt(i)}>
              ×
            </button>
          </span>
        );
      })}
      <button className="btn link small" onClick={() => s.clearFilters()}>
        Clear all
      </button>
    </div>
  );
}

function Chip({ field, op, value, onRemove }: { field: string; op: string; value: string; onRemove: () => void }) {
  return (
    <span className="chip static">
      <span className="chip-field">{field}</span> <span className="chip-op">{op}</span> <span className="chip-value">{value}</span>
      <button type="button" className="chip-x" aria-label={`Remove filter ${field}`} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}
