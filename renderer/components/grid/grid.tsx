// The sign-ins grid: virtualized over the snapshot (rows fetched by page for the visible window),
// keyboard navigation, status colouring, right-click to filter on a cell value.
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { formatCell, isMonoColumn, statusClass } from '../../format/cells';
import { columnWidth } from '../../store/grid-slice';
import { useStore } from '../../store/store';
import { CellMenu, type CellMenuState } from './cell-menu';
import { GridEmpty } from './grid-empty';
import { GridHeader } from './grid-header';
import { useMarksVersion } from './grid-marks';
import { PageCache } from './page-cache';
import { realHeight, realTop } from './scaled-scroll';
import { useScaledVirtualizer } from './use-scaled-virtualizer';
import { ScrollBody } from './scroll-body';

export const ROW_HEIGHT = 22;

export function Grid() {
  const snapshot = useStore((s) => s.snapshot);
  const columns = useStore((s) => s.columns);
  const widths = useStore((s) => s.widths);
  const timeMode = useStore((s) => s.timeMode);
  const selected = useStore((s) => s.selected);
  const [version, bump] = useReducer((x: number) => x + 1, 0);
  const [menu, setMenu] = useState<CellMenuState | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);

  // Status is always fetched (hidden or not) because it colours the row.
  const fetchColumns = useMemo(() => (columns.includes('status') ? columns : [...columns, 'status']), [columns]);
  const statusAt = fetchColumns.indexOf('status');
  const marksVersion = useMarksVersion(columns);
  const cache = useMemo(
    () => (snapshot ? new PageCache(snapshot.snapshotId, fetchColumns, snapshot.matching, bump, (m) => useStore.getState().notify('error', m)) : null),
    // marksVersion: a new tag or star refetches the rows showing the marks
    [snapshot, fetchColumns, marksVersion],
  );
  useEffect(() => () => cache?.dispose(), [cache]);

  const count = snapshot?.matching ?? 0;
  const { scaled, virtualizer, items, first, last } = useScaledVirtualizer({ count, rowHeight: ROW_HEIGHT, overscan: 10, body: bodyRef });

  useEffect(() => {
    bodyRef.current?.scrollTo({ top: 0 });
  }, [snapshot?.snapshotId]);
  useEffect(() => {
    if (last >= first) cache?.ensure(first, last);
  }, [cache, first, last]);
  // A selection made by keyboard onto a row not loaded yet gets its record id once the page arrives.
  useEffect(() => {
    if (!selected || selected.rid !== null || !cache) return;
    const row = cache.row(selected.index);
    if (row) useStore.getState().select(selected.index, row.rid);
    else cache.ensure(selected.index, selected.index);
  }, [selected, cache, version]);

  const totalWidth = columns.reduce((sum, c) => sum + columnWidth(widths, c), 0);

  const moveSelection = (to: number) => {
    if (count === 0) return;
    const index = Math.max(0, Math.min(count - 1, to));
    useStore.getState().select(index, cache?.row(index)?.rid ?? null);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((bodyRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const at = selected?.index ?? -1;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: count - 1 };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    moveSelection(to);
  };

  return (
    <div className="grid" role="grid" aria-rowcount={count}>
      <GridHeader scrollRef={headerRef} />
      <ScrollBody bodyRef={bodyRef} headerRef={headerRef} height={realHeight(scaled)} width={totalWidth} onKeyDown={onKeyDown} testId="grid-body" after={<GridEmpty />}>
          {items.map((item) => {
            const row = cache?.row(item.index);
            const isSelected = selected?.index === item.index;
            const status = row?.cells[statusAt];
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 1}
                aria-selected={isSelected}
                className={`grid-row ${row ? statusClass(status) : 'loading'}${isSelected ? ' selected' : ''}${item.index % 2 ? ' odd' : ''}`}
                style={{ transform: `translateY(${realTop(scaled, item.start)}px)`, width: totalWidth }}
                onMouseDown={() => useStore.getState().select(item.index, row?.rid ?? null)}
              >
                {columns.map((col, ci) => {
                  const value = row?.cells[ci];
                  const text = formatCell(col, value, timeMode);
                  return (
                    <div
                      key={col}
                      role="gridcell"
                      className={`gc${isMonoColumn(col) ? ' mono' : ''}${col === 'status' ? ' gc-status' : ''}`}
                      style={{ width: columnWidth(widths, col) }}
                      title={text.length > 24 ? text : undefined}
                      onContextMenu={(e) => {
                        if (!row) return;
                        e.preventDefault();
                        setMenu({ x: e.clientX, y: e.clientY, column: col, value: value ?? null, text });
                      }}
                    >
                      {text}
                    </div>
                  );
                })}
              </div>
            );
          })}
      </ScrollBody>
      {menu && <CellMenu menu={menu} onClose={() => setMenu(null)} />}
    </div>
  );
}
