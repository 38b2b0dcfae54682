// The group bar above the grid (Timeline Explorer's "drag a column header here"): drop a header on
// it, or use "Group by this column" in the header menu, to group the sign-ins by that column; up to
// three levels, outermost first. Each level is a chip that removes it.
import { useState } from 'react';
import { MAX_GROUP_LEVELS } from '../../../shared/model/grid-columns';
import { columnLabel } from '../../format/cells';
import { useStore } from '../../store/store';
import { DRAG_TYPE } from './grid-header';
import { canGroupBy } from './header-filter-menu';

export function GroupBar({ summary }: { summary: string | null }) {
  const groupBy = useStore((s) => s.groupBy);
  const timeMode = useStore((s) => s.timeMode);
  const [over, setOver] = useState(false);
  const s = useStore.getState();
  const drop = (column: string) => {
    if (!canGroupBy(column)) return s.notify('info', `${columnLabel(column, timeMode)} cannot be a group level: use the timeline for time, or filter on a tag.`);
    if (groupBy.includes(column)) return;
    if (groupBy.length >= MAX_GROUP_LEVELS) return s.notify('info', `At most ${MAX_GROUP_LEVELS} group levels; remove one first.`);
    s.setGroupBy([...groupBy, column]);
  };
  return (
    <div
      className={`group-bar${over ? ' drag-over' : ''}${groupBy.length ? ' grouped' : ''}`}
      role="toolbar"
      aria-label="Group by"
      data-testid="group-bar"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const column = e.dataTransfer.getData(DRAG_TYPE);
        if (!column) return;
        e.preventDefault();
        drop(column);
      }}
    >
      {groupBy.length === 0 ? (
        <span className="muted">Drag a column header here to group by that column</span>
      ) : (
        <>
          <span className="muted">Grouped by</span>
          {groupBy.map((column, i) => (
            <span key={column} className="group-level">
              {i > 0 && (
                <span className="muted" aria-hidden>
                  ›
                </span>
              )}
              <span className="chip static" data-testid={`group-chip-${column}`}>
                <span className="chip-value">{columnLabel(column, timeMode)}</span>
                <span
                  className="chip-x"
                  role="button"
                  tabIndex={0}
                  aria-label={`Stop grouping by ${columnLabel(column, timeMode)}`}
                  onClick={() => s.setGroupBy(groupBy.filter((c) => c !== column))}
                  onKeyDown={(e) => e.key === 'Enter' && s.setGroupBy(groupBy.filter((c) => c !== column))}
                >
                  ×
                </span>
              </span>
            </span>
          ))}
          {summary && (
            <span className="muted" data-testid="group-summary">
              {summary}
            </span>
          )}
          <span className="grow" />
          <button className="btn link small" onClick={() => s.setGroupBy([])}>
            Ungroup
          </button>
        </>
      )}
    </div>
  );
}
