// Every rule with its state: enabled, usual severity, current thresholds (changed ones stand out),
// findings stored and how the last run went.
import type { Finding, RuleInfo, RuleRunStat } from '../../../shared/model/detection';
import { formatCount } from '../../format/numbers';
import { useDetectionsView } from './detections-state';
import { SeverityBadge } from './severity';

interface RulesListProps {
  rules: RuleInfo[];
  findings: Finding[];
  lastRun: Map<string, RuleRunStat>;
}

export function RulesList({ rules, findings, lastRun }: RulesListProps) {
  const selected = useDetectionsView((s) => s.selectedRule);
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return (
    <div className="table-wrap findings-wrap" tabIndex={0} role="region" aria-label="Detection rules">
      <table className="table rules-table" data-testid="rules-table">
        <thead>
          <tr>
            <th>Rule</th>
            <th>Usual severity</th>
            <th>Thresholds</th>
            <th className="num">Findings</th>
            <th>Last run</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => {
            const stat = lastRun.get(r.id);
            return (
              <tr key={r.id} data-rule={r.id} className={`${selected === r.id ? 'selected' : ''}${r.enabled ? '' : ' disabled-rule'}`} onClick={() => useDetectionsView.getState().selectRule(r.id)}>
                <td>
                  <div className="finding-title">{r.title}</div>
                  <div className="mono muted small">
                    {r.id}
                    {!r.enabled && <span className="badge tiny">disabled</span>}
                  </div>
                </td>
                <td>
                  <SeverityBadge severity={r.severity} />
                </td>
                <td className="small">
                  {r.params.map((p) => (
                    <span key={p.key} className={`param-pill${p.value !== p.default ? ' changed' : ''}`} title={p.value !== p.default ? `default ${p.default}` : p.label}>
                      {p.label}: {formatCount(p.value)} {p.unit}
                    </span>
                  ))}
                </td>
                <td className="num">{formatCount(counts.get(r.id) ?? 0)}</td>
                <td className="small nowrap">
                  {stat ? (
                    stat.error ? (
                      <span className="error">failed</span>
                    ) : (
                      <span className="muted">{stat.ms < 1000 ? `${Math.round(stat.ms)} ms` : `${(stat.ms / 1000).toFixed(1)} s`}</span>
                    )
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
