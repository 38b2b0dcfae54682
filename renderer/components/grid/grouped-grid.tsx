// The grid grouped by the group bar's columns: group rows with their counts (click, Enter or →/← to
// expand and collapse; nested levels), and under an expanded innermost group its sign-ins, paged and
// virtualized like the plain grid and sorted by the grid's sort. Clicking a sign-in opens its details.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { GroupValue } from '../../../shared/model/grouping';
import { columnLabel, formatCell } from '../../format/cells';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { GridHeader } from './grid-header';
import { useMarksVersion } from './grid-marks';
import { GroupTree, type GroupLine } from './group-tree';
import { GridRow, placeholderBars } from './grid-row';
import { LoadingBands, loadingRuns } from './loading-bands';
import type { LoadedRow } from './page-cache';
import { realHeight } from './scaled-scroll';
import { signinCells, signinItem } from './signin-cells';
import { ScrollBody } from './scroll-body';
import { useScaledVirtualizer } from './use-scaled-virtualizer';
import { useSigninColumns } from './use-signin-columns';
import { useParts } from '../../actions/use-api';

const ROW_HEIGHT = 22;
const INDENT = 18;
/** A selection made here has no position in the plain grid's snapshot (the status bar shows none). */
const NOT_IN_GRID = -1;

