// Authentication details, step by step (the record's own list, or the portal CSV AuthDetails file).
import { formatCell } from '../../format/cells';
import { formatDateTime, toMs } from '../../format/time';
import { useStore } from '../../store/store';
import { FieldList, type Values } from './field-list';

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function AuthSteps({ values, steps }: { values: Values; steps: Values[] }) {
  const mode = useStore((s) => s.timeMode);
  return (
    <>
      <FieldList
        values={values}
        fields={[
          { column: 'authentication_requirement', label: 'Authentication requirement', pivot: true },
          { column: 'mfa_method', label: 'MFA auth method', pivot: true },
          { column: 'mfa_result', label: 'MFA result' },
          { column: 'authentication_protocol', label: 'Authentication protocol', pivot: true },
          { column: 'incoming_token_type', label: 'Incoming token type' },
        ]}
      />
      <h4 className="section-title">Steps</h4>
      {steps.length === 0 ? (
        <p className="muted pad">This record carries no authentication steps.</p>
      ) : (
        <ol className="item-list" data-testid="auth-steps">
          {steps.map((s, i) => {
            const ok = s.succeeded === 1 || s.succeeded === 'true';
            const failed = s.succeeded === 0 || s.succeeded === 'false';
            const at = toMs(s.step_at);
            return (
              <li key={i} className="item">
                <div className="item-head">
                  <span className="step-no mono">{i + 1}.</span>
                  <span className="item-title">
                    {str(s.method) || 'Unknown method'}
                    {s.method_detail ? <span className="muted"> · {str(s.method_detail)}</span> : null}
                  </span>
                  {ok ? <span className="badge ok">Succeeded</span> : failed ? <span className="badge bad">Failed</span> : <span className="badge muted">No result</span>}
                </div>
                {s.result_detail ? <div className="item-sub">{str(s.result_detail)}</div> : null}
                <div className="item-id muted small">
                  {formatCell('authentication_requirement', s.requirement ?? null, mode)}
                  {at !== null && <span className="mono"> · {formatDateTime(at, mode)}</span>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
