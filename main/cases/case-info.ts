// The case summary shown in the title bar and the evidence manifest panel.
import type { CaseInfo } from '../../shared/api/contract';
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL, STR_NULL } from '../db/row-spec';
import { schemaRepairsOf } from './case-store';
import type { EvidenceCheck } from './evidence-check';
import { isValidTimeZone } from '../../shared/model/time-zone';
import { partialImportOf } from '../import/triage/triage-manifest';

export const TIME_ZONE_KEY = 'time_zone';

/**
 * Case metadata comes from a file someone else may have written: cut it to what a title bar or a
 * table cell can show (a 50 MB title took 23 s to draw) and say so.
 */
export const DISPLAY_CAPS = { title: 200, path: 4096, fileName: 255 } as const;

const SOURCE_SPEC = {
  id: NUM,
  path: STR_NULL,
  file_name: STR_NULL,
  size: NUM_NULL,
  sha256: STR_NULL,
  format: STR_NULL,
  records: NUM_NULL,
  imported: NUM_NULL,
  duplicates: NUM_NULL,
  errors: NUM_NULL,
  warnings: NUM_NULL,
  status: STR_NULL,
  path_length: NUM_NULL,
  name_length: NUM_NULL,
} as const;

export function caseInfo(caseDb: CaseDb, state: { path: string | null; dirty: boolean; evidence: EvidenceCheck[] }): CaseInfo {
  const span = caseDb.first('SELECT count(*) AS n, min(created_ms) AS first, max(created_ms) AS last FROM signin_data', [], { n: NUM, first: NUM_NULL, last: NUM_NULL });
  const checks = new Map(state.evidence.map((c) => [c.sourceId, c.state]));
  const notices = [...schemaRepairsOf(caseDb)];
  // substr() in SQL: a huge value is never copied out of the database whole.
  const title = caseDb.first(`SELECT substr(value, 1, ${DISPLAY_CAPS.title + 1}) AS head, length(value) AS length FROM case_meta WHERE key = 'title'`, [], { head: STR_NULL, length: NUM_NULL });
  const [titleHead, titleLength] = title ? [title.head, title.length] : [null, 0];
  const sources = caseDb
    .rows(
      `SELECT id, substr(path, 1, ${DISPLAY_CAPS.path + 1}) AS path, substr(file_name, 1, ${DISPLAY_CAPS.fileName + 1}) AS file_name, size, substr(sha256, 1, 64) AS sha256,
              substr(format, 1, 64) AS format, records, imported, duplicates, errors, warnings, substr(status, 1, 32) AS status,
              length(path) AS path_length, length(file_name) AS name_length FROM sources ORDER BY id`,
      [],
      SOURCE_SPEC,
    )
    .map((s) => ({
      id: s.id,
      path: capped(String(s.path), Number(s.path_length), DISPLAY_CAPS.path, `the path of evidence file ${s.id}`, notices),
      fileName: capped(String(s.file_name), Number(s.name_length), DISPLAY_CAPS.fileName, `the name of evidence file ${s.id}`, notices),
      size: s.size,
      sha256: s.sha256,
      format: s.format,
      records: Number(s.records),
      imported: Number(s.imported),
      duplicates: Number(s.duplicates),
      errors: Number(s.errors),
      warnings: Number(s.warnings),
      status: s.status,
      ...(checks.has(s.id) ? { evidenceCheck: checks.get(s.id)! } : {}),
    }));
  const zone = caseDb.meta(TIME_ZONE_KEY);
  const partialImport = partialImportOf(caseDb);
  return {
    path: state.path,
    title: titleHead === null ? (state.path ? state.path.split(/[\\/]/).pop()! : 'Untitled case') : capped(String(titleHead), Number(titleLength), DISPLAY_CAPS.title, 'the case title', notices),
    signins: span?.n ?? 0,
    timeMin: span?.first ?? null,
    timeMax: span?.last ?? null,
    sources,
    dirty: state.dirty,
    ...(notices.length ? { notices } : {}),
    ...(partialImport.length ? { partialImport } : {}),
    // A crafted or hand-edited case may hold anything here: only a zone this runtime knows is used.
    ...(zone !== undefined && isValidTimeZone(zone) ? { timeZone: zone } : {}),
  };
}

/** `head` is the value's first cap + 1 characters, `length` its full length. */
function capped(head: string, length: number, cap: number, what: string, notices: string[]): string {
  if (length <= cap) return head;
  notices.push(`${what} is ${length.toLocaleString('en')} characters: showing the first ${cap}`);
  return `${head.slice(0, cap)}…`;
}
