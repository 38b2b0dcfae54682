// Brute force on one account: many wrong passwords for one user in a short window, perhaps then a
// sign-in with the right password from one of the guessing IPs.
import type { Finding } from '../../../shared/model/detection';
import { throwIfAborted } from '../case-sql';
import { stringValues } from '../../db/string-text';
import { numberSet } from '../../query/sql-list';
import { listSome, outcomeText, plural, span } from '../describe';
import { Evidence, selectRows } from '../evidence';
import { PASSWORD_ACCEPTED_CODES } from '../known-values';
import { defineRule, MINUTE_MS } from '../rule';
import { flaggedWindows } from '../windows';

/** Wrong password and lockout; not 50034 (no such account) nor 50055 (expired, i.e. right). */
const GUESSES = `status_code IN ${numberSet([50126, 50053, 50056])}`;

export const bruteForce = defineRule({
  id: 'brute-force',
  title: 'Brute force on one account',
  severity: 'medium',
  description: 'One account receives many wrong passwords within a short window, possibly followed by a sign-in with the right password from a guessing IP.',
  logic:
    'Failures 50126, 50053 and 50056 are counted per account in windows of `windowMinutes` (two bin phases). At least `minFailures` in a window make a finding. A later outcome proving the password right (0, 50074, 53003...) from one of the guessing IPs within `successWithinMinutes` of the last failure raises it to high.',
  references: [
    'Sentinel: Brute force attack against Azure Portal (SigninBruteForce-AzurePortal.yaml): >= 10 failures before a success in a 20-min session',
    'Sentinel hunting: Suspected Brute force attack Investigation (AADSuspectedBruteForce.yaml): > 100 failures and a success per UPN+IP in 1 h',
  ],
  falsePositives: ['A device or mail client retrying an old password after a password change (the success then comes from the same IP: check the user agent)'],
  params: {
    windowMinutes: { label: 'Window', unit: 'minutes', default: 60, min: 1, max: 1440, integer: true },
    minFailures: { label: 'Failures per account per window', unit: 'failures', default: 10, min: 2, max: 100_000, integer: true },
    successWithinMinutes: { label: 'Success after the last failure within', unit: 'minutes', default: 20, min: 0, max: 1440 },
  },
  run(db, p, signal) {
    const windows = flaggedWindows(db, { key: 'user_principal_name_k', where: GUESSES, windowMs: p.windowMinutes * MINUTE_MS, minCount: p.minFailures });
    const findings: Finding[] = [];
    for (const w of windows) {
      throwIfAborted(signal);
      const failures = new Evidence(selectRows(db, `user_principal_name_k = ? AND created_ms >= ? AND created_ms < ? AND ${GUESSES}`, [w.key, w.from, w.to]));
      const ips = [...failures.distinct((r) => r.ip)];
      const accepted = selectRows(
        db,
        `user_principal_name_k = ? AND created_ms >= ? AND created_ms <= ? AND ip_address_k IN ${numberSet(ips)} AND status_code IN ${numberSet(PASSWORD_ACCEPTED_CODES)}`,
        [w.key, failures.from, failures.to + p.successWithinMinutes * MINUTE_MS],
      );
      const succeeded = accepted.filter((r) => r.code === 0).length;
      const names = stringValues(db, [w.key, ...ips]);
      const user = names.get(w.key) ?? `#${w.key}`;
      const from = ips.length === 1 ? `from ${names.get(ips[0]!)}` : `from ${plural(ips.length, 'IP')} (${listSome(ips.map((ip) => names.get(ip) ?? `#${ip}`))})`;
      const title = `Brute force on ${user}: ${plural(failures.size, 'failed password')} ${from} in ${span(failures.to - failures.from)}${outcomeText(accepted.length, succeeded)}`;
      const details = { failures: failures.size, passwordValid: accepted.length, successes: succeeded };
      findings.push(failures.add(accepted).toFinding(db, { ruleId: 'brute-force', severity: accepted.length ? 'high' : 'medium', title, details }));
    }
    return findings;
  },
});
