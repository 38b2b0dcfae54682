// Conditional Access policies of one sign-in (enforced or report-only): one compact item per policy,
// the ones that applied (success/failure) first, as the admin center's list reads in a narrow pane.
import { vocabularyLabel } from '../../../shared/model/vocabulary';
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
const applied = (p: Values) => /success|failure|interrupted/i.test(str(p.result));

export function PolicyTable({ policies, empty }: { policies: Values[]; empty: string }) {
  if (policies.length === 0) return <p className="muted pad">{empty}</p>;
  const ordered = [...policies.filter(applied), ...policies.filter((p) => !applied(p))];
  const appliedCount = policies.filter(applied).length;
  return (
    <>
      <div className="muted small list-summary">
        {appliedCount} applied · {policies.length - appliedCount} not applied
      </div>
      <ul className="item-list" data-testid="policy-list">
        {ordered.map((p, i) => {
          const result = str(p.result);
          return (
            <li key={`${str(p.policy_id)}-${i}`} className={`item${applied(p) ? '' : ' dim'}`}>
              <div className="item-head">
                <span className="item-title">{str(p.policy_name) || '(unnamed policy)'}</span>
                <span className={`badge ${RESULT_CLASS[result] ?? 'muted'}`}>{result ? vocabularyLabel('policyResult', result) : '—'}</span>
              </div>
              <div className="item-sub">
                <span className="muted">Grant</span> {str(p.enforced_grant_controls) || '—'} <span className="muted">· Session</span> {str(p.enforced_session_controls) || '—'}
              </div>
              <div className="item-id mono muted" title={str(p.policy_id)}>
                {str(p.policy_id)}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function isReportOnly(policy: Values): boolean {
  return str(policy.result).startsWith('reportOnly');
}
