// MFA rejected as fraud: the user pressed "report fraud" / "No, it's not me" on a prompt they did
// not start, which means someone else has the password.
import type { Finding } from '../../../shared/model/detection';
import { dictIdsContaining } from '../case-sql';
import { stringValue } from '../../db/string-text';
import { numberSet } from '../../query/sql-list';
import { groupBy } from '../collections';
import { plural } from '../describe';
import { Evidence, selectRows } from '../evidence';
import { defineRule } from '../rule';

export const mfaFraud = defineRule({
  id: 'mfa-fraud',
  title: 'MFA rejected as fraud',
  severity: 'high',
  description: 'The user reported an MFA prompt as fraud: the password is known to someone else.',
  logic:
    'Sign-ins whose MFA result, authentication step details or failure reason / status additional details mention "fraud" (e.g. "MFA denied; user reported fraud", "Fraud code entered"). One finding per account, with every such sign-in; at least `minReports` reports are needed.',
  references: ['Sentinel: MFA Rejected by User (MFARejectedbyUser.yaml): ResultType 500121 and additionalDetails has "fraud"'],
  falsePositives: ['A user who taps "report" by mistake (rare; confirm with the user)'],
  params: {
    minReports: { label: 'Fraud reports per account', unit: 'reports', default: 1, min: 1, max: 1000, integer: true },
  },
  run(db, p) {
    const fraud = numberSet(dictIdsContaining(db, ['fraud']));
    const rows = selectRows(db, `mfa_result_k IN ${fraud} OR failure_reason_k IN ${fraud} OR additional_details_k IN ${fraud} OR auth_steps_k IN ${fraud}`);
    const findings: Finding[] = [];
    for (const [user, list] of groupBy(rows, (r) => r.user)) {
      if (list.length < p.minReports) continue;
      const evidence = new Evidence(list);
      const name = stringValue(db, user) ?? 'an unknown account';
      const title = `MFA reported as fraud by ${name}: ${plural(list.length, 'sign-in')} from ${plural(evidence.distinct((r) => r.ip).size, 'IP')}`;
      findings.push(evidence.toFinding(db, { ruleId: 'mfa-fraud', severity: 'high', title, details: { reports: list.length } }));
    }
    return findings;
  },
});
