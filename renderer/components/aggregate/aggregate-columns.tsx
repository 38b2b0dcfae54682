// The aggregated table's columns: the admin center's (application, user or service principal, IP,
// status, resource, # sign-ins) plus the window and the group's first and last sign-in.
import type { ReactNode } from 'react';
import { formatCount } from '../../format/numbers';
import { formatDateTime } from '../../format/time';
import type { TimeMode } from '../../store/ui-slice';
import type { AggregateRow } from './group-filter';
import type { ListColumn } from '../grid/column-cells';

export interface AggregateColumn extends ListColumn<AggregateRow> {
  label: string;
  /** The narrowest it may get when the pane is narrow (its full text stays in the tooltip). */
  min: number;
}

const empty = (value: string | null): ReactNode => value ?? <span className="muted">—</span>;

/** Service principals sign in without a user: say which it is. */
function whoCell(row: AggregateRow): ReactNode {
  if (!row.servicePrincipal) return empty(row.user);
  return (
    <>
      <span className="agg-sp">SP</span> {empty(row.user)}
    </>
  );
}

/** First / last sign-in of the group: the window start gives the date, the time of day is what differs. */
const timeOfDay = (ms: number, mode: TimeMode) => formatDateTime(ms, mode).slice(11);

export const AGGREGATE_COLUMNS: readonly AggregateColumn[] = [
  { id: 'window', label: 'Window start', width: 150, min: 140, className: 'mono', cell: (r, m) => formatDateTime(r.windowStart, m).slice(0, 16) },
  { id: 'count', label: 'Sign-ins', width: 84, min: 76, className: 'num', cell: (r) => formatCount(r.count) },
  { id: 'app', label: 'Application', width: 200, min: 100, cell: (r) => empty(r.app), title: (r) => r.app ?? '' },
  { id: 'user', label: 'User / service principal', width: 230, min: 130, cell: whoCell, title: (r) => (r.servicePrincipal ? `Service principal: ${r.user ?? '—'}` : (r.user ?? '')) },
  { id: 'ip', label: 'IP address', width: 150, min: 124, className: 'mono', cell: (r) => empty(r.ip), title: (r) => r.ip ?? '' },
  { id: 'status', label: 'Status', width: 90, min: 84, className: 'gc-status', cell: (r) => empty(r.status) },
  { id: 'resource', label: 'Resource', width: 200, min: 100, cell: (r) => empty(r.resource), title: (r) => r.resource ?? '' },
  { id: 'first', label: 'First', width: 84, min: 78, className: 'mono', cell: (r, m) => timeOfDay(r.first, m), title: (r, m) => formatDateTime(r.first, m) },
  { id: 'last', label: 'Last', width: 84, min: 78, className: 'mono', cell: (r, m) => timeOfDay(r.last, m), title: (r, m) => formatDateTime(r.last, m) },
];

/** Dropped in this order when even the minimum widths do not fit (the row's tooltip keeps first / last). */
const DROP_ORDER = ['last', 'first', 'resource'];

/**
 * The columns sized to the pane: wider than their preferred widths when there is room (the text
 * columns take it), narrower down to their minimums when there is not (each gives up a share of
 * its slack), and the least needed dropped when even the minimums do not fit.
 */
export function fitAggregateColumns(available: number): AggregateColumn[] {
  if (available <= 0) return [...AGGREGATE_COLUMNS];
  let columns = [...AGGREGATE_COLUMNS];
  for (const id of DROP_ORDER) {
    if (columns.reduce((w, c) => w + c.min, 0) <= available) break;
    columns = columns.filter((c) => c.id !== id);
  }
  const preferred = columns.reduce((w, c) => w + c.width, 0);
  if (available >= preferred) {
    const grow = columns.filter((c) => ['app', 'user', 'resource'].includes(c.id)).map((c) => c.id);
    const extra = Math.floor((available - preferred) / grow.length);
    return columns.map((c) => (grow.includes(c.id) ? { ...c, width: c.width + extra } : c));
  }
  const slack = columns.reduce((w, c) => w + c.width - c.min, 0);
  const keep = Math.max(0, (available - (preferred - slack)) / slack);
  return columns.map((c) => ({ ...c, width: Math.floor(c.min + (c.width - c.min) * keep) }));
}

export const aggregateTableWidth = (columns: readonly AggregateColumn[]) => columns.reduce((w, c) => w + c.width, 0);
