// Conditional Access policies of one sign-in (enforced or report-only), one row per policy.
import type { Values } from './field-list';

const RESULT_CLASS: Record<string, string> = {
  success: 'ok',
  reportOnlySuccess: 'ok',
  failure: 'bad',
  reportOnlyFailure: 'bad',
  reportOnlyInterrupted: 'warn',
  notApplied: 'muted',
  reportOnlyNotApplied: 'muted',
  notEnabled: 'muted',
};

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function PolicyTable({ policies, empty }: { policies: Values[]; empty: string }) {
  if (policies.length === 0) return <p className="muted pad">{empty}</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Policy</th>
          <th>Result</th>
          <th>Grant controls</th>
          <th>Session controls</th>
        </tr>
      </thead>
      <tbody>
        {policies.map((p, i) => {
          const result = str(p.result);
          return (
            <tr key={`${str(p.policy_id)}-${i}`}>
              <td>
                <div>{str(p.policy_name) || <span className="muted">(unnamed)</span>}</div>
                <div className="mono muted small">{str(p.policy_id)}</div>
              </td>
              <td>
                <span className={`badge ${RESULT_CLASS[result] ?? 'muted'}`}>{result || '—'}</span>
              </td>
              <td>{str(p.enforced_grant_controls)}</td>
              <td>{str(p.enforced_session_controls)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function isReportOnly(policy: Values): boolean {
  return str(policy.result).startsWith('reportOnly');
}
