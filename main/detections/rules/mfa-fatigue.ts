// MFA fatigue (push bombing): many denied or unanswered MFA prompts for one account in minutes,
// usually until the tired user approves one.
import type { Finding } from '../../../shared/model/detection';
import type { CaseDb } from '../../db/case-db';
import { dictIdsContaining, throwIfAborted } from '../case-sql';
import { stringValues } from '../../db/string-text';
import { numberSet } from '../../query/sql-list';
import { groupBy } from '../collections';
import { listSome, plural, span } from '../describe';
import { Evidence, selectRows, type SigninRow } from '../evidence';
import { MFA_DENIED_CODES, MFA_INTERRUPT_CODES } from '../known-values';
import { defineRule, MINUTE_MS } from '../rule';
import { slidingBursts } from '../windows';

export const mfaFatigue = defineRule({
  id: 'mfa-fatigue',
  title: 'MFA fatigue (repeated denied or unanswered prompts)',
  severity: 'medium',
  description: 'One account gets many denied or unanswered MFA prompts within minutes; a success shortly after means the user probably gave in.',
  logic:
    'Denied MFA = error 500121, 70037 or 1003033, or an authentication step result starting "MFA denied". Unanswered MFA = an MFA interrupt (50074 or 50076) that is the last interrupt of its correlation id, with no success (0) and no denial in that correlation id at or after it: a push nobody answered often leaves nothing else. Per account, a sliding window of `windowMinutes` holding at least `minDenials` denied or unanswered prompts is a burst. A successful sign-in (0) of the account within `successWithinMinutes` after the last prompt raises it to high.',
  references: [
    'Sigma: Potential Successful MFA Fatigue Attack (azure_successful_mfa_fatigue_attack.yml): >= 7 failed MFA in 10 min, then success within 10 min',
    'Sentinel: MFA Spamming followed by Successful login (MFASpammingfollowedbySuccessfullogin.yaml): > 10 denials within 5 min and a success',
  ],
  falsePositives: [
    "A user whose phone has a broken authenticator app and who keeps retrying (no success, or success from the user's usual IP)",
    'Sign-ins abandoned at the MFA prompt (unanswered), many in minutes only when something retries them',
  ],
  params: {
    windowMinutes: { label: 'Window', unit: 'minutes', default: 10, min: 1, max: 1440 },
    minDenials: { label: 'Denied or unanswered prompts per window', unit: 'prompts', default: 7, min: 2, max: 10_000, integer: true },
    successWithinMinutes: { label: 'Success after the last prompt within', unit: 'minutes', default: 10, min: 0, max: 1440 },
  },
  run(db, p, signal) {
    const deniedText = dictIdsContaining(db, ['MFA denied']);
    const denied = (row: string) => `(${row}status_code IN ${numberSet(MFA_DENIED_CODES)} OR ${row}mfa_result_k IN ${numberSet(deniedText)})`;
    const denials = selectRows(db, `user_principal_name_k IS NOT NULL AND ${denied('')}`);
    throwIfAborted(signal);
    const unanswered = unansweredPrompts(db, denied('l.'));
    const unansweredRids = new Set(unanswered.map((r) => r.rid));
    const prompts = [...denials, ...unanswered].sort((a, b) => a.ms - b.ms || a.rid - b.rid);
    const findings: Finding[] = [];
    for (const [user, rows] of groupBy(prompts, (r) => r.user!)) {
      for (const [first, last] of slidingBursts(
        rows.map((r) => r.ms),
        p.windowMinutes * MINUTE_MS,
        p.minDenials,
      )) {
        throwIfAborted(signal);
        const burst = new Evidence(rows.slice(first, last + 1));
        const ips = [...burst.distinct((r) => r.ip)];
        const end = burst.to + p.successWithinMinutes * MINUTE_MS;
        // The prompts' own interrupts (50074...) and the session that follows, from the same IPs.
        const around = selectRows(db, `user_principal_name_k = ? AND created_ms >= ? AND created_ms <= ? AND ip_address_k IN ${numberSet(ips)}`, [user, burst.from - 2 * MINUTE_MS, end]);
        const successes = selectRows(db, 'user_principal_name_k = ? AND created_ms > ? AND created_ms <= ? AND status_code = 0', [user, burst.to, end]);
        const names = stringValues(db, [user, ...ips]);
        const silent = burst.count((r) => unansweredRids.has(r.rid));
        const refused = burst.size - silent;
        const what = silent ? `${refused} denied and ${plural(silent, 'unanswered prompt')}` : plural(refused, 'denied prompt');
        let title = `MFA fatigue on ${names.get(user)}: ${what} in ${span(burst.to - burst.from)} from ${listSome(ips.map((ip) => names.get(ip) ?? `#${ip}`))}`;
        if (successes.length) title += ', then approved';
        const details = { denied: refused, unanswered: silent, successes: successes.length };
        findings.push(
          burst
            .add(around)
            .add(successes)
            .toFinding(db, { ruleId: 'mfa-fatigue', severity: successes.length ? 'high' : 'medium', title, details }),
        );
      }
    }
    return findings;
  },
});

/**
 * MFA interrupts nobody answered: the last interrupt of a correlation id when nothing at or after it
 * in that correlation id succeeded or was denied (a denial is already counted once). Interrupts
 * without a correlation id cannot be followed and are not counted.
 */
function unansweredPrompts(db: CaseDb, laterDenied: string): SigninRow[] {
  const later = '(l.created_ms > i.created_ms OR (l.created_ms = i.created_ms AND l.rid > i.rid))';
  return selectRows(
    db,
    `rid IN (SELECT i.rid FROM signin_data i
       WHERE i.status_code IN ${numberSet(MFA_INTERRUPT_CODES)} AND i.user_principal_name_k IS NOT NULL AND i.correlation_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM signin_data l WHERE l.correlation_id = i.correlation_id AND l.rid <> i.rid
           AND (((l.status_code = 0 OR ${laterDenied}) AND l.created_ms >= i.created_ms)
             OR (l.status_code IN ${numberSet(MFA_INTERRUPT_CODES)} AND ${later}))))`,
  );
}
