// The sign-ins grid: virtualized over the snapshot (rows fetched by page for the visible window),
// keyboard navigation, status colouring, right-click to filter on a cell value.
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { formatCell, isMonoColumn, statusClass } from '../../format/cells';
import { columnWidth } from '../../store/grid-slice';
import { contains } from '../../store/row-ranges';
import { selectedRanges, type SelectMode } from '../../store/selection-slice';
import { useStore } from '../../store/store';
import { CellMenu, type CellMenuState } from './cell-menu';
import { FindBar } from './find-bar';
import { FindHighlight } from './find-highlight';
import { findColumns, useFind } from './find-state';
import { focusGrid, useGridKeyboard } from './use-grid-keyboard';
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
  const rowSelection = useStore((s) => s.rowSelection);
  const ranges = useMemo(() => selectedRanges(useStore.getState()), [rowSelection, selected, snapshot]); // eslint-disable-line react-hooks/exhaustive-deps
  const focusColumn = useStore((s) => s.focusColumn);
  const findOpen = useFind((s) => s.open);
  const findText = useFind((s) => s.text.trim());
  const marked = useMemo(() => new Set(findOpen && findText ? findColumns(columns) : []), [findOpen, findText, columns]);
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

  // Whatever moved the cursor (keys, Find, a jump from another view), its row stays in sight.
  useEffect(() => {
    if (selected && selected.index < count) virtualizer.scrollToIndex(selected.index, { align: 'auto' });
  }, [selected?.index]); // eslint-disable-line react-hooks/exhaustive-deps
  const openCellMenu = () => {
    const row = selected ? cache?.row(selected.index) : undefined;
    const col = columns[focusColumn];
    const cell = bodyRef.current?.querySelector<HTMLElement>(`.grid-row.cursor [data-col="${focusColumn}"]`);
    if (!row || !col || !cell) return;
    const box = cell.getBoundingClientRect();
    const value = row.cells[focusColumn] ?? null;
    setMenu({ x: box.left + 8, y: box.bottom, column: col, value, text: formatCell(col, value, timeMode) });
  };
  const onKeyDown = useGridKeyboard({ count, rowHeight: ROW_HEIGHT, bodyRef, cache, openCellMenu });
  const onRowMouseDown = (e: React.MouseEvent, index: number, rid: number | null) => {
    const ctrl = e.ctrlKey || e.metaKey;
    if (e.button !== 0 && contains(ranges, index)) return; // right-click keeps a selection to act on
    const mode: SelectMode = e.shiftKey ? (ctrl ? 'addExtend' : 'extend') : ctrl ? 'toggle' : 'only';
    if (e.shiftKey) {
      e.preventDefault(); // no text selection across rows; the grid keeps the keyboard
      focusGrid();
    }
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-col]');
    if (cell) useStore.getState().setFocusColumn(Number(cell.dataset.col));
    useStore.getState().selectRow(index, rid, mode);
  };

  return (
    <div className="grid">
      <FindBar onDone={focusGrid} />
      <div className="grid-inner" role="grid" aria-rowcount={count} aria-multiselectable="true" aria-label="Sign-ins">
        <GridHeader scrollRef={headerRef} />
        <ScrollBody bodyRef={bodyRef} headerRef={headerRef} height={realHeight(scaled)} width={totalWidth} onKeyDown={onKeyDown} testId="grid-body" role="rowgroup" after={<GridEmpty />}>
          {items.map((item) => {
            const row = cache?.row(item.index);
            const isSelected = contains(ranges, item.index);
            const isCursor = selected?.index === item.index;
            const status = row?.cells[statusAt];
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 1}
                aria-selected={isSelected}
                className={`grid-row ${row ? statusClass(status) : 'loading'}${isSelected ? ' selected' : ''}${isCursor ? ' cursor' : ''}${item.index % 2 ? ' odd' : ''}`}
                style={{ transform: `translateY(${realTop(scaled, item.start)}px)`, width: totalWidth }}
                onMouseDown={(e) => onRowMouseDown(e, item.index, row?.rid ?? null)}
              >
                {columns.map((col, ci) => {
                  const value = row?.cells[ci];
                  const text = formatCell(col, value, timeMode);
                  return (
                    <div
                      key={col}
                      role="gridcell"
                      data-col={ci}
                      className={`gc${isMonoColumn(col) ? ' mono' : ''}${col === 'status' ? ' gc-status' : ''}${isCursor && ci === focusColumn ? ' focused' : ''}`}
                      style={{ width: columnWidth(widths, col) }}
                      title={text.length > 24 ? text : undefined}
                      onContextMenu={(e) => {
                        if (!row) return;
                        e.preventDefault();
                        setMenu({ x: e.clientX, y: e.clientY, column: col, value: value ?? null, text });
                      }}
                    >
                      {marked.has(col) ? <FindHighlight text={text} query={findText} /> : text}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </ScrollBody>
      </div>
      {menu && (
        <CellMenu
          menu={menu}
          onClose={() => {
            // Back to the grid when the menu had the keyboard (an item chosen, or Esc).
            if (document.activeElement?.closest('.menu')) focusGrid();
            setMenu(null);
          }}
        />
      )}
    </div>
  );
}
