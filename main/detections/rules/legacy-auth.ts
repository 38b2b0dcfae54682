// Legacy authentication that succeeded: basic-auth protocols (IMAP, POP, SMTP, EAS...) and ROPC
// bypass MFA, so a success there is a working password without a second factor.
import type { Finding } from '../../../shared/model/detection';
import { LEGACY_CLIENT_APPS } from '../../../shared/model/columns';
import { dictIds, dictIdsContaining, SUCCEEDED, throwIfAborted } from '../case-sql';
import { stringValue, stringValues } from '../../db/string-text';
import { numberSet } from '../../query/sql-list';
import { groupBy } from '../collections';
import { listSome, plural } from '../describe';
import { Evidence, extraIds, extraNum, selectRows } from '../evidence';
import { HOSTING_ASNS } from '../known-values';
import { defineRule } from '../rule';

export const legacyAuth = defineRule({
  id: 'legacy-auth',
  title: 'Legacy authentication success',
  severity: 'medium',
  description: 'Successful sign-ins over legacy (basic) authentication or the ROPC flow, which cannot do MFA.',
  logic:
    'Successful sign-ins (0) whose client app is a legacy protocol (Exchange ActiveSync, IMAP4, POP3, SMTP, Authenticated SMTP, MAPI, EWS, Autodiscover, Other clients...), or whose user agent contains BAV2ROPC, or whose authentication protocol is ROPC. One finding per account with at least `minSignins` of them; high when the BAV2ROPC agent or a hosting ASN is involved.',
  references: [
    'Sentinel hunting: Login attempts using Legacy Auth (LegacyAuthAttempt.yaml)',
    'Sigma: Potential MFA Bypass Using Legacy Client Authentication (azure_ad_legacy_client_mfa_bypass)',
    'Microsoft-Analyzer-Suite: Authenticated SMTP alert',
  ],
  falsePositives: ['Printers, scanners and line-of-business apps still sending mail with SMTP AUTH (service accounts, the same IP every day)'],
  params: {
    minSignins: { label: 'Legacy successes per account', unit: 'sign-ins', default: 1, min: 1, max: 100_000, integer: true },
  },
  run(db, p, signal) {
    const ropcAgents = dictIdsContaining(db, ['BAV2ROPC']);
    const ropc = numberSet(dictIds(db, ['ropc'])); // stored in Graph's spelling whatever the export wrote
    const legacy = dictIds(db, LEGACY_CLIENT_APPS);
    const rows = selectRows(
      db,
      `${SUCCEEDED} AND (client_app_used_k IN ${numberSet(legacy)} OR user_agent_k IN ${numberSet(ropcAgents)} OR authentication_protocol_k IN ${ropc})`,
      [],
      ['client_app_used_k', 'user_agent_k'],
    );
    throwIfAborted(signal);
    const findings: Finding[] = [];
    const ropcAgentSet = new Set(ropcAgents);
    const legacyClients = new Set(legacy);
    for (const [user, list] of groupBy(rows, (r) => r.user)) {
      if (list.length < p.minSignins) continue;
      const evidence = new Evidence(list);
      const clientText = stringValues(db, extraIds(list, [0]));
      // Name the legacy protocol; modern client apps matched only through ROPC / BAV2ROPC.
      const via = [...new Set(list.map((r) => (legacyClients.has(extraNum(r, 0) ?? -1) ? clientText.get(extraNum(r, 0)!)! : 'ROPC')))].sort();
      const bav2ropc = list.some((r) => ropcAgentSet.has(extraNum(r, 1) ?? -1));
      const hosting = list.some((r) => r.asn !== null && HOSTING_ASNS.has(r.asn));
      const name = stringValue(db, user) ?? 'an unknown account';
      const title = `Legacy authentication success for ${name}: ${plural(list.length, 'sign-in')} via ${listSome(via, 4)} from ${plural(evidence.distinct((r) => r.ip).size, 'IP')}${hosting ? ' (hosting ASN)' : ''}`;
      findings.push(evidence.toFinding(db, { ruleId: 'legacy-auth', severity: bav2ropc || hosting ? 'high' : 'medium', title, details: { via, bav2ropc, hostingAsn: hosting } }));
    }
    return findings;
  },
});
