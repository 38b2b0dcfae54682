// Per-case rule settings (enabled, adjusted thresholds), kept in case_meta so they travel with the
// case file. Every value is validated against the rule's bounds before it is stored or used.
import type { RuleInfo } from '../../shared/model/detection';
import type { CaseDb } from '../db/case-db';
import { RULE_BY_ID, RULES } from './registry';
import type { DetectionRule, ParamDef } from './rule';

const META_KEY = 'detection_settings';

interface RuleSettings {
  enabled?: boolean;
  params?: Record<string, number>;
}
type Settings = Record<string, RuleSettings>;

export class InvalidSettingError extends Error {}

export function loadSettings(db: CaseDb): Settings {
  const raw = db.meta(META_KEY);
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Settings) : {};
  } catch {
    return {}; // a hand-edited case with broken settings falls back to the defaults
  }
}

/** Effective thresholds of a rule: stored values that are still valid, defaults otherwise. */
export function resolveParams(rule: DetectionRule, settings: Settings): Record<string, number> {
  const stored = settings[rule.id]?.params ?? {};
  const out: Record<string, number> = {};
  for (const [key, def] of Object.entries(rule.params)) {
    const v = stored[key];
    out[key] = typeof v === 'number' && validationError(def, v) === null ? v : def.default;
  }
  return out;
}

export function isEnabled(rule: DetectionRule, settings: Settings): boolean {
  return settings[rule.id]?.enabled ?? true;
}

export function ruleInfo(rule: DetectionRule, settings: Settings): RuleInfo {
  const values = resolveParams(rule, settings);
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    description: rule.description,
    logic: rule.logic,
    references: [...rule.references],
    falsePositives: [...rule.falsePositives],
    enabled: isEnabled(rule, settings),
    params: Object.entries(rule.params).map(([key, def]) => ({ key, label: def.label, unit: def.unit, integer: !!def.integer, min: def.min, max: def.max, default: def.default, value: values[key]! })),
  };
}

export function listRules(db: CaseDb): RuleInfo[] {
  const settings = loadSettings(db);
  return RULES.map((r) => ruleInfo(r, settings));
}

/** Applies a change (null = back to default) after validating all of it; nothing is stored on error. */
export function updateSettings(db: CaseDb, change: { ruleId: string; enabled?: boolean | undefined; params: Record<string, number | null> }): RuleInfo {
  const rule = RULE_BY_ID.get(change.ruleId);
  if (!rule) throw new InvalidSettingError(`unknown rule ${change.ruleId}`);
  const settings = loadSettings(db);
  const current: RuleSettings = { ...settings[rule.id], params: { ...settings[rule.id]?.params } };
  for (const [key, value] of Object.entries(change.params)) {
    const def = rule.params[key];
    if (!def) throw new InvalidSettingError(`rule ${rule.id} has no threshold ${key}`);
    if (value === null) {
      delete current.params![key];
      continue;
    }
    const error = validationError(def, value);
    if (error) throw new InvalidSettingError(`${rule.id}.${key}: ${error}`);
    current.params![key] = value;
  }
  if (change.enabled !== undefined) current.enabled = change.enabled;
  settings[rule.id] = current;
  db.setMeta(META_KEY, JSON.stringify(settings));
  return ruleInfo(rule, settings);
}

function validationError(def: ParamDef, v: number): string | null {
  if (!Number.isFinite(v)) return 'must be a number';
  if (def.integer && !Number.isInteger(v)) return 'must be a whole number';
  if (v < def.min || v > def.max) return `must be between ${def.min} and ${def.max} ${def.unit}`;
  return null;
}
