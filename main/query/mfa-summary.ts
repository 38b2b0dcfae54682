// MFA volume by method and how often it succeeded. A method succeeded when its authentication step
// did: read from the row's step list (JSON records), else from the portal's AuthDetails companion
// (csv_auth_steps, by request id), else from the "MFA result" text of the row (portal CSV alone).
import type { CaseDb } from '../db/case-db';
import type { WhereClause } from './filters';
import { stringValues } from './string-values';

export interface MfaVolume {
  method: string;
  total: number;
  succeeded: number;
}

interface StepJson {
  method?: string | null;
  succeeded?: boolean | null;
}

export function mfaVolume(caseDb: CaseDb, where: WhereClause): MfaVolume[] {
  // Grouping by the step-list id keeps the work per distinct step list, not per row.
  const groups = caseDb.all(
    `SELECT d.mfa_method_k, d.mfa_result_k, d.auth_steps_k,
       CASE WHEN d.auth_steps_k IS NULL THEN
         (SELECT max(c.succeeded = 1 AND c.method = (SELECT value FROM strings WHERE id = d.mfa_method_k)) FROM csv_auth_steps c WHERE c.request_id = d.id)
       END AS csv_ok,
       count(*)
     FROM signin_data d WHERE ${where.sql} AND d.mfa_method_k IS NOT NULL
     GROUP BY d.mfa_method_k, d.mfa_result_k, d.auth_steps_k, csv_ok`,
    where.params,
  ) as [number, number | null, number | null, number | null, number][];
  const text = stringValues(caseDb, groups.flatMap(([m, r, s]) => [m, r, s].filter((x): x is number => x !== null)));
  const byMethod = new Map<string, MfaVolume>();
  for (const [methodId, resultId, stepsId, csvOk, count] of groups) {
    const method = text.get(methodId) ?? '';
    const entry = byMethod.get(method) ?? { method, total: 0, succeeded: 0 };
    byMethod.set(method, entry);
    entry.total += count;
    const ok =
      stepsId !== null ? stepSucceeded(text.get(stepsId), method) : csvOk !== null ? csvOk === 1 : resultSaysSuccess(resultId === null ? null : (text.get(resultId) ?? null));
    if (ok) entry.succeeded += count;
  }
  return [...byMethod.values()].sort((a, b) => b.total - a.total || a.method.localeCompare(b.method));
}

function stepSucceeded(json: string | undefined, method: string): boolean {
  try {
    const steps = JSON.parse(json ?? '[]') as StepJson[];
    return steps.some((s) => s.method === method && s.succeeded === true);
  } catch {
    return false;
  }
}

/** Wording of the admin center's "Multifactor authentication result" column. */
export function resultSaysSuccess(result: string | null): boolean {
  if (!result) return false;
  if (/denied|declin|fail|did not|not (pass|respond|complete)|timed? ?out|invalid|incorrect|blocked|fraud|expired/i.test(result)) return false;
  return /success|completed|satisfied|approved|passed/i.test(result);
}
