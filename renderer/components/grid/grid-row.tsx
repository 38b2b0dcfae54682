// One row of every virtual list (the sign-ins grid, the grouped grid's sign-ins, the session list):
// position, status colour, selection, striping and a placeholder while its page loads; the list
// draws the cells. Memoized: while scrolling, a row already on screen renders again only when its
// own item, state or position changes, so `cells`, `onMouseDown` and `dataOf` must be stable.
// A loading row has no cells at all (its bars are its background, or LoadingBands behind it): a
// scrollbar drag moves empty rows from frame to frame, one element each.
import { memo, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import { statusClass, type CellValue } from '../../format/cells';

export interface GridRowProps<T> {
  /** Position in the list (aria-rowindex is one more). */
  index: number;
  /** Offset inside the row layer (see useScaledVirtualizer), in px. */
  top: number;
  width: number;
  /** Undefined while the row's page loads: drawn as a placeholder, without cells. */
  item: T | undefined;
  /** The status that colours the row. */
  status: CellValue;
  selected: boolean;
  /** The list's own row class (`session-row`, `grouped-signin`). */
  kind?: string;
  /** Extra state classes (`cursor`, `active-line`). */
  state?: string;
  /** The loading look (placeholderBars), drawn while `item` is undefined; none where LoadingBands draws it. */
  placeholder?: CSSProperties;
  /** Shade odd rows. */
  striped?: boolean;
  /** Handed to `cells` (the grid's focused column on the cursor row); -1 for none. */
  focus?: number;
  cells: (item: T, focus: number) => ReactNode;
  onMouseDown?: (e: MouseEvent, index: number, item: T | undefined) => void;
  /** data-* attributes of a loaded row. */
  dataOf?: (item: T) => Record<`data-${string}`, string | number>;
}

function GridRowView<T>({ index, top, width, item, status, selected, kind, state, placeholder, striped, focus = -1, cells, onMouseDown, dataOf }: GridRowProps<T>) {
  const classes = ['grid-row', kind, item === undefined ? 'loading' : statusClass(status), selected && 'selected', state, striped && index % 2 ? 'odd' : undefined];
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      aria-selected={selected}
      aria-busy={item === undefined || undefined}
      className={classes.filter(Boolean).join(' ')}
      style={item === undefined ? { transform: `translateY(${top}px)`, width, ...placeholder } : { transform: `translateY(${top}px)`, width }}
      onMouseDown={onMouseDown && ((e) => onMouseDown(e, index, item))}
      {...(item !== undefined && dataOf ? dataOf(item) : {})}
    >
      {item !== undefined && cells(item, focus)}
    </div>
  );
}

export const GridRow = memo(GridRowView) as <T>(props: GridRowProps<T>) => ReactNode;

const BAR_COLOR = 'rgba(var(--c-overlay-rgb), 0.05)';
const CELL_PADDING = 8;
const BAR_HEIGHT = 6;

/**
 * A loading row's look: a short bar in each cell, drawn as a background so that a page arriving
 * changes one style rather than one per cell. `widths`: the cells' widths in order; `indent`: px
 * before the first cell (nested rows). With `tileHeight` (the row height) the bars repeat downwards
 * row after row, to cover a whole run of loading rows from one element (LoadingBands), placed as
 * a row's own bars would be: centred in its padding box (its 1 px bottom border left out).
 */
export function placeholderBars(widths: readonly number[], indent = 0, tileHeight?: number): CSSProperties {
  const top = tileHeight === undefined ? 0 : Math.round((tileHeight - 1 - BAR_HEIGHT) / 2);
  const bar = `linear-gradient(transparent ${top}px, ${BAR_COLOR} ${top}px, ${BAR_COLOR} ${top + BAR_HEIGHT}px, transparent ${top + BAR_HEIGHT}px)`;
  const positions: string[] = [];
  const sizes: string[] = [];
  let x = indent;
  for (const width of widths) {
    positions.push(`${x + CELL_PADDING}px ${tileHeight === undefined ? '50%' : '0'}`);
    sizes.push(`${Math.max(0, (width - 2 * CELL_PADDING) * 0.6)}px ${tileHeight ?? BAR_HEIGHT}px`);
    x += width;
  }
  return {
    backgroundImage: widths.map(() => bar).join(', '),
    backgroundPosition: positions.join(', '),
    backgroundSize: sizes.join(', '),
    backgroundRepeat: tileHeight === undefined ? 'no-repeat' : 'repeat-y',
  };
}
