// `sessions` table rows → the API's SessionSummary (lists and steps from session-details.ts).
import type { SessionSummary } from '../../shared/model/session';
import type { CaseDb } from '../db/case-db';
import type { SqlParams } from '../db/row-spec';
import { flagsOfBits } from './build-sessions';
import { sessionDetails } from './session-details';
import { sessionColumn, type SessionViewColumn } from './session-table';

const SUMMARY_COLUMNS: readonly SessionViewColumn[] = [
  'session_no',
  'correlation_id',
  'first_ms',
  'last_ms',
  'duration_ms',
  'user',
  'users',
  'rows',
  'final_status',
  'final_code',
  'linked_group',
  'linked_sessions',
  'flag_bits',
];

/** The columns `toSummaries` reads, in order (over `session_data s`). */
export const SUMMARY_SELECT = SUMMARY_COLUMNS.map(sessionColumn).join(', ');
export const SUMMARY_WIDTH = SUMMARY_COLUMNS.length;

/** Summaries of the sessions a query over `session_data s` selects (`tail`: its WHERE/ORDER/LIMIT part). */
export function readSummaries(caseDb: CaseDb, tail: string, params: SqlParams): SessionSummary[] {
  return toSummaries(caseDb, caseDb.cellRows(`SELECT ${SUMMARY_SELECT} FROM session_data s ${tail}`, params, SUMMARY_WIDTH));
}

export function toSummaries(caseDb: CaseDb, rows: unknown[][]): SessionSummary[] {
  const details = sessionDetails(
    caseDb,
    rows.map(([, corr]) => String(corr)),
  );
  return rows.map((row) => {
    const [no, corr, first, last, duration, user, users, count, status, code, group, linked, bits] = row;
    const d = details.get(String(corr));
    return {
      sessionNo: Number(no),
      correlationId: String(corr),
      firstMs: Number(first),
      lastMs: Number(last),
      durationMs: Number(duration),
      user: String(user),
      users: Number(users),
      apps: d?.apps ?? [],
      resources: d?.resources ?? [],
      ips: d?.ips ?? [],
      countries: d?.countries ?? [],
      devices: d?.devices ?? [],
      rows: Number(count),
      authSteps: d?.authSteps ?? [],
      finalStatus: String(status),
      finalCode: code === null ? null : Number(code),
      linkedGroup: Number(group),
      linkedSessions: Number(linked),
      flags: flagsOfBits(Number(bits)),
    };
  });
}
