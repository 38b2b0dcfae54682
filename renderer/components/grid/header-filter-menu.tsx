// The menu behind a column header's filter button (Timeline Explorer's header filter): sort this
// column, add it as a further sort key, group by it, and filter it: the values with their counts under
// every other filter (top values plus search) or a typed contains / equals / regex match. The result
// is an ordinary filter condition, so it shows as a chip in the filter bar and saves with views.
import { useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { GRID_COLUMN_BY_KEY, MAX_GROUP_LEVELS } from '../../../shared/model/grid-columns';
import { columnLabel } from '../../format/cells';
import { useStore } from '../../store/store';
import { useDismiss } from '../common/use-dismiss';
import { fieldOf, type FilterField } from '../filters/filter-fields';
import { ValuePicker } from '../filters/value-picker';

const MENU_WIDTH = 380;
const MIN_HEIGHT = 400;

/** Columns that cannot be a group level (see main/query/groups.ts). */
export function canGroupBy(column: string): boolean {
  return column !== 'created_at' && column !== 'tags';
}

/**
 * The filter bar's field, except that every dictionary column lists its values here (failure
 * reasons, user agents...: counted from string ids, cheap at any size). Near-unique identifiers
 * (request, correlation, session ids) keep the typed match only: a top-N list of them says nothing.
 */
function headerField(column: string): FilterField {
  const field = fieldOf(column);
  return field.kind === 'text' && GRID_COLUMN_BY_KEY.get(column)?.storage === 'dict' ? { ...field, kind: 'facet' } : field;
}

/** The small ▾ button in a header cell; highlighted while the column has a filter. */
export function HeaderFilterButton({ column }: { column: string }) {
  const filtered = useStore((s) => s.filter.conditions.some((c) => c.column === column));
  const timeMode = useStore((s) => s.timeMode);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Back to the button, so a keyboard user continues from the header (a click elsewhere still moves focus there).
  const close = useCallback(() => {
    setAt(null);
    button.current?.focus();
  }, []);
  const label = columnLabel(column, timeMode);
  return (
    <>
      <button
        ref={button}
        type="button"
        className={`gh-filter${filtered ? ' active' : ''}${at ? ' open' : ''}`}
        aria-label={`Filter and group ${label}`}
        aria-haspopup="dialog"
        aria-expanded={at !== null}
        data-testid={`header-filter-${column}`}
        title={filtered ? `${label} is filtered — click to change` : `Filter, sort or group by ${label}`}
        draggable={false}
        onClick={(e) => {
          e.stopPropagation();
          const r = e.currentTarget.getBoundingClientRect();
          setAt(at ? null : { x: r.left, y: r.bottom + 2 });
        }}
        onDragStart={(e) => e.preventDefault()}
      >
        ▾
      </button>
      {at && createPortal(<HeaderFilterMenu column={column} at={at} onClose={close} />, document.body)}
    </>
  );
}

function HeaderFilterMenu({ column, at, onClose }: { column: string; at: { x: number; y: number }; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const sort = useStore((s) => s.sort);
  const groupBy = useStore((s) => s.groupBy);
  const timeMode = useStore((s) => s.timeMode);
  const s = useStore.getState();

  // Inside the window: headers near the right edge open leftwards, and with little room below the
  // menu moves up (the value list shrinks to what is left).
  const x = Math.max(4, Math.min(at.x, window.innerWidth - MENU_WIDTH - 8));
  const y = window.innerHeight - at.y - 8 < MIN_HEIGHT ? Math.max(4, window.innerHeight - MIN_HEIGHT - 8) : at.y;
  useDismiss(ref, true, onClose);

  const key = sort.findIndex((k) => k.column === column);
  const grouped = groupBy.includes(column);
  const act = (f: () => void) => () => {
    f();
    onClose();
  };
  return (
    // React events bubble out of the portal to the header cell: the menu keeps its clicks from sorting.
    <div
      className="header-menu"
      ref={ref}
      role="dialog"
      aria-label={`${columnLabel(column, timeMode)} header menu`}
      style={{ left: x, top: y, width: MENU_WIDTH, maxHeight: window.innerHeight - y - 8 }}
      data-testid="header-menu"
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onPointerDown={(e) => e.stopPropagation()}
    >
      <div className="hm-actions">
        <button className="btn small" onClick={act(() => s.setSort([{ column, dir: 'asc' }]))}>
          Sort ascending
        </button>
        <button className="btn small" onClick={act(() => s.setSort([{ column, dir: 'desc' }]))}>
          Sort descending
        </button>
        <button className="btn small" onClick={act(() => s.toggleSort(column, true))} title="Shift-click a header does the same">
          {key >= 0 ? `Reverse sort key ${key + 1}` : 'Then sort by this'}
        </button>
        <button
          className="btn small"
          data-testid="group-by-column"
          disabled={!canGroupBy(column) || (!grouped && groupBy.length >= MAX_GROUP_LEVELS)}
          title={canGroupBy(column) ? `Group the grid by this column (up to ${MAX_GROUP_LEVELS} levels)` : 'Time and tags cannot be group levels'}
          onClick={act(() => s.setGroupBy(grouped ? groupBy.filter((c) => c !== column) : [...groupBy, column]))}
        >
          {grouped ? 'Ungroup' : 'Group by this column'}
        </button>
      </div>
      {column === 'created_at' ? (
        <div className="muted small pad">Filter time with the timeline brush or the date range in the filter bar.</div>
      ) : (
        <ValuePicker field={headerField(column)} onDone={onClose} />
      )}
    </div>
  );
}
