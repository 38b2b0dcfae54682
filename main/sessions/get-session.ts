// sessions.get: one session, its sign-ins' rids in time order (for the grid and timeline) and the
// other sessions of its linked group.
import type { SessionSummary } from '../../shared/model/session';
import { AppError } from '../../shared/errors';
import type { CaseDb } from '../db/case-db';
import { NUM } from '../db/row-spec';
import { hasSessions, SESSION_OF_ID } from './session-table';
import { readSummaries } from './session-rows';

const MAX_LINKED = 100;

export function getSession(caseDb: CaseDb, req: { sessionNo?: number | undefined; correlationId?: string | undefined }): { session: SessionSummary; rids: number[]; linked: SessionSummary[] } {
  if (!hasSessions(caseDb)) throw new AppError('NOT_FOUND', 'sessions have not been built for this case yet');
  const [session] =
    req.sessionNo !== undefined ? readSummaries(caseDb, 'WHERE s.session_no = ? LIMIT 1', [req.sessionNo]) : readSummaries(caseDb, `WHERE ${SESSION_OF_ID} LIMIT 1`, [req.correlationId ?? '']);
  if (!session) throw new AppError('NOT_FOUND', `no session ${req.sessionNo ?? req.correlationId}`);
  const rids = caseDb.rows('SELECT rid FROM signin_data WHERE correlation_id = ? AND created_ms IS NOT NULL ORDER BY created_ms, rid', [session.correlationId], { rid: NUM }).map((r) => r.rid);
  const linked =
    // a session alone has no linked_group stored (its group is itself): the others have it
    session.linkedSessions > 1 ? readSummaries(caseDb, 'WHERE s.linked_group = ? AND s.session_no <> ? ORDER BY s.first_ms LIMIT ?', [session.linkedGroup, session.sessionNo, MAX_LINKED]) : [];
  return { session, rids, linked };
}
