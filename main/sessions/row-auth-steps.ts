// A sign-in's authentication steps, from the record's own authenticationDetails (compact JSON,
// parsed once per distinct value), else from a portal AuthDetails CSV companion, else from the
// MFA columns of the export.
import type { CaseDb } from '../db/case-db';
import { NUM_NULL, STR, STR_NULL, type SqlValue } from '../db/row-spec';
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
    const params: SqlValue[] = [];
    const sql = `SELECT request_id, method, succeeded, result_detail FROM csv_auth_steps WHERE ${inList('request_id', requestIds, params)} ORDER BY request_id, seq`;
    caseDb.forEach(sql, params, { request_id: STR, method: STR_NULL, succeeded: NUM_NULL, result_detail: STR_NULL }, (r) => {
      const list = this.csvSteps.get(r.request_id) ?? [];
      list.push({ method: r.method ?? 'Unknown', succeeded: r.succeeded === null ? null : r.succeeded === 1, result: r.result_detail });
      this.csvSteps.set(r.request_id, list);
    });
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
