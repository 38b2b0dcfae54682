// Password spray seen from one source (an IP, or an ASN spread over several IPs): many distinct
// accounts failing with wrong-password codes in a window, as Sentinel SigninPasswordSpray (20-min
// bins, dcount(UPN) >= 5, failed principals > successful principals) and Sigma (> 3 in 10 min).
import { NUM } from '../db/row-spec';
import type { Finding } from '../../shared/model/detection';
import type { CaseDb } from '../db/case-db';
import { SUCCEEDED, throwIfAborted } from './case-sql';
import { stringValue } from '../db/string-text';
import { numberSet } from '../query/sql-list';
import { listSome, outcomeText, plural, span } from './describe';
import { Evidence, selectRows } from './evidence';
import { PASSWORD_ACCEPTED_CODES, PASSWORD_FAILURE_CODES } from './known-values';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './rule';
import { flaggedWindows } from './windows';

export interface SprayParams {
  windowMinutes: number;
  minUsers: number;
  /** Distinct IPs a window needs (1 for the per-IP rule). */
  minIps: number;
  successWithinHours: number;
}

const FAILING = `status_code IN ${numberSet(PASSWORD_FAILURE_CODES)}`;
const ACCEPTED = `status_code IN ${numberSet(PASSWORD_ACCEPTED_CODES)}`;

export function sprayFindings(db: CaseDb, ruleId: string, sourceKey: 'ip_address_k' | 'asn', p: SprayParams, signal: AbortSignal): Finding[] {
  const windows = flaggedWindows(db, { key: sourceKey, where: FAILING, windowMs: p.windowMinutes * MINUTE_MS, distinct: 'user_principal_name_k', minDistinct: p.minUsers });
  const findings: Finding[] = [];
  for (const w of windows) {
    throwIfAborted(signal);
    const failures = new Evidence(selectRows(db, `${sourceKey} = ? AND created_ms >= ? AND created_ms < ? AND ${FAILING}`, [w.key, w.from, w.to]));
    const failedUsers = failures.distinct((r) => r.user).size;
    const ips = failures.distinct((r) => r.ip);
    if (failedUsers < p.minUsers || ips.size < p.minIps) continue;
    // Sentinel keeps a source only when it failed for more accounts than it served: not a busy shared egress.
    const served = `SELECT count(DISTINCT user_principal_name_k) FROM signin_data WHERE ${sourceKey} = ? AND created_ms BETWEEN ? AND ? AND ${SUCCEEDED}`;
    const servedUsers = db.value(served, [w.key, w.from - DAY_MS, w.to + DAY_MS], NUM) ?? 0;
    if (servedUsers >= failedUsers) continue;
    const successes = selectRows(db, `${sourceKey} = ? AND created_ms >= ? AND created_ms <= ? AND ${ACCEPTED}`, [w.key, failures.from, w.to + p.successWithinHours * HOUR_MS]);
    const evidence = new Evidence(failures.rows()).add(successes);
    const compromisedIds = [...new Set(successes.map((r) => r.user).filter((u): u is number => u !== null))];
    const compromised = compromisedIds.map((id) => stringValue(db, id) ?? `#${id}`);
    const fullSuccesses = successes.filter((r) => r.code === 0).length;
    const source = sourceKey === 'asn' ? `AS${w.key} (${plural(ips.size, 'IP')})` : (stringValue(db, w.key) ?? `#${w.key}`);
    let title = `Password spray from ${source}: ${plural(failedUsers, 'user')} failed in ${span(failures.to - failures.from)}`;
    title += outcomeText(successes.length, fullSuccesses);
    if (compromised.length) title += ` (${listSome(compromised)})`;
    findings.push(
      evidence.toFinding(db, {
        ruleId,
        severity: successes.length ? 'high' : 'medium',
        title,
        details: {
          source,
          asns: [...failures.distinct((r) => r.asn)],
          failedUsers,
          failures: failures.size,
          passwordValid: successes.length,
          successes: fullSuccesses,
          compromised,
          servedUsersAround: servedUsers,
        },
      }),
    );
  }
  return findings;
}
