// The virtualized session list: sortable headers, rows fetched by page for the visible window,
// ↑/↓ to move the selection. Scales to millions of sessions like the sign-ins grid.
import { useCallback, useEffect, useRef } from 'react';
import type { SessionSummary } from '../../../shared/model/session';
import { useStore } from '../../store/store';
import { GridRow, placeholderBars } from '../grid/grid-row';
import { realHeight } from '../grid/scaled-scroll';
import { useScaledVirtualizer } from '../grid/use-scaled-virtualizer';
import type { OffsetPageCache } from './offset-page-cache';
import { SESSION_COLUMNS, SESSION_LIST_WIDTH } from './session-columns';
import { useSessionView } from './session-state';
import { ColumnCells } from '../grid/column-cells';
import { ScrollBody } from '../grid/scroll-body';

export const SESSION_ROW_HEIGHT = 26;

const sessionData = (s: SessionSummary) => ({ 'data-session': s.sessionNo });
const placeholder = placeholderBars(SESSION_COLUMNS.map((c) => c.width));

interface Props {
  cache: OffsetPageCache<SessionSummary> | null;
  version: number;
}

export function SessionList({ cache, version }: Props) {
  const mode = useStore((s) => s.timeMode);
  const sort = useSessionView((s) => s.sort);
  const selected = useSessionView((s) => s.selected);
  const bodyRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const selectedIndex = useRef<number | null>(null);

  const count = cache?.total ?? 0;
  const { scaled, virtualizer, items, first, last, layerTop, place } = useScaledVirtualizer({ count, rowHeight: SESSION_ROW_HEIGHT, overscan: 8, body: bodyRef });

  useEffect(() => {
    bodyRef.current?.scrollTo({ top: 0 });
    selectedIndex.current = null;
  }, [cache]);
  useEffect(() => {
    if (last >= first) cache?.ensure(first, last);
  }, [cache, first, last, version]);

  const moveSelection = (to: number) => {
    if (!cache || count === 0) return;
    const index = Math.max(0, Math.min(count - 1, to));
    const item = cache.item(index);
    if (!item) return cache.ensure(index, index);
    selectedIndex.current = index;
    useSessionView.getState().select(item.sessionNo);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  // Stable, so rows skip rendering while the list scrolls.
  const onRowMouseDown = useCallback((_e: React.MouseEvent, index: number, s: SessionSummary | undefined) => {
    if (!s) return;
    selectedIndex.current = index;
    useSessionView.getState().select(s.sessionNo);
  }, []);
  const cells = useCallback((s: SessionSummary) => <ColumnCells columns={SESSION_COLUMNS} row={s} mode={mode} prefix="sc" />, [mode]);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const at = selectedIndex.current ?? -1;
    const page = Math.max(1, Math.floor((bodyRef.current?.clientHeight ?? 400) / SESSION_ROW_HEIGHT) - 1);
    const to = ({ ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: count - 1 } as Record<string, number>)[e.key];
    if (to === undefined) return;
    e.preventDefault();
    moveSelection(to);
  };

  return (
    <div className="grid session-list" role="grid" aria-rowcount={count} data-testid="session-list">
      {/* Kept in step both ways: focusing a header cell can scroll the header on its own. */}
      <div
        className="grid-header"
        ref={headerRef}
        role="row"
        onScroll={(e) => {
          if (bodyRef.current && bodyRef.current.scrollLeft !== e.currentTarget.scrollLeft) bodyRef.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
      >
        <div className="grid-header-inner">
          {SESSION_COLUMNS.map((col) => (
            <div
              key={col.id}
              role="columnheader"
              className={`gh-cell${col.sort ? '' : ' unsortable'}${col.className === 'num' ? ' num' : ''}`}
              style={{ width: col.width }}
              data-column={col.id}
              aria-sort={col.sort && sort.column === col.sort ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              title={col.sort ? `${col.label} — click to sort` : col.label}
              onClick={() => col.sort && useSessionView.getState().toggleSort(col.sort)}
            >
              <span className="gh-label">{col.label}</span>
              {col.sort && sort.column === col.sort && <span className="gh-sort">{sort.dir === 'asc' ? '▲' : '▼'}</span>}
            </div>
          ))}
          <div className="gh-filler" />
        </div>
      </div>
      <ScrollBody bodyRef={bodyRef} headerRef={headerRef} height={realHeight(scaled)} width={SESSION_LIST_WIDTH} layerTop={layerTop} onKeyDown={onKeyDown} role="rowgroup">
        {items.map((item) => {
          const s = cache?.item(item.index);
          const isSelected = s !== undefined && s.sessionNo === selected;
          if (isSelected) selectedIndex.current = item.index;
          return (
            <GridRow
              key={item.key}
              {...place(item.index)}
              width={SESSION_LIST_WIDTH}
              item={s}
              status={s?.finalStatus}
              selected={isSelected}
              kind="session-row"
              placeholder={placeholder}
              striped
              cells={cells}
              onMouseDown={onRowMouseDown}
              dataOf={sessionData}
            />
          );
        })}
      </ScrollBody>
    </div>
  );
}
