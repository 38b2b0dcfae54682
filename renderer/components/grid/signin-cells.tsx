// The cells of a sign-in row, shared by the plain grid and the grouped grid's sign-ins.
import type { MouseEvent, ReactNode } from 'react';
import { formatCell, isMonoColumn } from '../../format/cells';
import { columnWidth } from '../../store/grid-slice';
import type { TimeMode } from '../../store/ui-slice';
import { FindHighlight } from './find-highlight';
import type { LoadedRow } from './page-cache';

export interface SigninCellsLayout {
  columns: readonly string[];
  widths: Record<string, number>;
  mode: TimeMode;
  /** Px of nesting indent taken from the first column (the grouped grid). */
  indent?: number;
  /** The plain grid's cells: numbered, titled when cut, right-click menu, Find marks. */
  interactive?: {
    marked: ReadonlySet<string>;
    findText: string;
    onMenu: (e: MouseEvent, column: string, value: string | number | null, text: string) => void;
  };
}

/** GridRow's item props for a sign-in: the row and the status (fetched at `statusAt`) that colours it. */
export function signinItem(row: LoadedRow | undefined, statusAt: number) {
  return { item: row, status: row?.cells[statusAt] };
}

/** `focus`: the column index drawn as the focused cell, -1 for none. */
export function signinCells({ columns, widths, mode, indent = 0, interactive }: SigninCellsLayout, row: LoadedRow, focus: number): ReactNode {
  return (
    <>
      {indent > 0 && <div className="gl-indent" aria-hidden style={{ width: indent }} />}
      {columns.map((col, ci) => {
        const value = row.cells[ci];
        const text = formatCell(col, value, mode);
        return (
          <div
            key={col}
            role="gridcell"
            data-col={interactive ? ci : undefined}
            className={`gc${isMonoColumn(col) ? ' mono' : ''}${col === 'status' ? ' gc-status' : ''}${ci === focus ? ' focused' : ''}`}
            style={{ width: columnWidth(widths, col) - (ci === 0 ? indent : 0) }}
            title={interactive && text.length > 24 ? text : undefined}
            onContextMenu={
              interactive &&
              ((e) => {
                e.preventDefault();
                interactive.onMenu(e, col, value ?? null, text);
              })
            }
          >
            {interactive?.marked.has(col) ? <FindHighlight text={text} query={interactive.findText} /> : text}
          </div>
        );
      })}
    </>
  );
}
