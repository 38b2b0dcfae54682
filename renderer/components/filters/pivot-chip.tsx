// The pivot part of the filter (FilterSpec.anyOf) as one chip: where it came from and its
// alternatives ("User is a, b or IP is c"); its time bound is the ordinary Date chip.
import { useStore } from '../../store/store';
import { describeCondition } from './filter-fields';

export function PivotChip() {
  const anyOf = useStore((s) => s.filter.anyOf);
  const label = useStore((s) => s.pivotLabel);
  if (!anyOf?.length) return null;
  const parts = anyOf.map((c) => {
    const d = describeCondition(c);
    return `${d.field} ${d.op} ${d.value}`;
  });
  const from = label?.anyOf === anyOf ? label.label : null;
  return (
    <span className="chip static pivot-chip" data-testid="pivot-chip" title={`Every sign-in where ${parts.join(' or ')}`}>
      <span className="chip-field">Pivot{from ? ` from ${from}` : ''}</span> <span className="chip-value">{parts.join(' or ')}</span>
      <span className="chip-x" role="button" aria-label="Remove the pivot filter" onClick={() => useStore.getState().removePivot()}>
        ×
      </span>
    </span>
  );
}
