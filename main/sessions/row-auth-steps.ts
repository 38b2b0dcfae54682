// A sign-in's authentication steps, from the record's own authenticationDetails (compact JSON,
// parsed once per distinct value), else from a portal AuthDetails CSV companion, else from the
// MFA columns of the export.
import type { CaseDb } from '../db/case-db';
import { inList } from '../query/sql-list';

export interface RowStep {
  method: string;
  succeeded: boolean | null;
  result: string | null;
}

export interface StepSources {
  authDetailsJson: string | null;
  requestId: string | null;
  mfaMethod: string | null;
  mfaResult: string | null;
}

export class RowStepReader {
  private readonly parsed = new Map<string, RowStep[]>();
  private readonly csvSteps = new Map<string, RowStep[]>();

  /** Loads the CSV companion steps of these request ids (one indexed query). */
  constructor(caseDb: CaseDb, requestIds: readonly string[]) {
    if (!requestIds.length) return;
    const params: string[] = [];
    const rows = caseDb.all(`SELECT request_id, method, succeeded, result_detail FROM csv_auth_steps WHERE ${inList('request_id', requestIds, params)} ORDER BY request_id, seq`, params);
    for (const [requestId, method, succeeded, result] of rows as (string | number | null)[][]) {
      const list = this.csvSteps.get(String(requestId)) ?? [];
      list.push({ method: String(method ?? 'Unknown'), succeeded: succeeded === null ? null : Number(succeeded) === 1, result: result as string | null });
      this.csvSteps.set(String(requestId), list);
    }
  }

  steps(src: StepSources): RowStep[] {
    if (src.authDetailsJson) return this.fromRecord(src.authDetailsJson);
    const csv = src.requestId ? this.csvSteps.get(src.requestId) : undefined;
    if (csv) return csv;
    if (!src.mfaMethod && !src.mfaResult) return [];
    return [{ method: src.mfaMethod ?? 'Multifactor authentication', succeeded: successOf(src.mfaResult), result: src.mfaResult }];
  }

  private fromRecord(json: string): RowStep[] {
    let steps = this.parsed.get(json);
    if (!steps) {
      steps = parseSteps(json);
      this.parsed.set(json, steps);
    }
    return steps;
  }
}

function parseSteps(json: string): RowStep[] {
  try {
    const list = JSON.parse(json) as { method?: string | null; succeeded?: boolean | null; result?: string | null }[];
    return list.map((s) => ({ method: s.method ?? 'Unknown', succeeded: s.succeeded ?? null, result: s.result ?? null }));
  } catch {
    return [];
  }
}

/** The portal's "MFA result" text: "MFA successfully completed", "MFA denied; ...", "... satisfied by claim". */
function successOf(result: string | null): boolean | null {
  if (!result) return null;
  if (/denied|failed|did not|timed out|not completed/i.test(result)) return false;
  if (/completed|satisfied|success/i.test(result)) return true;
  return null;
}
