// Chips for a list of sign-ins (a finding's or an annotated sign-in's rows, FilterSpec.rids: the
// finding's scope) and annotation tags (FilterSpec.tags), drawn by the filter bar in every view.
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';

export function SpecialFilterChips() {
  const filter = useStore((s) => s.filter);
  const ridsLabel = useStore((s) => s.ridsFilterLabel);
  const tags = filter.tags ?? [];
  return (
    <>
      {filter.rids && (
        <span className="chip static rids-chip" data-testid="rids-chip" title="The grid shows exactly these sign-ins">
          <span className="chip-field">Only</span> <span className="chip-value">{ridsLabel?.rids === filter.rids ? ridsLabel.label : `${formatCount(filter.rids.length)} listed sign-ins`}</span>
          <button type="button" className="chip-x" aria-label="Remove the sign-in list filter" onClick={() => useStore.getState().removeRids()}>
            ×
          </button>
        </span>
      )}
      {tags.length > 0 && (
        <span className="chip static" data-testid="tag-filter-chip">
          <span className="chip-field">Tag</span> <span className="chip-op">{tags.length > 1 ? 'is any of' : 'is'}</span> <span className="chip-value">{tags.join(', ')}</span>
          <button type="button" className="chip-x" aria-label="Remove the tag filter" onClick={() => useStore.getState().setTagFilter([])}>
            ×
          </button>
        </span>
      )}
    </>
  );
}
