// Case (or filter) overview: volumes, distinct users/apps/IPs, sign-ins by status, MFA by method.
import type { ParsedReq, Res } from '../../shared/api/contract';
import type { CaseDb } from '../db/case-db';
import { buildWhere, type WhereClause } from './filters';
import { mfaVolume } from './mfa-summary';
import { stringValues } from './string-values';

export function overview(caseDb: CaseDb, req: ParsedReq<'stats.overview'>): Res<'stats.overview'> {
  const where = buildWhere(caseDb, req.filter, { reads: ['user_principal_name_k', 'app_display_name_k', 'ip_address_k', 'status_k'] });
  const c = countDistinct(caseDb, where);
  const names = stringValues(caseDb, [...c.byStatus.keys()].filter((id): id is number => id !== null));
  return {
    signins: c.signins,
    users: c.users,
    apps: c.apps,
    ips: c.ips,
    byStatus: [...c.byStatus]
      .sort((a, b) => b[1] - a[1])
      .map(([id, count]) => ({ value: id === null ? null : (names.get(id) ?? null), count })),
    mfa: mfaVolume(caseDb, where),
  };
}

/**
 * One pass over the matching rows, marking string ids in bitmaps: in sql.js this is ~6x faster than
 * three count(DISTINCT) in one SELECT, which insert every row into three temporary b-trees.
 */
function countDistinct(caseDb: CaseDb, where: WhereClause) {
  const maxId = Number(caseDb.scalar('SELECT max(id) FROM strings') ?? 0);
  const seen = [new Uint8Array(maxId + 1), new Uint8Array(maxId + 1), new Uint8Array(maxId + 1)];
  const distinct = [0, 0, 0];
  const byStatus = new Map<number | null, number>();
  let signins = 0;
  const stmt = caseDb.db.prepare(`SELECT d.user_principal_name_k, d.app_display_name_k, d.ip_address_k, d.status_k FROM signin_data d WHERE ${where.sql}`);
  try {
    stmt.bind(where.params);
    while (stmt.step()) {
      const row = stmt.get() as (number | null)[];
      signins++;
      for (let i = 0; i < 3; i++) {
        const id = row[i];
        if (id != null && !seen[i]![id]) {
          seen[i]![id] = 1;
          distinct[i]!++;
        }
      }
      const status = row[3] ?? null;
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    }
  } finally {
    stmt.free();
  }
  return { signins, users: distinct[0]!, apps: distinct[1]!, ips: distinct[2]!, byStatus };
}
