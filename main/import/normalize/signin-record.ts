// What every normalizer produces: one sign-in under the catalogue's column keys, plus the
// per-step authentication details and per-policy Conditional Access results (kept as compact JSON).
import type { ColumnKey, SignInType } from '../../../shared/model/columns';

export type CellValue = string | number | null;

/**
 * One sign-in's values under the catalogue's column keys (shared/model/columns.ts, the list the
 * schema's stored columns derive from): a misspelled key in a normalizer does not compile.
 */
export type SigninRow = { [K in ColumnKey]?: CellValue };

export interface AuthStep {
  method: string | null;
  detail: string | null;
  succeeded: boolean | null;
  result: string | null;
  requirement: string | null;
}

export interface CaPolicyResult {
  id: string | null;
  name: string | null;
  result: string | null;
  grant: string | null;
  session: string | null;
}

export interface NormalizedSignin {
  values: SigninRow;
  authSteps: AuthStep[] | null;
  caPolicies: CaPolicyResult[] | null;
  /** Which field `created_at` came from (createdDateTime, time, TimeGenerated, Date (UTC)...). */
  timeSource: string | null;
}

/** Hints a container gives about its records: a diagnostic `category`, an LA `Type`, a CSV file name. */
export interface RecordHints {
  signInType?: SignInType | undefined;
  /** Diagnostic category / Log Analytics table, in diagnostic-settings naming. */
  logCategory?: string | undefined;
  fallbackTimeMs?: number | null;
  fallbackTimeSource?: string;
  fallbackIp?: string | null;
  fallbackCorrelationId?: string | null;
  sourceFormat: string;
}

export class RecordError extends Error {}
