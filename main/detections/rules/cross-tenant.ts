// Cross-tenant and guest access: accounts from other tenants signing in to this one. Mostly an
// inventory of external organisations; raised when the access looks like an intrusion.
import type { Finding, Severity } from '../../../shared/model/detection';
import { dictIds, SUCCEEDED } from '../case-sql';
import { stringValues } from '../../db/string-text';
import { notInNumberSet } from '../../query/sql-list';
import { groupBy } from '../collections';
import { listSome, plural } from '../describe';
import { Evidence, extraIds, extraNum, selectRows } from '../evidence';
import { HOSTING_ASNS } from '../known-values';
import { defineRule } from '../rule';

/** Access types where another organisation administers or supports this tenant. */
const PRIVILEGED_ACCESS = ['serviceProvider', 'passthrough', 'microsoftSupport'];

export const crossTenant = defineRule({
  id: 'cross-tenant',
  title: 'Cross-tenant and guest access',
  severity: 'informational',
  description: 'Successful sign-ins of accounts whose home tenant is another organisation (B2B guests, B2B direct connect, service providers), one finding per home tenant.',
  logic:
    'Successful sign-ins (0) whose cross-tenant access type is set and not "none" and whose home tenant differs from the resource tenant, grouped by home tenant. Informational inventory; low when the access type is serviceProvider, passthrough or microsoftSupport (another organisation acting on this tenant); medium when any comes from a hosting ASN, carries medium/high sign-in risk, or used the device-code or ROPC flow. At least `minSignins` per tenant.',
  references: ['Microsoft Entra sign-in log fields crossTenantAccessType, homeTenantId, resourceTenantId', 'Sigma: Risky Successful Interactive Sign-in from Hosting/VPN ASN (ASN list)'],
  falsePositives: ['Normal B2B collaboration with partners (informational by design)'],
  params: {
    minSignins: { label: 'Sign-ins per home tenant', unit: 'sign-ins', default: 1, min: 1, max: 1_000_000, integer: true },
  },
  run(db, p) {
    const rows = selectRows(
      db,
      `${SUCCEEDED} AND cross_tenant_access_type_k IS NOT NULL AND ${notInNumberSet('cross_tenant_access_type_k', dictIds(db, ['none']))} AND home_tenant_id_k IS NOT NULL AND home_tenant_id_k IS NOT resource_tenant_id_k`,
      [],
      ['home_tenant_id_k', 'cross_tenant_access_type_k', 'risk_level_during_sign_in_k', 'authentication_protocol_k'],
    );
    const privileged = new Set(dictIds(db, PRIVILEGED_ACCESS));
    const risky = new Set(dictIds(db, ['medium', 'high', 'deviceCode', 'ropc']));
    const findings: Finding[] = [];
    for (const [tenant, list] of groupBy(rows, (r) => extraNum(r, 0))) {
      if (list.length < p.minSignins) continue;
      const evidence = new Evidence(list);
      const names = stringValues(db, extraIds(list, [0, 1]));
      const types = [...new Set(list.map((r) => names.get(extraNum(r, 1) ?? -1) ?? ''))].sort();
      const hosting = list.some((r) => r.asn !== null && HOSTING_ASNS.has(r.asn));
      const flagged = hosting || list.some((r) => risky.has(extraNum(r, 2) ?? -1) || risky.has(extraNum(r, 3) ?? -1));
      const severity: Severity = flagged ? 'medium' : list.some((r) => privileged.has(extraNum(r, 1) ?? -1)) ? 'low' : 'informational';
      const users = evidence.distinct((r) => r.user).size;
      const title = `External tenant ${names.get(tenant ?? -1) ?? 'unknown'} (${listSome(types)}): ${plural(users, 'account')}, ${plural(list.length, 'successful sign-in')} from ${plural(evidence.distinct((r) => r.ip).size, 'IP')}${flagged ? ' incl. hosting ASN, risky or device-code/ROPC access' : ''}`;
      findings.push(evidence.toFinding(db, { ruleId: 'cross-tenant', severity, title, details: { homeTenant: names.get(tenant ?? -1) ?? null, accessTypes: types, hostingAsn: hosting } }));
    }
    return findings;
  },
});
