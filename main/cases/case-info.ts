// The case summary shown in the title bar and the evidence manifest panel.
import type { CaseInfo } from '../../shared/api/contract';
import type { CaseDb } from '../db/case-db';
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

export function caseInfo(caseDb: CaseDb, state: { path: string | null; dirty: boolean; evidence: EvidenceCheck[] }): CaseInfo {
  const [count, min, max] = caseDb.all('SELECT count(*), min(created_ms), max(created_ms) FROM signin_data')[0] ?? [0, null, null];
  const checks = new Map(state.evidence.map((c) => [c.sourceId, c.state]));
  const notices = [...schemaRepairsOf(caseDb)];
  // substr() in SQL: a huge value is never copied out of the database whole.
  const [titleHead, titleLength] = caseDb.all(`SELECT substr(value, 1, ${DISPLAY_CAPS.title + 1}), length(value) FROM case_meta WHERE key = 'title'`)[0] ?? [null, 0];
  const sources = caseDb
    .all(
      `SELECT id, substr(path, 1, ${DISPLAY_CAPS.path + 1}), substr(file_name, 1, ${DISPLAY_CAPS.fileName + 1}), size, substr(sha256, 1, 64), substr(format, 1, 64),
              records, imported, duplicates, errors, warnings, substr(status, 1, 32), length(path), length(file_name) FROM sources ORDER BY id`,
    )
    .map(([id, path, fileName, size, sha, format, records, imported, duplicates, errors, warnings, status, pathLength, nameLength]) => ({
      id: Number(id),
      path: capped(String(path), Number(pathLength), DISPLAY_CAPS.path, `the path of evidence file ${Number(id)}`, notices),
      fileName: capped(String(fileName), Number(nameLength), DISPLAY_CAPS.fileName, `the name of evidence file ${Number(id)}`, notices),
      size: size === null ? null : Number(size),
      sha256: sha === null ? null : String(sha),
      format: format === null ? null : String(format),
      records: Number(records),
      imported: Number(imported),
      duplicates: Number(duplicates),
      errors: Number(errors),
      warnings: Number(warnings),
      status: status === null ? null : String(status),
      ...(checks.has(Number(id)) ? { evidenceCheck: checks.get(Number(id))! } : {}),
    }));
  const zone = caseDb.meta(TIME_ZONE_KEY);
  const partialImport = partialImportOf(caseDb);
  return {
    path: state.path,
    title: titleHead === null ? (state.path ? state.path.split(/[\\/]/).pop()! : 'Untitled case') : capped(String(titleHead), Number(titleLength), DISPLAY_CAPS.title, 'the case title', notices),
    signins: Number(count),
    timeMin: min === null ? null : Number(min),
    timeMax: max === null ? null : Number(max),
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
