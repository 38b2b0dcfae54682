// The Sign-ins view's aggregation switch: the control, then either the aggregated table or the
// normal grid (its children).
import '../../styles/aggregate.css';
import type { ReactNode } from 'react';
import { AggregateControl } from './aggregate-control';
import { useAggregateView } from './aggregate-state';
import { AggregateTable } from './aggregate-table';
import { useAggregatePages } from './use-aggregate-pages';

export function AggregateSwitch({ children }: { children: ReactNode }) {
  const window = useAggregateView((s) => s.window);
  const pages = useAggregatePages(window);
  return (
    <>
      <AggregateControl info={pages.info} />
      {!window ? children : pages.error ? <div className="grid-empty aggregate-error">{pages.error}</div> : <AggregateTable window={window} cache={pages.cache} version={pages.version} />}
    </>
  );
}
