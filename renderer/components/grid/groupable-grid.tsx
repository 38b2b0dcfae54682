// The sign-ins grid with its group bar: the plain grid, or the grouped grid when the bar holds columns.
import '../../styles/grouping.css';
import { useState } from 'react';
import { useStore } from '../../store/store';
import { Grid } from './grid';
import { GroupBar } from './group-bar';
import { GroupedGrid } from './grouped-grid';

export function GroupableGrid() {
  const grouped = useStore((s) => s.groupBy.length > 0);
  const [summary, setSummary] = useState<string | null>(null);
  return (
    <>
      <GroupBar summary={grouped ? summary : null} />
      {grouped ? <GroupedGrid onSummary={setSummary} /> : <Grid />}
    </>
  );
}
