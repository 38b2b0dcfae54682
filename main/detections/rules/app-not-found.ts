// Application-id enumeration: a source asking for tokens for many client ids that do not exist in
// the tenant (700016), as recon tools do to find installed first- and third-party apps.
import type { Finding } from '../../../shared/model/detection';
import { throwIfAborted } from '../case-sql';
import { plural, span } from '../describe';
import { extraNum } from '../evidence';
import { defineRule, MINUTE_MS } from '../rule';
import { sourceBursts } from '../source-windows';

export const appNotFound = defineRule({
  id: 'app-not-found',
  title: 'Application not found reconnaissance',
  severity: 'medium',
  description: 'One source requests tokens for many application ids unknown to the tenant (700016): enumeration of applications or tenant reconnaissance.',
  logic: 'Error 700016 per ASN (per IP when the logs have no ASN) in windows of `windowMinutes`; at least `minApps` distinct application ids in a window make a finding.',
  references: ['Entra error 700016 (AADSTS700016, application not found in the directory); Microsoft-Analyzer-Suite ErrorCode statistics'],
  falsePositives: ['A misconfigured or decommissioned application (one application id, many retries: below the distinct-app threshold)'],
  params: {
    windowMinutes: { label: 'Window', unit: 'minutes', default: 60, min: 1, max: 1440, integer: true },
    minApps: { label: 'Distinct unknown application ids per window', unit: 'apps', default: 3, min: 1, max: 10_000, integer: true },
  },
  run(db, p, signal) {
    const findings: Finding[] = [];
    for (const { evidence, source } of sourceBursts(db, { where: 'status_code = 700016', windowMs: p.windowMinutes * MINUTE_MS, distinct: 'app_id_k', minDistinct: p.minApps }, ['app_id_k'])) {
      throwIfAborted(signal);
      const apps = evidence.distinct((r) => extraNum(r, 0)).size;
      const title = `Application enumeration from ${source}: ${plural(evidence.size, 'sign-in')} for ${plural(apps, 'unknown application id')} (700016) in ${span(evidence.to - evidence.from)}`;
      findings.push(evidence.toFinding(db, { ruleId: 'app-not-found', severity: 'medium', title, details: { source, apps } }));
    }
    return findings;
  },
});
