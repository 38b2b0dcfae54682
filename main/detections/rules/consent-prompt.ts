// Consent prompts that needed an admin (90095): users being led to grant an application
// permissions, the first step of consent phishing.
import type { Finding } from '../../../shared/model/detection';
import { stringValues } from '../../db/string-text';
import { groupBy } from '../collections';
import { plural } from '../describe';
import { Evidence, extraIds, extraNum, selectRows } from '../evidence';
import { HOSTING_ASNS } from '../known-values';
import { defineRule } from '../rule';

export const consentPrompt = defineRule({
  id: 'consent-prompt',
  title: 'Admin consent required prompts',
  severity: 'low',
  description: 'Sign-ins stopped because an application asked for permissions that need admin consent (90095): an unknown app trying to get users to consent, possibly consent phishing.',
  logic:
    'Error 90095 grouped per application id: one finding per application. It is raised to medium when at least `minUsers` distinct accounts were prompted for the same application or any prompt came from a hosting ASN.',
  references: ['Microsoft-Analyzer-Suite: suspicious error 90095 (admin consent required)'],
  falsePositives: ['Users trying a new legitimate SaaS application before IT approved it'],
  params: {
    minUsers: { label: 'Distinct accounts for the same app that make it medium', unit: 'accounts', default: 3, min: 1, max: 10_000, integer: true },
  },
  run(db, p) {
    const rows = selectRows(db, 'status_code = 90095', [], ['app_id_k', 'app_display_name_k']);
    const findings: Finding[] = [];
    for (const [appId, list] of groupBy(rows, (r) => extraNum(r, 0))) {
      const evidence = new Evidence(list);
      const users = evidence.distinct((r) => r.user).size;
      const names = stringValues(db, extraIds(list, [0, 1]));
      const appName = names.get(extraNum(list[0]!, 1) ?? -1) ?? 'an unnamed application';
      const app = `${appName}${appId === null ? '' : ` (${names.get(appId)})`}`;
      const hosting = list.some((r) => r.asn !== null && HOSTING_ASNS.has(r.asn));
      const title = `Admin consent required (90095) for ${app}: ${plural(users, 'account')} prompted, ${plural(list.length, 'sign-in')} from ${plural(evidence.distinct((r) => r.ip).size, 'IP')}`;
      findings.push(evidence.toFinding(db, { ruleId: 'consent-prompt', severity: users >= p.minUsers || hosting ? 'medium' : 'low', title, details: { app, hostingAsn: hosting } }));
    }
    return findings;
  },
});
