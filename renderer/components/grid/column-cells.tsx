// The cells of one row of a column-defined list (sessions, aggregated sign-ins): shared so every
// list lays out, truncates and titles its cells the same way.
import type { ReactNode } from 'react';
import type { TimeMode } from '../../store/ui-slice';

export interface ListColumn<T> {
  id: string;
  width: number;
  className?: string;
  cell(row: T, mode: TimeMode): ReactNode;
  /** Full text for the tooltip when the cell may be cut. */
  title?(row: T, mode: TimeMode): string;
}

export function ColumnCells<T>({ columns, row, mode, prefix }: { columns: readonly ListColumn<T>[]; row: T | undefined; mode: TimeMode; prefix: string }) {
  return (
    <>
      {columns.map((col) => (
        <div
          key={col.id}
          role="gridcell"
          className={`gc ${prefix}-${col.id}${col.className ? ` ${col.className}` : ''}`}
          style={{ width: col.width }}
          title={row && col.title ? col.title(row, mode) : undefined}
        >
          {row ? col.cell(row, mode) : null}
        </div>
      ))}
    </>
  );
}
