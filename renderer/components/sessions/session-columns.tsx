// The session list's columns: header, width, the summary field it sorts on, and how a cell reads.
import type { ReactNode } from 'react';
import type { SessionSortColumn, SessionSummary } from '../../../shared/model/session';
import { formatCount } from '../../format/numbers';
import { formatDateTime, formatDuration } from '../../format/time';
import type { TimeMode } from '../../store/ui-slice';
import { AuthStepChips, OutcomePill } from './auth-step-chips';
import { FlagBadges } from './session-flags';
import type { ListColumn } from '../grid/column-cells';

export interface SessionColumn extends ListColumn<SessionSummary> {
  label: string;
  sort?: SessionSortColumn;
}

/** First value, then "+n" for the others. */
export function listText(values: readonly string[], empty = '—'): string {
  if (values.length === 0) return empty;
  return values.length === 1 ? values[0]! : `${values[0]} +${values.length - 1}`;
}

const joined = (values: readonly string[]) => values.join(', ');

/** End time: only the clock when on the same day as the start. */
function endText(s: SessionSummary, mode: TimeMode): string {
  const start = formatDateTime(s.firstMs, mode);
  const end = formatDateTime(s.lastMs, mode);
  return start.slice(0, 10) === end.slice(0, 10) ? end.slice(11) : end;
}

/** Service principals and managed identities sign in without a user: say so, and name the app. */
function userCell(s: SessionSummary): ReactNode {
  if (!s.user) return <span className="muted">no user{s.apps[0] ? ` · ${s.apps[0]}` : ''}</span>;
  return s.users > 1 ? `${s.user} +${s.users - 1}` : s.user;
}

export const SESSION_COLUMNS: readonly SessionColumn[] = [
  { id: 'first', label: 'Start', width: 150, sort: 'firstMs', className: 'mono', cell: (s, m) => formatDateTime(s.firstMs, m) },
  { id: 'last', label: 'End', width: 86, sort: 'lastMs', className: 'mono', cell: endText, title: (s, m) => formatDateTime(s.lastMs, m) },
  { id: 'duration', label: 'Duration', width: 84, sort: 'durationMs', className: 'num', cell: (s) => (s.durationMs === 0 ? '—' : formatDuration(s.durationMs)) },
  { id: 'rows', label: 'Rows', width: 66, sort: 'rows', className: 'num', cell: (s) => formatCount(s.rows) },
  { id: 'user', label: 'User', width: 220, sort: 'user', cell: userCell, title: (s) => s.user },
  { id: 'outcome', label: 'Outcome', width: 118, sort: 'finalStatus', cell: (s) => <OutcomePill status={s.finalStatus} code={s.finalCode} /> },
  { id: 'auth', label: 'Authentication', width: 230, cell: (s) => <AuthStepChips steps={s.authSteps} />, title: (s) => s.authSteps.map((x) => x.method).join(' → ') },
  { id: 'flags', label: 'Flags', width: 230, sort: 'flagCount', cell: (s) => <FlagBadges flags={s.flags} /> },
  { id: 'countries', label: 'Countries', width: 84, sort: 'countryCount', cell: (s) => (s.countries.length ? s.countries.join(' ') : '—'), title: (s) => joined(s.countries) },
  { id: 'ips', label: 'IP addresses', width: 150, sort: 'ipCount', className: 'mono', cell: (s) => listText(s.ips), title: (s) => joined(s.ips) },
  { id: 'apps', label: 'Applications', width: 190, sort: 'appCount', cell: (s) => listText(s.apps), title: (s) => joined(s.apps) },
  { id: 'devices', label: 'Devices', width: 150, cell: (s) => listText(s.devices), title: (s) => joined(s.devices) },
  {
    id: 'linked',
    label: 'Linked',
    width: 62,
    sort: 'linkedSessions',
    className: 'num',
    cell: (s) => (s.linkedSessions > 1 ? formatCount(s.linkedSessions) : '—'),
    title: () => 'Sessions sharing a session id / token with this one',
  },
  { id: 'correlation', label: 'Correlation ID', width: 270, sort: 'correlationId', className: 'mono', cell: (s) => s.correlationId },
];

export const SESSION_LIST_WIDTH = SESSION_COLUMNS.reduce((a, c) => a + c.width, 0);
