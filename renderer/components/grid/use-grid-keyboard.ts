// The grid's keyboard, after Timeline Explorer: arrows move the focused cell, Shift extends the
// selection, Space / Ctrl+Space toggle a row, Ctrl+A selects every row of the filter, Esc deselects,
// Enter opens the details, Ctrl+C copies the cell (or the selected rows as TSV), Ctrl+F finds,
// F3 / Shift+F3 step through the matches, S sorts by the focused column (as a header click does),
// Shift+F10 / the menu key open the focused cell's menu.
import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import { columnLabel, formatCell } from '../../format/cells';
import { toTsv } from '../../format/tsv';
import { countRows } from '../../store/row-ranges';
import { columnWidth } from '../../store/grid-slice';
import { selectedRanges } from '../../store/selection-slice';
import { useStore } from '../../store/store';
import { findStep, useFind } from './find-state';
import type { PageCache } from './page-cache';
import { fetchSelectedRows, MAX_COPY_ROWS, SelectionTooLarge } from './selection-rows';

interface GridKeyboard {
  count: number;
  rowHeight: number;
  bodyRef: RefObject<HTMLDivElement | null>;
  cache: PageCache | null;
  /** Opens the cell menu (filter on / exclude / copy the value) for the focused cell. */
  openCellMenu: () => void;
}

const DETAILS = '[data-testid=details]';

/** Gives the grid body the keyboard (after the find bar closes, Esc in the details pane). */
export function focusGrid(): void {
  document.querySelector<HTMLElement>('[data-testid=grid-body]')?.focus({ preventScroll: true });
}

export function useGridKeyboard({ count, rowHeight, bodyRef, cache, openCellMenu }: GridKeyboard): (e: KeyboardEvent) => void {
  useGlobalGridKeys();
  return (e) => {
    const s = useStore.getState();
    const ctrl = e.ctrlKey || e.metaKey;
    const at = s.selected?.index ?? -1;
    const page = Math.max(1, Math.floor((bodyRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: count - 1 };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      if (count === 0) return;
      const index = Math.max(0, Math.min(count - 1, to));
      s.selectRow(index, cache?.row(index)?.rid ?? null, e.shiftKey ? 'extend' : 'only');
      return;
    }
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      e.preventDefault();
      const col = Math.max(0, Math.min(s.columns.length - 1, s.focusColumn + (key === 'ArrowLeft' ? -1 : 1)));
      s.setFocusColumn(col);
      revealColumn(bodyRef.current, s.columns, s.widths, col);
    } else if (key === ' ' && at >= 0) {
      e.preventDefault();
      s.selectRow(at, s.selected?.rid ?? null, e.shiftKey ? 'addExtend' : 'toggle');
    } else if (ctrl && key === 'a') {
      e.preventDefault();
      s.selectAllRows();
    } else if (key === 'Escape') {
      s.clearSelection();
    } else if (key === 'Enter' && at >= 0) {
      e.preventDefault();
      openDetails();
    } else if (ctrl && key === 'c') {
      e.preventDefault();
      void copy(cache, e.shiftKey);
    } else if ((key === 'F10' && e.shiftKey) || key === 'ContextMenu') {
      e.preventDefault();
      e.stopPropagation(); // the menu listens on window from its first render: this key must not close it
      openCellMenu();
    } else if (key === 's' && !ctrl && !e.altKey) {
      const column = s.columns[s.focusColumn];
      if (column) s.toggleSort(column);
    } else if (key === 'F3') {
      e.preventDefault();
      void findStep(e.shiftKey ? 'prev' : 'next');
    }
  };
}

/** Ctrl+F anywhere in the sign-ins view opens Find; Esc in the details pane (or with the focus lost) returns to the grid. */
function useGlobalGridKeys(): void {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f' && useStore.getState().view === 'signins' && !document.querySelector('.modal')) {
        e.preventDefault();
        useFind.getState().show();
      } else if (e.key === 'Escape' && useStore.getState().view === 'signins' && lostOrInDetails() && !document.querySelector('.modal, .popover, .menu')) {
        focusGrid();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** The focus is in the details pane, or nowhere (its button vanished after a pivot re-queried the grid). */
function lostOrInDetails(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !!active.closest(DETAILS);
}

/** Enter: the details pane takes the focus on its open tab (Tab walks its content, Esc comes back). */
function openDetails(): void {
  const tab = document.querySelector<HTMLElement>(`${DETAILS} [role=tab][aria-selected=true]`) ?? document.querySelector<HTMLElement>(`${DETAILS} [role=tab]`);
  tab?.focus();
}

function revealColumn(body: HTMLDivElement | null, columns: readonly string[], widths: Record<string, number>, col: number): void {
  if (!body) return;
  const left = columns.slice(0, col).reduce((x, c) => x + columnWidth(widths, c), 0);
  const right = left + columnWidth(widths, columns[col]!);
  if (left < body.scrollLeft) body.scrollLeft = left;
  else if (right > body.scrollLeft + body.clientWidth) body.scrollLeft = right - body.clientWidth;
}

/** Ctrl+C: the focused cell as shown, or (several rows selected, or Ctrl+Shift+C) the rows as TSV with the column labels. */
async function copy(cache: PageCache | null, rows: boolean): Promise<void> {
  const s = useStore.getState();
  const selectedCount = countRows(selectedRanges(s));
  try {
    if (!rows && selectedCount <= 1) {
      const column = s.columns[s.focusColumn];
      const row = s.selected ? cache?.row(s.selected.index) : undefined;
      if (!column || !row) return;
      await writeClipboard(formatCell(column, row.cells[s.focusColumn], s.timeMode));
      return;
    }
    const columns = [...s.columns];
    const fetched = await fetchSelectedRows(columns, MAX_COPY_ROWS, 'copy');
    const text = toTsv(
      columns.map((c) => columnLabel(c, s.timeMode)),
      fetched.rows.map((r) => columns.map((c, i) => formatCell(c, r[i], s.timeMode))),
    );
    await writeClipboard(text);
    s.notify('info', `Copied ${fetched.rows.length.toLocaleString('en-US')} row${fetched.rows.length === 1 ? '' : 's'} × ${columns.length} columns as tab-separated text.`);
  } catch (err) {
    s.notify('error', err instanceof SelectionTooLarge ? `${err.message} Export the filter instead.` : `Copy failed: ${(err as Error).message}`);
  }
}

async function writeClipboard(text: string): Promise<void> {
  if (!navigator.clipboard) throw new Error('the clipboard is not available here');
  await navigator.clipboard.writeText(text);
}
