// sessions.get: one session, its sign-ins' rids in time order (for the grid and timeline) and the
// other sessions of its linked group.
import type { SessionSummary } from '../../shared/model/session';
import { AppError } from '../../shared/errors';
import type { CaseDb } from '../db/case-db';
import { hasSessions } from './session-table';
import { SUMMARY_SELECT, toSummaries } from './session-rows';

const MAX_LINKED = 100;

export function getSession(caseDb: CaseDb, req: { sessionNo?: number | undefined; correlationId?: string | undefined }): { session: SessionSummary; rids: number[]; linked: SessionSummary[] } {
  if (!hasSessions(caseDb)) throw new AppError('NOT_FOUND', 'sessions have not been built for this case yet');
  const row =
    req.sessionNo !== undefined
      ? caseDb.all(`SELECT ${SUMMARY_SELECT} FROM sessions s WHERE s.session_no = ?`, [req.sessionNo])[0]
      : caseDb.all(`SELECT ${SUMMARY_SELECT} FROM sessions s WHERE s.correlation_id = ?`, [req.correlationId ?? ''])[0];
  if (!row) throw new AppError('NOT_FOUND', `no session ${req.sessionNo ?? req.correlationId}`);
  const [session] = toSummaries(caseDb, [row]) as [SessionSummary];
  const rids = caseDb.all('SELECT rid FROM signin_data WHERE correlation_id = ? AND created_ms IS NOT NULL ORDER BY created_ms, rid', [session.correlationId]).map((r) => Number(r[0]));
  const linked =
    session.linkedSessions > 1
      ? caseDb.all(`SELECT ${SUMMARY_SELECT} FROM sessions s WHERE s.linked_group = ? AND s.session_no <> ? ORDER BY s.first_ms LIMIT ?`, [session.linkedGroup, session.sessionNo, MAX_LINKED])
      : [];
  return { session, rids, linked: toSummaries(caseDb, linked) };
}
