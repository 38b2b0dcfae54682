// Everything the encoder needs from a normalized sign-in that does not depend on the case: the cells in
// catalogue order, the JSON of its steps and policies, its overlap hash and deduplication key. Computed
// where the record is parsed (a record-parse worker in large imports), so the one sequential step left,
// the encoder, only assigns dictionary ids and deduplicates.
import { COLUMNS } from '../../shared/model/columns';
import { fnv1a, overlapHash } from './dedupe';
import type { CellValue, NormalizedSignin } from './normalize/signin-record';

export interface PreparedSignin {
  /** One cell per catalogue column (COLUMNS order): text of dictionary columns as strings; `source_id` null. */
  cells: CellValue[];
  authStepsJson: string | null;
  caPoliciesJson: string | null;
  timeSource: string | null;
  overlap: number;
  /** The request id, or a fingerprint of the time and the record's text when it has none. */
  dedupeKey: string;
  sourceFormat: string;
  hasTime: boolean;
}

export function prepareSignin(signin: NormalizedSignin, rawText: () => string): PreparedSignin {
  const v = signin.values;
  const cells: CellValue[] = new Array(COLUMNS.length);
  for (let i = 0; i < COLUMNS.length; i++) {
    const col = COLUMNS[i]!;
    const value = col.key === 'source_id' ? null : (v[col.key] ?? null);
    cells[i] = col.storage === 'dict' && value !== null ? String(value) : value;
  }
  const authStepsJson = signin.authSteps ? JSON.stringify(signin.authSteps) : null;
  return {
    cells,
    authStepsJson,
    caPoliciesJson: signin.caPolicies ? JSON.stringify(signin.caPolicies) : null,
    timeSource: signin.timeSource,
    overlap: overlapHash(v, authStepsJson),
    dedupeKey: typeof v.id === 'string' ? v.id : `#${v.created_at ?? ''}:${fnv1a(rawText())}`,
    sourceFormat: String(v.source_format ?? ''),
    hasTime: v.created_at !== null,
  };
}
