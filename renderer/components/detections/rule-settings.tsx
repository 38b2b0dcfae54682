// A rule's enabled flag and thresholds, checked against their bounds before they are sent (the
// backend checks them again); a changed threshold applies from the next run.
import { useState } from 'react';
import type { RuleInfo, RuleParamInfo } from '../../../shared/model/detection';
import { saveRuleSettings } from '../../actions/detections';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';

function problemOf(param: RuleParamInfo, text: string): string | null {
  if (text.trim() === '') return 'Enter a number.';
  const n = Number(text);
  if (!Number.isFinite(n)) return 'Not a number.';
  if (param.integer && !Number.isInteger(n)) return 'Must be a whole number.';
  if (n < param.min || n > param.max) return `Must be between ${formatCount(param.min)} and ${formatCount(param.max)}.`;
  return null;
}

export function RuleSettings({ rule }: { rule: RuleInfo }) {
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(rule.params.map((p) => [p.key, String(p.value)])));
  const [serverError, setServerError] = useState<string | null>(null);
  const problems = Object.fromEntries(rule.params.map((p) => [p.key, problemOf(p, texts[p.key] ?? '')]));
  const changed = rule.params.filter((p) => Number(texts[p.key]) !== p.value);
  const valid = rule.params.every((p) => problems[p.key] === null);
  const customized = rule.params.some((p) => p.value !== p.default);

  const send = async (change: { enabled?: boolean; params?: Record<string, number | null> }, message: string) => {
    setServerError(null);
    try {
      const info = await saveRuleSettings({ ruleId: rule.id, ...change });
      setTexts(Object.fromEntries(info.params.map((p) => [p.key, String(p.value)])));
      useStore.getState().notify('info', message);
    } catch (e) {
      setServerError((e as Error).message);
    }
  };
  const apply = () => void send({ params: Object.fromEntries(changed.map((p) => [p.key, Number(texts[p.key])])) }, `${rule.title}: thresholds saved. Run detections again to apply them.`);
  const reset = () => void send({ params: Object.fromEntries(rule.params.map((p) => [p.key, null])) }, `${rule.title}: thresholds back to their defaults.`);

  return (
    <div className="rule-settings" data-testid="rule-settings">
      <label className="check-row">
        <input
          type="checkbox"
          checked={rule.enabled}
          onChange={(e) => void send({ enabled: e.target.checked }, `${rule.title} ${e.target.checked ? 'enabled' : 'disabled'}.`)}
          data-testid="rule-enabled"
        />
        <span>Run this rule</span>
      </label>
      {rule.params.map((p) => (
        <div className={`param-row${problems[p.key] ? ' invalid' : ''}`} key={p.key}>
          <label className="param-label" htmlFor={`param-${rule.id}-${p.key}`}>
            {p.label}
            <span className="mono muted small"> {p.key}</span>
          </label>
          <div className="param-input">
            <input
              id={`param-${rule.id}-${p.key}`}
              className={`input num${problems[p.key] ? ' invalid' : ''}`}
              inputMode="decimal"
              value={texts[p.key] ?? ''}
              onChange={(e) => setTexts((t) => ({ ...t, [p.key]: e.target.value }))}
              onKeyDown={(e) => e.key === 'Enter' && valid && changed.length > 0 && apply()}
              data-testid={`param-${p.key}`}
            />
            <span className="muted small">{p.unit}</span>
          </div>
          <div className="param-hint small">
            {problems[p.key] ? (
              <span className="error">{problems[p.key]}</span>
            ) : (
              <span className="muted">
                default {formatCount(p.default)} · {formatCount(p.min)} to {formatCount(p.max)}
                {p.integer ? ', whole' : ''}
              </span>
            )}
          </div>
        </div>
      ))}
      {rule.params.length === 0 && <p className="muted small">This rule has no adjustable threshold.</p>}
      {serverError && <div className="error small">{serverError}</div>}
      {rule.params.length > 0 && (
        <div className="param-actions">
          <button className="btn small primary" disabled={!valid || changed.length === 0} onClick={apply} data-testid="param-apply">
            Save thresholds
          </button>
          <button className="btn small" disabled={!customized} onClick={reset}>
            Reset to defaults
          </button>
        </div>
      )}
    </div>
  );
}
