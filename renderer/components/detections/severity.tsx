// Severity as a coloured badge, and the order findings are ranked in.
import type { Severity } from '../../../shared/model/detection';

export const SEVERITY_RANK: Record<Severity, number> = { informational: 0, low: 1, medium: 2, high: 3 };
const LABELS: Record<Severity, string> = { informational: 'Info', low: 'Low', medium: 'Medium', high: 'High' };

export function severityLabel(severity: Severity): string {
  return LABELS[severity];
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`sev sev-${severity}`} data-severity={severity}>
      {LABELS[severity]}
    </span>
  );
}
