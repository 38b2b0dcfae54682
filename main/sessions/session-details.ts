// The lists a session shows (apps, resources, IPs, countries, devices) and its sequence of
// authentication steps, read from its sign-ins when a page of sessions is shown.
import type { SessionSummary } from '../../shared/model/session';
import type { CaseDb } from '../db/case-db';
import { STR, STR_NULL, type SqlValue } from '../db/row-spec';
import { ensureIpGeoTable } from '../geo/ip-geo-table';
import { inList } from '../query/sql-list';
import { RowStepReader } from './row-auth-steps';

export type SessionDetails = Pick<SessionSummary, 'apps' | 'resources' | 'ips' | 'countries' | 'devices' | 'authSteps'>;

const MAX_LISTED = 20;
const MAX_STEPS = 12;
/** A huge flow (thousands of rows) is summarized from its first rows. */
const MAX_ROWS_READ = 500;

export function sessionDetails(caseDb: CaseDb, correlationIds: readonly string[]): Map<string, SessionDetails> {
  const out = new Map<string, SessionDetails>();
  if (!correlationIds.length) return out;
  ensureIpGeoTable(caseDb);
  const params: SqlValue[] = [];
  const rows = caseDb.tuples(
    `SELECT s.correlation_id, s.app_display_name, s.resource_display_name, s.ip_address, coalesce(s.country, g.country),
       coalesce(s.device_name, nullif(trim(coalesce(s.operating_system, '') || ' ' || coalesce(s.browser, '')), '')),
       s.authentication_details_json, s.id, s.mfa_method, s.mfa_result
     FROM signins s LEFT JOIN ip_geo g ON g.ip = s.ip_address
     WHERE ${inList('s.correlation_id', correlationIds, params)} AND s.created_at IS NOT NULL
     ORDER BY s.correlation_id, s.created_at, s.rid`,
    params,
    [STR, STR_NULL, STR_NULL, STR_NULL, STR_NULL, STR_NULL, STR_NULL, STR_NULL, STR_NULL, STR_NULL],
  );
  const steps = new RowStepReader(
    caseDb,
    rows.map(([, , , , , , , requestId]) => requestId).filter((id): id is string => !!id),
  );
  const read = new Map<string, number>();
  for (const [corr, app, resource, ip, country, device, json, requestId, mfaMethod, mfaResult] of rows) {
    const key = String(corr);
    const n = (read.get(key) ?? 0) + 1;
    read.set(key, n);
    if (n > MAX_ROWS_READ) continue;
    let d = out.get(key);
    if (!d) out.set(key, (d = { apps: [], resources: [], ips: [], countries: [], devices: [], authSteps: [] }));
    addListed(d.apps, app);
    addListed(d.resources, resource);
    addListed(d.ips, ip);
    addListed(d.countries, country?.toUpperCase() ?? null);
    addListed(d.devices, device);
    for (const s of steps.steps({ authDetailsJson: json, requestId, mfaMethod, mfaResult })) {
      // each row of a flow repeats the steps already done: keep each distinct step once, in order
      if (d.authSteps.length >= MAX_STEPS) break;
      if (!d.authSteps.some((x) => x.method === s.method && x.succeeded === s.succeeded && x.detail === s.result)) d.authSteps.push({ method: s.method, succeeded: s.succeeded, detail: s.result });
    }
  }
  return out;
}

function addListed(list: string[], value: string | null): void {
  if (value && list.length < MAX_LISTED && !list.includes(value)) list.push(value);
}
