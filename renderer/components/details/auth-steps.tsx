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
        <table className="table">
          <thead>
            <tr>
              <th>#</th>
              <th>Method</th>
              <th>Detail</th>
              <th>Succeeded</th>
              <th>Result</th>
              <th>Requirement</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s, i) => {
              const ok = s.succeeded === 1 || s.succeeded === 'true';
              const failed = s.succeeded === 0 || s.succeeded === 'false';
              const at = toMs(s.step_at);
              return (
                <tr key={i}>
                  <td className="mono">{str(s.seq ?? i + 1)}</td>
                  <td>
                    {str(s.method)}
                    {at !== null && <div className="muted small mono">{formatDateTime(at, mode)}</div>}
                  </td>
                  <td>{str(s.method_detail)}</td>
                  <td>{ok ? <span className="badge ok">Yes</span> : failed ? <span className="badge bad">No</span> : <span className="muted">—</span>}</td>
                  <td>{str(s.result_detail)}</td>
                  <td>{formatCell('authentication_requirement', s.requirement ?? null, mode)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
