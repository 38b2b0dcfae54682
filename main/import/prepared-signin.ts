// Everything the encoder needs from a normalized sign-in that does not depend on the case: the cells in
// catalogue order, the JSON of its steps and policies, its overlap hash and deduplication key. Computed
// where the record is parsed (a record-parse worker in large imports), so the one sequential step left,
// the encoder, only assigns dictionary ids and deduplicates.
import { COLUMNS } from '../../shared/model/columns';
import { fnv1a, overlapHash } from './dedupe';
import type { CellValue, NormalizedSignin } from './normalize/signin-record';
import type { DictCell, StringRefReader, StringRefWriter } from './string-refs';

export interface PreparedSignin {
  /**
   * One cell per catalogue column (COLUMNS order), `source_id` null. A dictionary column's cell is its
   * text, or, from a record-parse worker, the number of that text in the worker's table (`refs`).
   */
  cells: (CellValue | DictCell)[];
  authStepsJson: DictCell;
  caPoliciesJson: DictCell;
  timeSource: DictCell;
  overlap: number;
  /** The request id, or a fingerprint of the time and the record's text when it has none. */
  dedupeKey: string;
  sourceFormat: string;
  hasTime: boolean;
  /** Set by the reader when the sign-in came from a record-parse worker: that worker's string table. */
  refs?: StringRefReader;
}

const DICT_POSITIONS = COLUMNS.flatMap((c, i) => (c.storage === 'dict' ? [i] : []));

/** In a record-parse worker: short dictionary text replaced by its number in the worker's table. */
export function withStringRefs(signin: PreparedSignin, writer: StringRefWriter): void {
  const cells = signin.cells;
  for (const i of DICT_POSITIONS) cells[i] = writer.ref(cells[i] as string | null);
  signin.authStepsJson = writer.ref(signin.authStepsJson as string | null);
  signin.caPoliciesJson = writer.ref(signin.caPoliciesJson as string | null);
  signin.timeSource = writer.ref(signin.timeSource as string | null);
}

export function prepareSignin(signin: NormalizedSignin, rawText: () => string): PreparedSignin {
  const v = signin.values;
  const cells: CellValue[] = []; // packed (push, not `new Array(n)`): it crosses threads as one block
  for (const col of COLUMNS) {
    const value = col.key === 'source_id' ? null : (v[col.key] ?? null);
    cells.push(col.storage === 'dict' && value !== null ? String(value) : value);
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
