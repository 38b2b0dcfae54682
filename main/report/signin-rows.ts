// The sign-in columns the report lists (under findings and annotated items), read through the
// `signins` view's expressions.
import { COLUMN_BY_KEY } from '../../shared/model/columns';
import type { CaseDb } from '../db/case-db';
import type { SqlValue } from '../db/row-spec';
import { viewExpression } from '../db/schema';

export const REPORT_SIGNIN_COLUMNS = [
  'created_at',
  'user_principal_name',
  'ip_address',
  'city',
  'country',
  'app_display_name',
  'client_app_used',
  'status',
  'status_code',
  'failure_reason',
  'user_agent',
] as const;

export type ReportSignin = { rid: number } & Record<(typeof REPORT_SIGNIN_COLUMNS)[number], string | number | null>;

const SELECT = ['d.rid', ...REPORT_SIGNIN_COLUMNS.map((key) => viewExpression(COLUMN_BY_KEY.get(key)!))].join(', ');

/** Sign-ins from `from` (a FROM/JOIN clause giving `signin_data d`) matching `where`, in time order. */
export function reportSignins(caseDb: CaseDb, from: string, where: string, params: SqlValue[], limit: number): ReportSignin[] {
  return caseDb.cellRows(`SELECT ${SELECT} FROM ${from} WHERE ${where} ORDER BY d.created_ms, d.rid LIMIT ?`, [...params, limit], REPORT_SIGNIN_COLUMNS.length + 1).map(([rid, ...cells]) => {
    const row = { rid: Number(rid) } as ReportSignin;
    REPORT_SIGNIN_COLUMNS.forEach((key, i) => (row[key] = cells[i]!));
    return row;
  });
}
