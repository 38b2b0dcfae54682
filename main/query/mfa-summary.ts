// MFA volume by method and how often it succeeded. A method succeeded when its authentication step
// did: read from the row's step list (JSON records), else from the portal's AuthDetails companion
// (csv_auth_steps, by request id), else from the "MFA result" text of the row (portal CSV alone).
// Rows are tallied by (method, result, step list) ids while the overview streams them, so each
// distinct step list is parsed once, not once per row.
import type { CaseDb } from '../db/case-db';
import { stringValues } from '../db/string-text';

export interface MfaVolume {
  method: string;
  total: number;
  succeeded: number;
}

/** Columns the tally reads, in `add()` order (csv_ok: NULL without AuthDetails rows, else 0/1). */
export const MFA_COLUMNS_SQL = `d.mfa_method_k, d.mfa_result_k, d.auth_steps_k,
  CASE WHEN d.mfa_method_k IS NOT NULL AND d.auth_steps_k IS NULL THEN
    (SELECT max(c.succeeded = 1 AND c.method = (SELECT value FROM strings WHERE id = d.mfa_method_k)) FROM csv_auth_steps c WHERE c.request_id = d.id)
  END`;

interface StepJson {
  method?: string | null;
  succeeded?: boolean | null;
}

export class MfaTally {
  private readonly groups = new Map<string, { method: number; result: number | null; steps: number | null; csvOk: number | null; count: number }>();

  add(method: number | null, result: number | null, steps: number | null, csvOk: number | null): void {
    if (method === null) return;
    const key = `${method}|${result}|${steps}|${csvOk}`;
    const g = this.groups.get(key);
    if (g) g.count++;
    else this.groups.set(key, { method, result, steps, csvOk, count: 1 });
  }

  volumes(caseDb: CaseDb): MfaVolume[] {
    const groups = [...this.groups.values()];
    const text = stringValues(
      caseDb,
      groups.flatMap((g) => [g.method, g.result, g.steps].filter((x): x is number => x !== null)),
    );
    const byMethod = new Map<string, MfaVolume>();
    for (const g of groups) {
      const method = text.get(g.method) ?? '';
      const entry = byMethod.get(method) ?? { method, total: 0, succeeded: 0 };
      byMethod.set(method, entry);
      entry.total += g.count;
      const ok = g.steps !== null ? stepSucceeded(text.get(g.steps), method) : g.csvOk !== null ? g.csvOk === 1 : resultSaysSuccess(g.result === null ? null : (text.get(g.result) ?? null));
      if (ok) entry.succeeded += g.count;
    }
    return [...byMethod.values()].sort((a, b) => b.total - a.total || a.method.localeCompare(b.method));
  }
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
