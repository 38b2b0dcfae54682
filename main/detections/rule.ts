// What a detection rule is: metadata shown in the rules panel and docs, adjustable numeric
// thresholds with bounds, and a synchronous run over the case (sql.js has no async API).
import type { Finding, Severity } from '../../shared/model/detection';
import type { CaseDb } from '../db/case-db';

export interface ParamDef {
  readonly label: string;
  readonly unit: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

export type ParamDefs = Readonly<Record<string, ParamDef>>;
export type ParamValues<D extends ParamDefs> = { readonly [K in keyof D]: number };

export interface DetectionRule<D extends ParamDefs = ParamDefs> {
  readonly id: string;
  readonly title: string;
  /** The usual severity; findings may be raised (e.g. a success follows) or lowered. */
  readonly severity: Severity;
  readonly description: string;
  /** The logic in words, with the thresholds named as parameters. */
  readonly logic: string;
  /** The public rules it follows (Sentinel, Sigma, Microsoft-Analyzer-Suite...). */
  readonly references: readonly string[];
  readonly falsePositives: readonly string[];
  readonly params: D;
  /** Set-based SQL plus light JS; checks `signal` between its statements. */
  run(db: CaseDb, params: ParamValues<D>, signal: AbortSignal): Finding[];
}

/** Identity helper that keeps the parameter keys typed inside `run`. */
export function defineRule<D extends ParamDefs>(rule: DetectionRule<D>): DetectionRule<D> {
  return rule;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
