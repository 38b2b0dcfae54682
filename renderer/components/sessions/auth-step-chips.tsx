// A session's authentication as a compact sequence: password → MFA method → outcome, one chip per
// step coloured by its result; the full method and detail are in the tooltip.
import type { SessionSummary } from '../../../shared/model/session';
import { statusClass } from '../../format/cells';

type Step = SessionSummary['authSteps'][number];

const SHORT: Record<string, string> = {
  'Mobile app notification': 'Push',
  'OATH verification code': 'OATH code',
  'Text message': 'SMS',
  'Phone call approval (Authentication phone)': 'Call',
  'Previously satisfied': 'Claim',
  'Passwordless phone sign-in': 'Passwordless',
  'Windows Hello for Business': 'WHfB',
  'FIDO2 security key': 'FIDO2',
  'Multifactor authentication': 'MFA',
};

export function shortMethod(method: string): string {
  return SHORT[method] ?? method;
}

function stepClass(step: Step): string {
  return step.succeeded === true ? 'ok' : step.succeeded === false ? 'bad' : 'unknown';
}

export function AuthStepChips({ steps, status, code }: { steps: Step[]; status?: string; code?: number | null }) {
  return (
    <span className="auth-seq">
      {steps.length === 0 && <span className="muted small">no steps</span>}
      {steps.map((s, i) => (
        <span key={i} className="auth-seq-item">
          {i > 0 && <span className="auth-arrow">›</span>}
          <span className={`auth-chip ${stepClass(s)}`} title={`${s.method}${s.detail ? ` — ${s.detail}` : ''}`}>
            {shortMethod(s.method)}
          </span>
        </span>
      ))}
      {status !== undefined && (
        <span className="auth-seq-item">
          <span className="auth-arrow">›</span>
          <OutcomePill status={status} code={code ?? null} />
        </span>
      )}
    </span>
  );
}

export function OutcomePill({ status, code }: { status: string; code: number | null }) {
  return (
    <span className={`outcome-pill ${statusClass(status)}`} title={code !== null && code !== 0 ? `${status} (error ${code})` : status}>
      {status || 'Unknown'}
      {code !== null && code !== 0 && <span className="outcome-code">{code}</span>}
    </span>
  );
}
