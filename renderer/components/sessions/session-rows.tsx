// A session's sign-ins in time order (record.get per row, the first MAX_ROWS only: a session is
// a handful of rows; "Show in grid" lists them all).
import { Fragment, useEffect, useState } from 'react';
import type { Res } from '../../../shared/api/contract';
import { fetchRecord } from '../../actions/query';
import { statusClass } from '../../format/cells';
import { formatCount } from '../../format/numbers';
import { formatDateTime, toMs } from '../../format/time';
import { useStore } from '../../store/store';
import type { TimeMode } from '../../store/ui-slice';
import { AuthStepChips } from './auth-step-chips';
import { CaResult } from './ca-result';

export const MAX_ROWS = 50;

type Values = Res<'record.get'>['values'];
type Step = Res<'record.get'>['authSteps'][number];

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const truthy = (v: unknown) => (v === 1 || v === 'true' || v === true ? true : v === 0 || v === 'false' || v === false ? false : null);

function useRecords(rids: readonly number[]): { records: Res<'record.get'>[] | null; error: string | null } {
  const [state, setState] = useState<{ key: string; records: Res<'record.get'>[] | null; error: string | null }>({ key: '', records: null, error: null });
  const key = rids.slice(0, MAX_ROWS).join(',');
  useEffect(() => {
    let live = true;
    Promise.all(rids.slice(0, MAX_ROWS).map((rid) => fetchRecord({ rid }))).then(
      (records) => live && setState({ key, records, error: null }),
      (err: Error) => live && setState({ key, records: null, error: err.message }),
    );
    return () => {
      live = false;
    };
  }, [key]); // `key` stands for the rids
  return state.key === key ? state : { records: null, error: null };
}

function steps(list: Step[]) {
  return list.map((s) => ({ method: text(s.method) || 'Unknown', succeeded: truthy(s.succeeded), detail: text(s.result_detail) || null }));
}

/** Time of day; milliseconds only when the log has them (most exports round to the second). */
function clock(ms: number, mode: TimeMode): string {
  return formatDateTime(ms, mode, ms % 1000 !== 0).slice(11);
}

function place(v: Values): string {
  return [text(v.city), text(v.state), text(v.country)].filter(Boolean).join(', ');
}

export function SessionRows({ rids }: { rids: readonly number[] }) {
  const mode = useStore((s) => s.timeMode);
  const { records, error } = useRecords(rids);
  if (error) return <p className="error small">{error}</p>;
  if (!records) return <p className="muted small">Loading sign-ins…</p>;
  return (
    <>
      <table className="table compact session-rows" data-testid="session-rows">
        <thead>
          <tr>
            <th>Time</th>
            <th>Status</th>
            <th>Application</th>
            <th>IP address</th>
            <th>Authentication</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r, i) => {
            const v = r.values;
            const at = toMs(v.created_at);
            const code = Number(v.status_code ?? 0);
            // Each sign-in's Conditional Access outcome on a line of its own under it (the pane is narrow).
            return (
              <Fragment key={rids[i]}>
                <tr className={statusClass(v.status)}>
                  <td className="mono nowrap">{at === null ? '' : clock(at, mode)}</td>
                  <td className="nowrap">
                    <span className={`dot ${statusClass(v.status)}`} /> {text(v.status)}
                    {code !== 0 && (
                      <span className="muted mono" title={r.errorMeaning ?? undefined}>
                        {' '}
                        {code}
                      </span>
                    )}
                  </td>
                  <td className="clip" title={`${text(v.app_display_name)} → ${text(v.resource_display_name)}`}>
                    {text(v.app_display_name)}
                  </td>
                  <td className="nowrap" title={place(v)}>
                    <span className="mono">{text(v.ip_address)}</span> <span className="muted">{text(v.country)}</span>
                  </td>
                  <td>
                    <AuthStepChips steps={steps(r.authSteps)} />
                  </td>
                </tr>
                <tr className={`ca-row ${statusClass(v.status)}`}>
                  <td colSpan={5} data-testid="session-ca">
                    <CaResult status={text(v.conditional_access_status)} policies={r.caPolicies} />
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {rids.length > MAX_ROWS && (
        <p className="muted small">
          First {MAX_ROWS} of {formatCount(rids.length)} sign-ins — “Show in grid” lists them all.
        </p>
      )}
    </>
  );
}
