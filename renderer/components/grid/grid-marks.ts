// The grid's tags / starred columns are read at page time: pages showing them are refetched after
// every tag or star change made in this window (other columns never change, so they are not).
import { isAnnotationColumn } from '../../../shared/model/grid-columns';
import { useStore } from '../../store/store';

/** A value that changes whenever the visible mark columns may have changed (0 when none is shown). */
export function useMarksVersion(columns: readonly string[]): number {
  const version = useStore((s) => s.changes.annotations);
  return columns.some(isAnnotationColumn) ? version : 0;
}
