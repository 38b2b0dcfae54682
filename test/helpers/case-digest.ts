// A digest of everything an import leaves in a case (sign-ins as stored and as shown, dictionary,
// sources, issues, CSV steps, per-IP geo, sessions, findings), one SHA-256 per part so a mismatch
// says where. Speed work must leave every part unchanged (test/unit/import/identical-case.test.ts).
import { createHash } from 'node:crypto';
import type { CaseDb } from '../../main/db/case-db';
import { runDetections } from '../../main/detections/runner';
import { all, scalar } from './sql';

const PARTS: Record<string, string> = {
  signin_data: 'SELECT * FROM signin_data ORDER BY rid',
  signins: 'SELECT * FROM signins ORDER BY rid', // the view: decoded values
  strings: 'SELECT id, value FROM strings ORDER BY id',
  sources: 'SELECT id, file_name, size, sha256, format, encoding, compressed, records, imported, duplicates, republished, errors, warnings, status FROM sources ORDER BY id',
  import_errors: 'SELECT source_id, file, record_index, byte_offset, severity, message FROM import_errors ORDER BY id',
  csv_auth_steps: 'SELECT * FROM csv_auth_steps ORDER BY rowid',
  ip_geo: 'SELECT * FROM ip_geo ORDER BY ip_k',
  sessions: 'SELECT * FROM sessions ORDER BY 1', // a table before session_data, the view over it since
};

/** A table or a view of that name (`sessions` became a view over `session_data`, showing the same rows). */
function present(caseDb: CaseDb, name: string): boolean {
  return scalar(caseDb, "SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", [name]) === 1;
}

export async function caseDigest(caseDb: CaseDb): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [part, sql] of Object.entries(PARTS)) out[part] = sha(present(caseDb, part === 'signins' ? 'signin_data' : part) ? all(caseDb, sql) : 'absent');
  out.signin_count = String(scalar(caseDb, 'SELECT count(*) FROM signin_data'));
  out.session_count = String(present(caseDb, 'sessions') ? scalar(caseDb, 'SELECT count(*) FROM sessions') : 0);
  const { findings } = await runDetections(caseDb);
  out.findings = sha(findings);
  out.finding_count = String(findings.length);
  return out;
}

function sha(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)))
    .digest('hex')
    .slice(0, 16);
}
