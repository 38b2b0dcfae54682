// Conditional Access block bursts: the password was right (CA is evaluated after it) but policy
// refused the sign-in (53003), many times from one network.
import type { Finding } from '../../../shared/model/detection';
import { throwIfAborted } from '../case-sql';
import { plural, span } from '../describe';
import { defineRule, MINUTE_MS } from '../rule';
import { sourceBursts } from '../source-windows';

export const caBlockBurst = defineRule({
  id: 'ca-block-burst',
  title: 'Conditional Access block burst',
  severity: 'low',
  description:
    "Many sign-ins blocked by Conditional Access (53003) from one network in a short window. 53003 comes after a correct password, so several accounts blocked from one source means working credentials in someone else's hands.",
  logic:
    'Error 53003 counted per ASN (per IP when the logs have no ASN) in windows of `windowMinutes`; at least `minBlocks` make a finding. Blocks of at least `minUsers` distinct accounts raise it to medium.',
  references: ['Sigma: User Access Blocked by Azure Conditional Access (azure_conditional_access_failure.yml, ResultType 53003)', 'Sentinel SigninPasswordSpray: 53003 counted as a correct password'],
  falsePositives: ['A user with a non-compliant device whose apps keep retrying (one account)', 'A new CA policy rolled out to an office'],
  params: {
    windowMinutes: { label: 'Window', unit: 'minutes', default: 60, min: 1, max: 1440, integer: true },
    minBlocks: { label: 'Blocked sign-ins per window', unit: 'sign-ins', default: 10, min: 1, max: 100_000, integer: true },
    minUsers: { label: 'Distinct accounts that make it medium', unit: 'accounts', default: 3, min: 1, max: 10_000, integer: true },
  },
  run(db, p, signal) {
    const findings: Finding[] = [];
    for (const { evidence, source } of sourceBursts(db, { where: 'status_code = 53003', windowMs: p.windowMinutes * MINUTE_MS, minCount: p.minBlocks })) {
      throwIfAborted(signal);
      const users = evidence.distinct((r) => r.user).size;
      const title = `Conditional Access blocked ${plural(evidence.size, 'sign-in')} of ${plural(users, 'account')} from ${source} in ${span(evidence.to - evidence.from)}`;
      findings.push(evidence.toFinding(db, { ruleId: 'ca-block-burst', severity: users >= p.minUsers ? 'medium' : 'low', title, details: { source, blocks: evidence.size } }));
    }
    return findings;
  },
});
