// The sign-ins grid: virtualized over the snapshot (rows fetched by page for the visible window),
// keyboard navigation, status colouring, right-click to filter on a cell value.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { formatCell } from '../../format/cells';
import { contains } from '../../store/row-ranges';
import { selectedRanges, type SelectMode } from '../../store/selection-slice';
import { useStore } from '../../store/store';
import { CellMenu, type CellMenuState } from './cell-menu';
import { FindBar } from './find-bar';
import { findColumns, useFind } from './find-state';
import { focusGrid, useGridKeyboard } from './use-grid-keyboard';
import { GridEmpty } from './grid-empty';
import { GridHeader } from './grid-header';
import { useMarksVersion } from './grid-marks';
import { GridRow, placeholderBars } from './grid-row';
import { LoadingBands, loadingRuns } from './loading-bands';
import { PageCache, type LoadedRow } from './page-cache';
import { realHeight } from './scaled-scroll';
import { signinCells, signinItem } from './signin-cells';
import { useScaledVirtualizer } from './use-scaled-virtualizer';
import { ScrollBody } from './scroll-body';
import { useSigninColumns } from './use-signin-columns';

export const ROW_HEIGHT = 22;

export function Grid() {
  const snapshot = useStore((s) => s.snapshot);
  const { columns, widths, timeMode, fetchColumns, statusAt, cellWidths, totalWidth } = useSigninColumns();
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

  const marksVersion = useMarksVersion(columns);
  const cache = useMemo(
    () => (snapshot ? new PageCache(snapshot.snapshotId, fetchColumns, snapshot.matching, bump, (m) => useStore.getState().notify('error', m)) : null),
    // marksVersion: a new tag or star refetches the rows showing the marks
    [snapshot, fetchColumns, marksVersion],
  );
  useEffect(() => () => cache?.dispose(), [cache]);

  const count = snapshot?.matching ?? 0;
  const { scaled, virtualizer, items, first, last, layerTop, rowTop, place } = useScaledVirtualizer({ count, rowHeight: ROW_HEIGHT, overscan: 10, body: bodyRef });

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
    else cache.ensureRow(selected.index);
  }, [selected, cache, version]);

  const bars = useMemo(() => placeholderBars(cellWidths, 0, ROW_HEIGHT), [cellWidths]);

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
  // Stable (reads the selection when called), so rows skip rendering while the grid scrolls.
  const onRowMouseDown = useCallback((e: React.MouseEvent, index: number, row: LoadedRow | undefined) => {
    const ctrl = e.ctrlKey || e.metaKey;
    if (e.button !== 0 && contains(selectedRanges(useStore.getState()), index)) return; // right-click keeps a selection to act on
    const mode: SelectMode = e.shiftKey ? (ctrl ? 'addExtend' : 'extend') : ctrl ? 'toggle' : 'only';
    if (e.shiftKey) {
      e.preventDefault(); // no text selection across rows; the grid keeps the keyboard
      focusGrid();
    }
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-col]');
    if (cell) useStore.getState().setFocusColumn(Number(cell.dataset.col));
    useStore.getState().selectRow(index, row?.rid ?? null, mode);
  }, []);
  const cells = useCallback(
    (row: LoadedRow, focus: number) =>
      signinCells({ columns, widths, mode: timeMode, interactive: { marked, findText, onMenu: (e, column, value, text) => setMenu({ x: e.clientX, y: e.clientY, column, value, text }) } }, row, focus),
    [columns, widths, timeMode, marked, findText],
  );

  return (
    <div className="grid">
      <FindBar onDone={focusGrid} />
      <div className="grid-inner" role="grid" aria-rowcount={count} aria-multiselectable="true" aria-label="Sign-ins">
        <GridHeader scrollRef={headerRef} />
        <ScrollBody
          bodyRef={bodyRef}
          headerRef={headerRef}
          height={realHeight(scaled)}
          width={totalWidth}
          layerTop={layerTop}
          onKeyDown={onKeyDown}
          testId="grid-body"
          role="rowgroup"
          after={<GridEmpty />}
        >
          <LoadingBands
            runs={loadingRuns(
              items.map((item) => item.index),
              (index) => (cache?.row(index) ? undefined : 0),
            )}
            rowTop={rowTop}
            rowHeight={ROW_HEIGHT}
            width={totalWidth}
            bars={() => bars}
          />
          {items.map((item) => {
            const row = cache?.row(item.index);
            const isCursor = selected?.index === item.index;
            return (
              <GridRow
                key={item.key}
                {...place(item.index)}
                width={totalWidth}
                {...signinItem(row, statusAt)}
                selected={contains(ranges, item.index)}
                state={isCursor ? 'cursor' : undefined}
                striped
                focus={isCursor ? focusColumn : -1}
                cells={cells}
                onMouseDown={onRowMouseDown}
              />
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
