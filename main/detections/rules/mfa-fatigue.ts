// MFA fatigue (push bombing): many denied or unanswered MFA prompts for one account in minutes,
// usually until the tired user approves one.
import type { Finding } from '../../../shared/model/detection';
import { decode, dictIdsContaining, inList, throwIfAborted } from '../case-sql';
import { groupBy } from '../collections';
import { listSome, plural, span } from '../describe';
import { Evidence, selectRows } from '../evidence';
import { MFA_DENIED_CODES } from '../known-values';
import { defineRule, MINUTE_MS } from '../rule';
import { slidingBursts } from '../windows';

export const mfaFatigue = defineRule({
  id: 'mfa-fatigue',
  title: 'MFA fatigue (repeated denied prompts)',
  severity: 'medium',
  description: 'One account gets many denied or unanswered MFA prompts within minutes; a success shortly after means the user probably gave in.',
  logic:
    'Denied MFA = error 500121, 70037 or 1003033, or an authentication step result starting "MFA denied". Per account, a sliding window of `windowMinutes` holding at least `minDenials` of them is a burst. A successful sign-in (0) of the account within `successWithinMinutes` after the last denial raises it to high.',
  references: ['Sigma: Potential Successful MFA Fatigue Attack (azure_successful_mfa_fatigue_attack.yml): >= 7 failed MFA in 10 min, then success within 10 min', 'Sentinel: MFA Spamming followed by Successful login (MFASpammingfollowedbySuccessfullogin.yaml): > 10 denials within 5 min and a success'],
  falsePositives: ['A user whose phone has a broken authenticator app and who keeps retrying (no success, or success from the user\'s usual IP)'],
  params: {
    windowMinutes: { label: 'Window', unit: 'minutes', default: 10, min: 1, max: 1440 },
    minDenials: { label: 'Denied prompts per window', unit: 'prompts', default: 7, min: 2, max: 10_000, integer: true },
    successWithinMinutes: { label: 'Success after the last denial within', unit: 'minutes', default: 10, min: 0, max: 1440 },
  },
  run(db, p, signal) {
    const deniedText = dictIdsContaining(db, ['MFA denied']);
    const denials = selectRows(db, `user_principal_name_k IS NOT NULL AND (status_code IN ${inList(MFA_DENIED_CODES)} OR mfa_result_k IN ${inList(deniedText)})`);
    const findings: Finding[] = [];
    for (const [user, rows] of groupBy(denials, (r) => r.user!)) {
      for (const [first, last] of slidingBursts(rows.map((r) => r.ms), p.windowMinutes * MINUTE_MS, p.minDenials)) {
        throwIfAborted(signal);
        const burst = new Evidence(rows.slice(first, last + 1));
        const ips = [...burst.distinct((r) => r.ip)];
        const end = burst.to + p.successWithinMinutes * MINUTE_MS;
        // The prompts' own interrupts (50074...) and the session that follows, from the same IPs.
        const around = selectRows(db, `user_principal_name_k = ? AND created_ms >= ? AND created_ms <= ? AND ip_address_k IN ${inList(ips)}`, [user, burst.from - 2 * MINUTE_MS, end]);
        const successes = selectRows(db, 'user_principal_name_k = ? AND created_ms > ? AND created_ms <= ? AND status_code = 0', [user, burst.to, end]);
        const names = decode(db, [user, ...ips]);
        const denied = burst.size;
        let title = `MFA fatigue on ${names.get(user)}: ${plural(denied, 'denied prompt')} in ${span(burst.to - burst.from)} from ${listSome(ips.map((ip) => names.get(ip) ?? `#${ip}`))}`;
        if (successes.length) title += ', then approved';
        const details = { denied, successes: successes.length };
        findings.push(burst.add(around).add(successes).toFinding(db, { ruleId: 'mfa-fatigue', severity: successes.length ? 'high' : 'medium', title, details }));
      }
    }
    return findings;
  },
});
