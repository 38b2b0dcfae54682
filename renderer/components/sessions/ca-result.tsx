// A sign-in's Conditional Access outcome in a session's row: the overall result, then each enforced
// policy that applied (success / failure) with its grant controls. Report-only and not-applied
// policies are counted, not listed: the Conditional Access tab of the sign-in lists them all.
import type { Res } from '../../../shared/api/contract';
import { isReportOnly } from '../details/policy-table';

type Policy = Res<'record.get'>['caPolicies'][number];

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const STATUS_CLASS: Record<string, string> = { success: 'ok', failure: 'bad', notApplied: 'muted' };

export function CaResult({ status, policies }: { status: string; policies: Policy[] }) {
  const enforced = policies.filter((p) => !isReportOnly(p));
  const applied = enforced.filter((p) => /success|failure/i.test(text(p.result)));
  const others = policies.length - applied.length;
  return (
    <div className="ca-result">
      <span className="muted">Conditional Access</span>
      <span className={`badge ${STATUS_CLASS[status] ?? 'muted'}`}>{status || 'not recorded'}</span>
      {applied.map((p, i) => (
        <span
          key={`${text(p.policy_id)}-${i}`}
          className={`ca-policy ${text(p.result) === 'failure' ? 'bad' : 'ok'}`}
          title={`${text(p.policy_name)}: ${text(p.result)} · grant ${text(p.enforced_grant_controls) || '—'} · session ${text(p.enforced_session_controls) || '—'}`}
        >
          {text(p.result) === 'failure' ? '✗' : '✓'} {text(p.policy_name) || '(unnamed policy)'}
          {text(p.enforced_grant_controls) && <span className="muted"> · {text(p.enforced_grant_controls)}</span>}
        </span>
      ))}
      {others > 0 && <span className="muted">{others} not applied or report-only</span>}
    </div>
  );
}
