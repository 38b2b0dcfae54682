// A success, then within minutes a failure for the same account and application from another
// network: the password or session is being tried by someone else right after the user.
import { NUM, NUM_NULL } from '../../db/row-spec';
import type { Finding } from '../../../shared/model/detection';
import { dictIds, throwIfAborted } from '../case-sql';
import { stringValues } from '../../db/string-text';
import { notInNumberSet, numberSet } from '../../query/sql-list';
import { groupBy } from '../collections';
import { plural, span } from '../describe';
import { Evidence, selectRows } from '../evidence';
import { networkPrefix } from '../ip-prefix';
import { TOKEN_EXPIRY_CODES } from '../known-values';
import { defineRule, MINUTE_MS } from '../rule';

/** Sentinel excludes these two apps (constant background failures from many networks). */
const EXCLUDED_APPS = ['Office 365 Exchange Online', 'Skype for Business Online'];

export const successThenFailure = defineRule({
  id: 'success-then-failure',
  title: 'Success then failure from another network',
  severity: 'medium',
  description: "An account signs in successfully, then within minutes a sign-in for the same account and application fails from an IP outside the successful IP's network.",
  logic:
    'For each failed sign-in (status Failure, not 0, 50140, 70043 or 70044; Exchange Online and Skype for Business excluded), a successful sign-in of the same account and application from a different IP in the `withinMinutes` before it. The pair counts when the IPs differ in their /16 (IPv4) or first two hextets (IPv6). One finding per account; low when every pair mixes IPv4 and IPv6 (dual-stack devices switch families all the time).',
  references: ['Sentinel: Successful logon from IP and failure from a different IP (SuccessThenFail_DiffIP_SameUserandApp.yaml)'],
  falsePositives: ['A laptop on Wi-Fi and a phone on mobile data used together, one with a mistyped or expired password (often IPv4 against IPv6)', 'Split-tunnel VPNs'],
  params: {
    withinMinutes: { label: 'Failure after the success within', unit: 'minutes', default: 10, min: 1, max: 1440 },
  },
  run(db, p, signal) {
    const failure = db.strings.lookupId('Failure');
    if (failure === undefined) return [];
    const pairs = db
      .tuples(
        `SELECT f.user_principal_name_k, s.rid, f.rid, s.ip_address_k, f.ip_address_k
       FROM signin_data f JOIN signin_data s
         ON s.user_principal_name_k = f.user_principal_name_k AND s.created_ms BETWEEN f.created_ms - ? AND f.created_ms
         AND s.status_code = 0 AND s.app_display_name_k IS f.app_display_name_k AND s.ip_address_k IS NOT f.ip_address_k
       WHERE f.status_k = ? AND f.status_code NOT IN ${numberSet([0, ...TOKEN_EXPIRY_CODES])} AND f.user_principal_name_k IS NOT NULL
         AND f.ip_address_k IS NOT NULL AND (f.app_display_name_k IS NULL OR ${notInNumberSet('f.app_display_name_k', dictIds(db, EXCLUDED_APPS))})`,
        [p.withinMinutes * MINUTE_MS, failure],
        [NUM, NUM, NUM, NUM_NULL, NUM],
      )
      .map(([user, successRid, failureRid, successIp, failureIp]) => ({ user, successRid, failureRid, successIp: successIp ?? 0, failureIp })); // 0: no such string
    throwIfAborted(signal);
    const ipText = stringValues(
      db,
      pairs.flatMap((r) => [r.successIp, r.failureIp]),
    );
    const crossNetwork = pairs.filter((r) => networkPrefix(ipText.get(r.successIp) ?? '') !== networkPrefix(ipText.get(r.failureIp) ?? ''));
    const findings: Finding[] = [];
    for (const [user, list] of groupBy(crossNetwork, (r) => r.user)) {
      const evidence = new Evidence(selectRows(db, `rid IN ${numberSet(list.flatMap((r) => [r.successRid, r.failureRid]))}`));
      const failures = new Set(list.map((r) => r.failureRid));
      const first = list[0]!;
      const at = new Map(evidence.rows().map((r) => [r.rid, r.ms]));
      const gap = (at.get(first.failureRid) ?? 0) - (at.get(first.successRid) ?? 0);
      const name = stringValues(db, [user]).get(user);
      const title = `Success then failure from another network for ${name}: success from ${ipText.get(first.successIp)}, failure from ${ipText.get(first.failureIp)} ${span(gap)} later${failures.size > 1 ? ` (${plural(failures.size, 'failure')} in all)` : ''}`;
      const mixedFamilies = list.every((r) => isV6(ipText.get(r.successIp)) !== isV6(ipText.get(r.failureIp)));
      findings.push(
        evidence.toFinding(db, { ruleId: 'success-then-failure', severity: mixedFamilies ? 'low' : 'medium', title, details: { pairs: list.length, failures: failures.size, mixedFamilies } }),
      );
    }
    return findings;
  },
});

function isV6(ip: string | undefined): boolean {
  return !!ip && ip.includes(':');
}
