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

export const AGGREGATE_COLUMNS: readonly AggregateColumn[] = [
  { id: 'window', label: 'Window start', width: 150, className: 'mono', cell: (r, m) => formatDateTime(r.windowStart, m).slice(0, 16) },
  { id: 'count', label: '# sign-ins', width: 84, className: 'num', cell: (r) => formatCount(r.count) },
  { id: 'app', label: 'Application', width: 200, cell: (r) => empty(r.app), title: (r) => r.app ?? '' },
  { id: 'user', label: 'User / service principal', width: 230, cell: whoCell, title: (r) => (r.servicePrincipal ? `Service principal: ${r.user ?? '—'}` : (r.user ?? '')) },
  { id: 'ip', label: 'IP address', width: 150, className: 'mono', cell: (r) => empty(r.ip) },
  { id: 'status', label: 'Status', width: 90, className: 'gc-status', cell: (r) => empty(r.status) },
  { id: 'resource', label: 'Resource', width: 200, cell: (r) => empty(r.resource), title: (r) => r.resource ?? '' },
  { id: 'first', label: 'First', width: 150, className: 'mono', cell: (r, m) => formatDateTime(r.first, m) },
  { id: 'last', label: 'Last', width: 150, className: 'mono', cell: (r, m) => formatDateTime(r.last, m) },
];

export const AGGREGATE_TABLE_WIDTH = AGGREGATE_COLUMNS.reduce((w, c) => w + c.width, 0);