export function GroupedGrid({ onSummary }: { onSummary: (text: string | null) => void }) {
  const filter = useStore((s) => s.filter);
  const sort = useStore((s) => s.sort);
  const groupBy = useStore((s) => s.groupBy);
  const { columns, widths, timeMode, fetchColumns, statusAt, cellWidths, totalWidth } = useSigninColumns();
  const caseVersion = useParts(['signins']);
  const selectedRid = useStore((s) => s.selected?.rid ?? null);
  const marksVersion = useMarksVersion([...columns, ...groupBy]);
  const [, bump] = useReducer((x: number) => x + 1, 0);
  const [active, setActive] = useState(0);
  const bodyRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const expanded = useMemo(() => new Set<string>(), [groupBy]); // a new grouping starts collapsed
  const tree = useMemo(
    () => new GroupTree(filter, groupBy, sort, fetchColumns, expanded, bump, (m) => useStore.getState().notify('error', m)),
    [filter, groupBy, sort, fetchColumns, expanded, caseVersion, marksVersion],
  );
  useEffect(() => () => tree.dispose(), [tree]);

  const summary = tree.summary();
  const summaryText = summary ? `${formatCount(summary.groups)} groups · ${formatCount(summary.signins)} sign-ins` : null;
  useEffect(() => onSummary(summaryText), [summaryText, onSummary]);
  useEffect(() => () => onSummary(null), [onSummary]);

  const count = tree.total;
  const { scaled, virtualizer, items, first, last, layerTop, rowTop, place } = useScaledVirtualizer({ count, rowHeight: ROW_HEIGHT, overscan: 10, body: bodyRef });
  useEffect(() => {
    if (last >= first) tree.ensureRows(first, last);
  });

  const activate = (line: GroupLine | undefined, index: number) => {
    setActive(index);
    if (!line) return;
    if (line.kind === 'group') tree.toggle(line.path);
    else if (line.kind === 'more') tree.more(line.path);
    else if (line.kind === 'row') {
      const row = line.cache.row(line.index);
      if (row) useStore.getState().select(NOT_IN_GRID, row.rid);
    }
  };
  // Stable, so sign-in rows skip rendering while the list scrolls (the selected row's `selected` changes instead).
  const onSigninMouseDown = useCallback((_e: React.MouseEvent, index: number, row: LoadedRow | undefined) => {
    setActive(index);
    if (row) useStore.getState().select(NOT_IN_GRID, row.rid);
  }, []);
  // One stable cell drawer and loading look (LoadingBands) per nesting depth.
  const atDepth = useMemo(() => {
    const byDepth = new Map<number, { cells: (row: LoadedRow, focus: number) => ReactNode; bars: CSSProperties }>();
    return (depth: number) => {
      const indent = depth * INDENT;
      let drawn = byDepth.get(depth);
      if (!drawn) {
        drawn = {
          cells: (row, focus) => signinCells({ columns, widths, mode: timeMode, indent }, row, focus),
          bars: placeholderBars(
            cellWidths.map((w, i) => (i === 0 ? w - indent : w)),
            indent,
            ROW_HEIGHT,
          ),
        };
        byDepth.set(depth, drawn);
      }
      return drawn;
    };
  }, [columns, widths, timeMode, cellWidths]);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const line = tree.line(active);
    const page = Math.max(1, Math.floor((bodyRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: count - 1 };
    if (e.key in moves) {
      e.preventDefault();
      const to = Math.max(0, Math.min(count - 1, moves[e.key]!));
      setActive(to);
      virtualizer.scrollToIndex(to, { align: 'auto' });
      const target = tree.line(to);
      if (target?.kind === 'row') {
        const row = target.cache.row(target.index);
        if (row) useStore.getState().select(NOT_IN_GRID, row.rid);
      }
    } else if (e.key === 'Enter' || e.key === ' ' || (e.key === 'ArrowRight' && line?.kind === 'group' && !line.expanded) || (e.key === 'ArrowLeft' && line?.kind === 'group' && line.expanded)) {
      e.preventDefault();
      activate(line, active);
    }
  };

  return (
    <div className="grid grouped-grid" role="treegrid" aria-rowcount={count} aria-label={`Sign-ins grouped by ${groupBy.map((c) => columnLabel(c, timeMode)).join(', then ')}`}>
      <GridHeader scrollRef={headerRef} />
      <ScrollBody bodyRef={bodyRef} headerRef={headerRef} height={realHeight(scaled)} width={totalWidth} layerTop={layerTop} onKeyDown={onKeyDown} testId="grouped-body">
        <LoadingBands
          runs={loadingRuns(
            items.map((item) => item.index),
            (index) => {
              const line = tree.line(index);
              return line?.kind === 'row' && !line.cache.row(line.index) ? line.depth : undefined;
            },
          )}
          rowTop={rowTop}
          rowHeight={ROW_HEIGHT}
          width={totalWidth}
          bars={(depth) => atDepth(depth).bars}
        />
        {items.map((item) => {
          const line = tree.line(item.index);
          if (!line) return null;
          const style = { transform: `translateY(${rowTop(item.index)}px)`, width: totalWidth };
          const focus = item.index === active ? 'active-line' : '';
          if (line.kind !== 'row') {
            const column = line.kind === 'group' ? groupBy[line.path.length - 1]! : null;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 1}
                aria-level={line.depth + 1}
                aria-expanded={line.kind === 'group' ? line.expanded : undefined}
                className={`grid-row group-line gl-${line.kind}${focus ? ` ${focus}` : ''}`}
                style={style}
                data-testid={line.kind === 'group' ? 'group-row' : undefined}
                onClick={() => activate(line, item.index)}
              >
                <div role="gridcell" className="gl-cell" style={{ paddingLeft: 8 + line.depth * INDENT }}>
                  {line.kind === 'group' && column ? (
                    <>
                      <span className="gl-toggle" aria-hidden>
                        {line.expanded ? '▾' : '▸'}
                      </span>
                      <span className="gl-column">{columnLabel(column, timeMode)}:</span> <GroupValueText column={column} value={line.path[line.path.length - 1]!} mode={timeMode} />
                      <span className="gl-count" data-testid="group-count">
                        {formatCount(line.count)}
                      </span>
                    </>
                  ) : line.kind === 'more' ? (
                    <span className="btn link small">
                      Show {formatCount(Math.min(200, line.remaining))} more groups ({formatCount(line.remaining)} not shown)
                    </span>
                  ) : line.kind === 'note' ? (
                    <span className="muted">{line.text}</span>
                  ) : null}
                </div>
              </div>
            );
          }
          const row = line.cache.row(line.index);
          return (
            <GridRow
              key={item.key}
              {...place(item.index)}
              width={totalWidth}
              {...signinItem(row, statusAt)}
              selected={row !== undefined && row.rid === selectedRid}
              kind="grouped-signin"
              state={focus || undefined}
              cells={atDepth(line.depth).cells}
              onMouseDown={onSigninMouseDown}
            />
          );
        })}
      </ScrollBody>
      {summary && summary.signins === 0 && <div className="grid-empty">No sign-ins match the filter.</div>}
    </div>
  );
}

function GroupValueText({ column, value, mode }: { column: string; value: GroupValue; mode: Parameters<typeof formatCell>[2] }) {
  const text = formatCell(column, value, mode);
  if (value === null || text === '') return <span className="gl-value muted">{column === 'starred' ? 'not starred' : '(empty)'}</span>;
  return (
    <span className="gl-value" title={text}>
      {text}
    </span>
  );
}
