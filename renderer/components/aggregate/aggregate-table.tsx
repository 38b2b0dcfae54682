// The aggregated groups as a virtualized table (pages fetched for the visible window, like the
// session list); clicking a group, or Enter on it, shows its sign-ins in the normal grid.
import { useEffect, useRef } from 'react';
import { statusClass } from '../../format/cells';
import { formatDateTime } from '../../format/time';
import { useStore } from '../../store/store';
import type { OffsetPageCache } from '../sessions/offset-page-cache';
import { realHeight, realTop } from '../grid/scaled-scroll';
import { useScaledVirtualizer } from '../grid/use-scaled-virtualizer';
import { fitAggregateColumns, aggregateTableWidth } from './aggregate-columns';
import { useElementWidth } from '../timeline/canvas';
import { expandGroup } from './aggregate-state';
import type { AggregateRow, AggregateWindow } from './group-filter';
import { ColumnCells } from '../grid/column-cells';
import { ScrollBody } from '../grid/scroll-body';

const ROW_HEIGHT = 24;

interface Props {
  window: AggregateWindow;
  cache: OffsetPageCache<AggregateRow> | null;
  version: number;
}

export function AggregateTable({ window, cache, version }: Props) {
  const mode = useStore((s) => s.timeMode);
  const bodyRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const count = cache?.total ?? 0;
  const [frameRef, frameWidth] = useElementWidth<HTMLDivElement>();
  // A vertical scrollbar takes ~15 px of the body.
  const columns = fitAggregateColumns(frameWidth - 16);
  const width = aggregateTableWidth(columns);
  const { scaled, items, first, last } = useScaledVirtualizer({ count, rowHeight: ROW_HEIGHT, overscan: 8, body: bodyRef });

  useEffect(() => {
    bodyRef.current?.scrollTo({ top: 0 }); // braces: recent Chromium returns a Promise, not a cleanup
  }, [cache]);
  useEffect(() => {
    if (last >= first) cache?.ensure(first, last);
  }, [cache, first, last, version]);

  return (
    <div className="grid aggregate-table" role="grid" aria-rowcount={count} data-testid="aggregate-table" ref={frameRef}>
      <div className="grid-header" ref={headerRef} role="row">
        <div className="grid-header-inner">
          {columns.map((col) => (
            <div key={col.id} role="columnheader" className={`gh-cell unsortable${col.className === 'num' ? ' num' : ''}`} style={{ width: col.width }} data-column={col.id}>
              <span className="gh-label">{col.label}</span>
            </div>
          ))}
          <div className="gh-filler" />
        </div>
      </div>
      <ScrollBody bodyRef={bodyRef} headerRef={headerRef} height={realHeight(scaled)} width={width} role="rowgroup">
        {items.map((item) => {
          const row = cache?.item(item.index);
          return (
            <div
              key={item.key}
              role="row"
              tabIndex={row ? -1 : undefined}
              aria-rowindex={item.index + 1}
              className={`grid-row agg-row ${row ? statusClass(row.status) : 'loading'}${item.index % 2 ? ' odd' : ''}`}
              style={{ transform: `translateY(${realTop(scaled, item.start)}px)`, width }}
              title={row ? `${formatDateTime(row.first, mode)} → ${formatDateTime(row.last, mode)}: show these ${row.count} sign-ins in the grid` : undefined}
              onClick={() => row && expandGroup(window, row)}
              onKeyDown={(e) => e.key === 'Enter' && row && expandGroup(window, row)}
            >
              <ColumnCells columns={columns} row={row ?? undefined} mode={mode} prefix="ac" />
            </div>
          );
        })}
      </ScrollBody>
      {cache && count === 0 && <div className="grid-empty">No sign-ins match the filter.</div>}
    </div>
  );
}
