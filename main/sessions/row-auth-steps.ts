// A sign-in's authentication steps, from the record's own authenticationDetails (kept as shared JSON
// strings, parsed once per distinct value), else from a portal AuthDetails CSV companion, else
// from the MFA columns of the export.
import type { CaseDb } from '../db/case-db';

export interface RowStep {
  method: string;
  succeeded: boolean | null;
  result: string | null;
  requirement: string | null;
}

export class RowStepReader {
  private readonly parsed = new Map<number, RowStep[]>();
  private readonly csvSteps = new Map<string, RowStep[]>();

  constructor(private readonly text: (id: number | null) => string | null, caseDb: CaseDb) {
    const rows = caseDb.all('SELECT request_id, method, succeeded, result_detail, requirement FROM csv_auth_steps ORDER BY request_id, seq');
    for (const [requestId, method, succeeded, result, requirement] of rows as (string | number | null)[][]) {
      const list = this.csvSteps.get(String(requestId)) ?? [];
      list.push({ method: String(method ?? 'Unknown'), succeeded: succeeded === null ? null : Number(succeeded) === 1, result: result as string | null, requirement: requirement as string | null });
      this.csvSteps.set(String(requestId), list);
    }
  }

  steps(authStepsK: number | null, requestId: string | null, mfaMethodK: number | null, mfaResultK: number | null): RowStep[] {
    if (authStepsK !== null) return this.fromRecord(authStepsK);
    const csv = requestId ? this.csvSteps.get(requestId) : undefined;
    if (csv) return csv;
    const method = this.text(mfaMethodK);
    const result = this.text(mfaResultK);
    if (!method && !result) return [];
    return [{ method: method ?? 'Multifactor authentication', succeeded: successOf(result), result, requirement: 'Multifactor authentication' }];
  }

  private fromRecord(id: number): RowStep[] {
    let steps = this.parsed.get(id);
    if (!steps) {
      steps = parseSteps(this.text(id));
      this.parsed.set(id, steps);
    }
    return steps;
  }
}

function parseSteps(json: string | null): RowStep[] {
  if (!json) return [];
  try {
    const list = JSON.parse(json) as { method?: string | null; succeeded?: boolean | null; result?: string | null; requirement?: string | null }[];
    return list.map((s) => ({ method: s.method ?? 'Unknown', succeeded: s.succeeded ?? null, result: s.result ?? null, requirement: s.requirement ?? null }));
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
