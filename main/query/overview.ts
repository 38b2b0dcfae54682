// Case (or filter) overview: volumes, distinct users/apps/IPs, sign-ins by status, MFA by method,
// all from one pass over the matching rows. Distinct values are marked in bitmaps by string id: in
// sql.js that is several times faster than count(DISTINCT ...) or GROUP BY, which sort every row.
import type { ParsedReq, Res } from '../../shared/api/contract';
import type { CaseDb } from '../db/case-db';
import { buildWhere } from './filters';
import { MFA_COLUMNS_SQL, MfaTally } from './mfa-summary';
import { forEachRow } from './query-rows';
import { stringValues } from './string-values';

const DISTINCT_COLUMNS = ['user_principal_name_k', 'app_display_name_k', 'ip_address_k'] as const;

export function overview(caseDb: CaseDb, req: ParsedReq<'stats.overview'>): Res<'stats.overview'> {
  const where = buildWhere(caseDb, req.filter, { reads: [...DISTINCT_COLUMNS, 'status_k', 'mfa_method_k'] });
  const maxId = Number(caseDb.scalar('SELECT max(id) FROM strings') ?? 0);
  const seen = DISTINCT_COLUMNS.map(() => new Uint8Array(maxId + 1));
  const distinct = DISTINCT_COLUMNS.map(() => 0);
  const byStatus = new Map<number | null, number>();
  const mfa = new MfaTally();
  let signins = 0;
  const sql = `SELECT ${DISTINCT_COLUMNS.map((c) => `d.${c}`).join(', ')}, d.status_k, ${MFA_COLUMNS_SQL} FROM signin_data d WHERE ${where.sql}`;
  forEachRow(caseDb, sql, where.params, (row) => {
    signins++;
    for (let i = 0; i < DISTINCT_COLUMNS.length; i++) {
      const id = row[i] as number | null;
      if (id !== null && !seen[i]![id]) {
        seen[i]![id] = 1;
        distinct[i]!++;
      }
    }
    const status = row[3] as number | null;
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    mfa.add(row[4] as number | null, row[5] as number | null, row[6] as number | null, row[7] as number | null);
  });
  const names = stringValues(
    caseDb,
    [...byStatus.keys()].filter((id): id is number => id !== null),
  );
  return {
    signins,
    users: distinct[0]!,
    apps: distinct[1]!,
    ips: distinct[2]!,
    byStatus: [...byStatus].sort((a, b) => b[1] - a[1]).map(([id, count]) => ({ value: id === null ? null : (names.get(id) ?? null), count })),
    mfa: mfa.volumes(caseDb),
  };
}
