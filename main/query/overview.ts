// Case (or filter) overview: volumes, distinct users/apps/IPs, sign-ins by status, MFA by method.
import type { ParsedReq, Res } from '../../shared/api/contract';
import type { CaseDb } from '../db/case-db';
import { buildWhere } from './filters';
import { mfaVolume } from './mfa-summary';
import { stringValues } from './string-values';

export function overview(caseDb: CaseDb, req: ParsedReq<'stats.overview'>): Res<'stats.overview'> {
  const where = buildWhere(caseDb, req.filter);
  const [signins, users, apps, ips] = caseDb.all(
    `SELECT count(*), count(DISTINCT d.user_principal_name_k), count(DISTINCT d.app_display_name_k), count(DISTINCT d.ip_address_k)
     FROM signin_data d WHERE ${where.sql}`,
    where.params,
  )[0] as [number, number, number, number];
  const statuses = caseDb.all(`SELECT d.status_k, count(*) AS n FROM signin_data d WHERE ${where.sql} GROUP BY d.status_k ORDER BY n DESC`, where.params) as [number | null, number][];
  const names = stringValues(caseDb, statuses.map(([id]) => id).filter((id): id is number => id !== null));
  return {
    signins,
    users,
    apps,
    ips,
    byStatus: statuses.map(([id, count]) => ({ value: id === null ? null : (names.get(id) ?? null), count })),
    mfa: mfaVolume(caseDb, where),
  };
}
