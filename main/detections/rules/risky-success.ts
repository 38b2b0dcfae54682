// Risky sign-ins that still succeeded: Entra ID Protection flagged the sign-in, yet it went through.
import type { Finding } from '../../../shared/model/detection';
import { dictIds, SUCCEEDED } from '../case-sql';
import { stringValue, stringValues } from '../../db/string-text';
import { numberSet } from '../../query/sql-list';
import { groupBy } from '../collections';
import { listSome, plural } from '../describe';
import { Evidence, extraIds, extraNum, selectRows } from '../evidence';
import { HOSTING_ASNS } from '../known-values';
import { defineRule } from '../rule';

export const riskySuccess = defineRule({
  id: 'risky-success',
  title: 'Risky sign-in that succeeded',
  severity: 'medium',
  description: 'Successful sign-ins that Entra ID Protection rated medium or high risk, or whose user was at risk or confirmed compromised.',
  logic:
    'Successful sign-ins (0) with risk level during sign-in medium or high, or risk state atRisk or confirmedCompromised. One finding per account; high when the level was high, the state confirmedCompromised, or the IP belongs to a hosting ASN.',
  references: [
    'Sigma: Risky Successful Interactive Sign-in from Hosting/VPN ASN (azure_signin_risky_interactive_hosting_asn.yml)',
    'Microsoft-Analyzer-Suite: "very risky authentication" (high + atRisk + aggregated medium/high)',
  ],
  falsePositives: ['Risk already remediated by a password reset or MFA (check risk state and detail)', 'Users on consumer VPNs flagged as anonymized IP'],
  params: {},
  run(db) {
    const levels = numberSet(dictIds(db, ['medium', 'high']));
    const states = numberSet(dictIds(db, ['atRisk', 'confirmedCompromised']));
    const rows = selectRows(db, `${SUCCEEDED} AND (risk_level_during_sign_in_k IN ${levels} OR risk_state_k IN ${states})`, [], ['risk_level_during_sign_in_k', 'risk_state_k', 'risk_event_types_k']);
    const high = new Set(dictIds(db, ['high', 'confirmedCompromised']));
    const findings: Finding[] = [];
    for (const [user, list] of groupBy(rows, (r) => r.user)) {
      const evidence = new Evidence(list);
      const severe = list.some((r) => high.has(extraNum(r, 0) ?? -1) || high.has(extraNum(r, 1) ?? -1) || (r.asn !== null && HOSTING_ASNS.has(r.asn)));
      const labels = stringValues(db, extraIds(list, [0, 1, 2]));
      const risks = [
        ...new Set(
          list.map((r) =>
            [extraNum(r, 0), extraNum(r, 1)]
              .map((id) => (id === null ? '' : labels.get(id)))
              .filter(Boolean)
              .join('/'),
          ),
        ),
      ];
      const events = [...new Set(list.flatMap((r) => (extraNum(r, 2) === null ? [] : (labels.get(extraNum(r, 2)!) ?? '').split(','))).filter(Boolean))].sort();
      const title = `Risky sign-in succeeded for ${stringValue(db, user) ?? 'an unknown account'}: ${plural(list.length, 'sign-in')} (${listSome(risks)}) from ${plural(evidence.distinct((r) => r.ip).size, 'IP')}${events.length ? `; ${listSome(events)}` : ''}`;
      findings.push(evidence.toFinding(db, { ruleId: 'risky-success', severity: severe ? 'high' : 'medium', title, details: { risks, riskEvents: events } }));
    }
    return findings;
  },
});
