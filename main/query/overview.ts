// Case (or filter) overview: volumes, distinct users/apps/IPs, sign-ins by status, MFA by method,
// all from one pass over the matching rows. Distinct values are marked in bitmaps by string id: in
// sql.js that is several times faster than count(DISTINCT ...) or GROUP BY, which sort every row.
import type { ParsedReq, Res } from '../../shared/api/contract';
import type { CaseDb } from '../db/case-db';
import { NUM_NULL } from '../db/row-spec';
import { buildWhere } from './filters';
import { MFA_COLUMNS_SQL, MfaTally } from './mfa-summary';
import { stringValues } from '../db/string-text';

const DISTINCT_COLUMNS = ['user_principal_name_k', 'app_display_name_k', 'ip_address_k'] as const;

export function overview(caseDb: CaseDb, req: ParsedReq<'stats.overview'>): Res<'stats.overview'> {
  const where = buildWhere(caseDb, req.filter, { reads: [...DISTINCT_COLUMNS, 'status_k', 'mfa_method_k'] });
  const maxId = caseDb.value('SELECT max(id) FROM strings', [], NUM_NULL) ?? 0;
  const seen = DISTINCT_COLUMNS.map(() => new Uint8Array(maxId + 1));
  const distinct = DISTINCT_COLUMNS.map(() => 0);
  const byStatus = new Map<number | null, number>();
  const mfa = new MfaTally();
  let signins = 0;
  const sql = `SELECT ${DISTINCT_COLUMNS.map((c) => `d.${c}`).join(', ')}, d.status_k, ${MFA_COLUMNS_SQL} FROM signin_data d WHERE ${where.sql}`;
  const kinds = [NUM_NULL, NUM_NULL, NUM_NULL, NUM_NULL, NUM_NULL, NUM_NULL, NUM_NULL, NUM_NULL] as const; // the distinct columns, status, the 4 MFA columns
  const see = (i: number, id: number | null) => {
    if (id !== null && !seen[i]![id]) {
      seen[i]![id] = 1;
      distinct[i]!++;
    }
  };
  caseDb.forEachTuple(sql, where.params, kinds, ([user, app, ip, status, mfaMethod, mfaResult, authSteps, csvStepOk]) => {
    signins++;
    see(0, user);
    see(1, app);
    see(2, ip);
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    mfa.add(mfaMethod, mfaResult, authSteps, csvStepOk);
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
