// Everything the details pane shows for one sign-in: its values, authentication steps, Conditional
// Access results, where it came from, what its error code means, and the verbatim evidence record.
import type { Res } from '../../shared/api/contract';
import { errorMeaning } from '../../shared/model/aadsts';
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL, STR, STR_NULL, type Cell, type SqlParams } from '../db/row-spec';
import { intactEvidence } from '../cases/evidence-check';
import { NOT_CONTENT_COLUMNS } from '../import/dedupe';
import { readRawRecord } from '../import/raw-record';
import { notFound } from './errors';

type Row = Record<string, Cell>;

/** View columns that the response carries in structured form instead (steps, policies). */
const STRUCTURED = new Set(['authentication_details_json', 'conditional_access_policies_json']);

export async function getRecord(caseDb: CaseDb, rid: number): Promise<Res<'record.get'>> {
  const row = objects(caseDb, 'SELECT * FROM signins WHERE rid = ?', [rid])[0];
  if (!row) throw notFound(`sign-in ${rid} does not exist in this case`);
  const values: Row = {};
  for (const [key, v] of Object.entries(row)) if (!STRUCTURED.has(key)) values[key] = v;
  const stepCols = 'seq, method, method_detail, succeeded, result_detail, requirement, step_at, origin';
  let authSteps = objects(caseDb, `SELECT ${stepCols} FROM authentication_details WHERE origin = 'record' AND rid = ? ORDER BY seq`, [rid]);
  if (authSteps.length === 0 && typeof row.id === 'string') {
    // Portal CSV rows: the steps come from the AuthDetails companion file, joined on the request id.
    authSteps = objects(caseDb, `SELECT ${stepCols} FROM authentication_details WHERE origin = 'authDetailsCsv' AND request_id = ? ORDER BY step_at, seq`, [row.id]);
  }
  const caPolicies = objects(caseDb, 'SELECT policy_id, policy_name, result, enforced_grant_controls, enforced_session_controls FROM conditional_access_results WHERE rid = ?', [rid]);
  const loc = caseDb.first(
    `SELECT s.file_name, s.format, d.record_index, s.id AS source_id, s.encoding, s.compressed, d.raw_offset, d.raw_length
     FROM signin_data d JOIN sources s ON s.id = d.source_id WHERE d.rid = ?`,
    [rid],
    { file_name: STR, format: STR_NULL, record_index: NUM_NULL, source_id: NUM, encoding: STR_NULL, compressed: NUM_NULL, raw_offset: NUM_NULL, raw_length: NUM_NULL },
  );
  let raw: { text: string | null; note: string | null } = { text: null, note: 'no evidence file is recorded for this sign-in' };
  let rawLocate: number | null = null;
  if (loc && loc.raw_offset !== null && loc.raw_length !== null) {
    // Read back only from a regular file that still matches the manifest (size and SHA-256).
    const evidence = await intactEvidence(caseDb, loc.source_id);
    if (evidence.ok)
      raw = await readRawRecord({ path: evidence.path, identity: evidence.identity, encoding: loc.encoding, compressed: loc.compressed === 1, format: loc.format }, loc.raw_offset, loc.raw_length);
    else raw = { text: null, note: evidence.note };
    if (raw.text === null) rawLocate = loc.source_id;
  } else if (loc) raw = { text: null, note: 'the import recorded no position for this record' };
  const code = typeof row.status_code === 'number' ? row.status_code : null;
  return {
    values,
    raw: raw.text,
    rawNote: raw.note,
    rawLocate,
    authSteps,
    caPolicies,
    errorMeaning: errorMeaning(code),
    source: loc ? { fileName: loc.file_name, format: loc.format, recordIndex: loc.record_index } : null,
    versions: typeof row.id === 'string' ? versionsOf(caseDb, row.id) : [],
  };
}

const MAX_VERSIONS = 50;
/** View columns that are not what a version says (where it came from, row id, version count). */
const NOT_CONTENT = new Set([...NOT_CONTENT_COLUMNS, 'rid', 'created_at_source', 'version_file', 'version_record']);

/**
 * The versions of one request id that Azure Monitor re-published (updated risk state, risk events,
 * steps...) or that overlapping exports carried with other content: in import order, each with the
 * columns that differ from the version before it. Empty when the request has one version.
 */
export function versionsOf(caseDb: CaseDb, id: string): Res<'record.get'>['versions'] {
  const rows = objects(
    caseDb,
    `SELECT v.*, s.file_name AS version_file, d.record_index AS version_record
     FROM signin_data d JOIN signins v ON v.rid = d.rid LEFT JOIN sources s ON s.id = d.source_id
     WHERE d.id = ? ORDER BY d.rid LIMIT ${MAX_VERSIONS}`,
    [id],
  );
  if (rows.length < 2) return [];
  return rows.map((r, i) => {
    const before = rows[i - 1];
    const changed = before ? Object.keys(r).filter((k) => !NOT_CONTENT.has(k) && r[k] !== before[k]) : [];
    return { rid: Number(r.rid), fileName: (r.version_file as string | null) ?? null, recordIndex: (r.version_record as number | null) ?? null, changed };
  });
}

function objects(caseDb: CaseDb, sql: string, params: SqlParams): Row[] {
  return caseDb.cellObjects(sql, params);
}
