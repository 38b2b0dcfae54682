// Column headers: click to sort (Shift-click adds a sort key), drag the right edge to resize, drag
// the header to reorder or into the group bar; ▾ opens the header filter menu.
import { memo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useStore } from '../../store/store';
import { columnWidth } from '../../store/grid-slice';
import { columnLabel } from '../../format/cells';
import { HeaderFilterButton } from './header-filter-menu';

export const DRAG_TYPE = 'application/x-signinscope-column';

/** Memoized: the lists around it render again on every scroll frame, the header need not. */
export const GridHeader = memo(function GridHeader({ scrollRef }: { scrollRef: React.RefObject<HTMLDivElement | null> }) {
  const columns = useStore((s) => s.columns);
  const widths = useStore((s) => s.widths);
  const sort = useStore((s) => s.sort);
  const timeMode = useStore((s) => s.timeMode);
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  return (
    <div className="grid-header" ref={scrollRef} role="row" onScroll={followHeader}>
      <div className="grid-header-inner">
        {columns.map((col) => (
          <div
            key={col}
            role="columnheader"
            aria-sort={sort[0]?.column === col ? (sort[0].dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            className={`gh-cell${dropTarget === col ? ' drop-before' : ''}`}
            style={{ width: columnWidth(widths, col) }}
            draggable
            data-column={col}
            title={`${columnLabel(col, timeMode)} — click to sort, Shift-click to add a sort key, drag to move or to group`}
            onClick={(e) => useStore.getState().toggleSort(col, e.shiftKey)}
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_TYPE, col);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
              e.preventDefault();
              setDropTarget(col);
            }}
            onDragLeave={() => setDropTarget((t) => (t === col ? null : t))}
            onDrop={(e) => {
              const moved = e.dataTransfer.getData(DRAG_TYPE);
              setDropTarget(null);
              if (moved && moved !== col) {
                e.preventDefault();
                useStore.getState().moveColumn(moved, col);
              }
            }}
          >
            <span className="gh-label">{columnLabel(col, timeMode)}</span>
            <SortMark sort={sort} column={col} />
            <HeaderFilterButton column={col} />
            <ResizeHandle column={col} />
          </div>
        ))}
        <div className="gh-filler" />
      </div>
    </div>
  );
});

/**
 * The body normally drives the header's sideways scroll; a control focused in the header (its filter
 * button, a test's hover) scrolls the header itself, so the body follows it back.
 */
function followHeader(e: React.UIEvent<HTMLDivElement>): void {
  const body = e.currentTarget.parentElement?.querySelector<HTMLElement>(':scope > .grid-body');
  if (body && body.scrollLeft !== e.currentTarget.scrollLeft) body.scrollLeft = e.currentTarget.scrollLeft;
}

/** ▲/▼ on sorted columns, with the key's position when several columns sort. */
function SortMark({ sort, column }: { sort: readonly { column: string; dir: string }[]; column: string }) {
  const at = sort.findIndex((k) => k.column === column);
  if (at < 0) return null;
  return (
    <span className="gh-sort" data-testid={`sort-mark-${column}`}>
      {sort[at]!.dir === 'asc' ? '▲' : '▼'}
      {sort.length > 1 && <sub>{at + 1}</sub>}
    </span>
  );
}

function ResizeHandle({ column }: { column: string }) {
  const start = useRef<{ x: number; width: number } | null>(null);
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    e.stopPropagation();
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { x: e.clientX, width: columnWidth(useStore.getState().widths, column) };
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    useStore.getState().setWidth(column, start.current.width + e.clientX - start.current.x);
  };
  return (
    <div
      className="gh-resize"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (start.current = null)}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => {
        e.stopPropagation();
        useStore.getState().setWidth(column, 130);
      }}
      draggable={false}
      onDragStart={(e) => e.preventDefault()}
    />
  );
}
