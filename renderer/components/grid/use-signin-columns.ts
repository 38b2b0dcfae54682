// The shown sign-in columns as both grids lay them out: what to fetch (status always, because it
// colours the row), where status lands in a fetched row, each cell's width and the row's.
import { useMemo } from 'react';
import { columnWidth } from '../../store/grid-slice';
import { useStore } from '../../store/store';

export function useSigninColumns() {
  const columns = useStore((s) => s.columns);
  const widths = useStore((s) => s.widths);
  const timeMode = useStore((s) => s.timeMode);
  return useMemo(() => {
    const fetchColumns = columns.includes('status') ? columns : [...columns, 'status'];
    const cellWidths = columns.map((c) => columnWidth(widths, c));
    return { columns, widths, timeMode, fetchColumns, statusAt: fetchColumns.indexOf('status'), cellWidths, totalWidth: cellWidths.reduce((a, b) => a + b, 0) };
  }, [columns, widths, timeMode]);
}
