// The case summary shown in the title bar and the evidence manifest panel.
import type { CaseInfo } from '../../shared/api/contract';
import type { CaseDb } from '../db/case-db';
import type { EvidenceCheck } from './evidence-check';
import { isValidTimeZone } from '../../shared/model/time-zone';

export const TIME_ZONE_KEY = 'time_zone';

export function caseInfo(caseDb: CaseDb, state: { path: string | null; dirty: boolean; evidence: EvidenceCheck[] }): CaseInfo {
  const [count, min, max] = caseDb.all('SELECT count(*), min(created_ms), max(created_ms) FROM signin_data')[0] ?? [0, null, null];
  const checks = new Map(state.evidence.map((c) => [c.sourceId, c.state]));
  const sources = caseDb
    .all('SELECT id, path, file_name, size, sha256, format, records, imported, duplicates, errors, warnings, status FROM sources ORDER BY id')
    .map(([id, path, fileName, size, sha, format, records, imported, duplicates, errors, warnings, status]) => ({
      id: Number(id),
      path: String(path),
      fileName: String(fileName),
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
  return {
    path: state.path,
    title: caseDb.meta('title') ?? (state.path ? state.path.split(/[\\/]/).pop()! : 'Untitled case'),
    signins: Number(count),
    timeMin: min === null ? null : Number(min),
    timeMax: max === null ? null : Number(max),
    sources,
    dirty: state.dirty,
    // A crafted or hand-edited case may hold anything here: only a zone this runtime knows is used.
    ...(zone !== undefined && isValidTimeZone(zone) ? { timeZone: zone } : {}),
  };
}
