// What a rule looks for and why: description, logic, known false positives and the public rules it
// follows (references are shown as text: this app never opens the network).
import type { RuleInfo } from '../../../shared/model/detection';
import { RuleSettings } from './rule-settings';
import { SeverityBadge } from './severity';

export function RuleDetails({ rule }: { rule: RuleInfo }) {
  return (
    <div className="rule-details" data-testid="rule-details">
      <div className="rule-head">
        <span className="rule-title">{rule.title}</span>
        <span className="muted small">usual severity</span>
        <SeverityBadge severity={rule.severity} />
        <span className="mono muted small">{rule.id}</span>
      </div>
      <p className="rule-text">{rule.description}</p>
      <h4 className="section-title">Logic</h4>
      <p className="rule-text">{rule.logic}</p>
      <h4 className="section-title">Thresholds</h4>
      <RuleSettings key={rule.id} rule={rule} />
      {rule.falsePositives.length > 0 && (
        <>
          <h4 className="section-title">Known false positives</h4>
          <ul className="rule-list">
            {rule.falsePositives.map((fp) => (
              <li key={fp}>{fp}</li>
            ))}
          </ul>
        </>
      )}
      {rule.references.length > 0 && (
        <>
          <h4 className="section-title">Follows</h4>
          <ul className="rule-list refs">
            {rule.references.map((r) => (
              <li key={r} className={/^https?:\/\//.test(r) ? 'mono small' : undefined}>
                {r}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
