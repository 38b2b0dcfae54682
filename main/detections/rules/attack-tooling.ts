// Sign-ins by well-known attacker tooling, recognised by user agent (and application id).
import type { Finding } from '../../../shared/model/detection';
import { dictIds, dictIdsContaining, throwIfAborted } from '../case-sql';
import { numberSet } from '../../query/sql-list';
import { plural } from '../describe';
import { Evidence, extraNum, selectRows } from '../evidence';
import { TOOL_SIGNATURES, type ToolSignature } from '../known-values';
import { defineRule } from '../rule';
import type { CaseDb } from '../../db/case-db';

export const attackTooling = defineRule({
  id: 'attack-tooling',
  title: 'Sign-ins by attacker tooling',
  severity: 'medium',
  description: 'Sign-ins whose user agent belongs to scripting libraries and offensive tools used for spraying, token replay and tenant reconnaissance.',
  logic:
    'User agent containing python-requests, axios/, BAV2ROPC, azurehound, AADInternals, fasthttp or PostmanRuntime, or exactly "Mozilla/5.0" for Azure AD PowerShell / Azure CLI (MSOLSpray, TeamFiltration). One finding per tool with at least `minSignins` sign-ins; high when any of them succeeded.',
  references: [
    'Microsoft-Analyzer-Suite: UserAgent blacklist (AADInternals, azurehound, python-requests, axios, BAV2ROPC, fasthttp, PostmanRuntime)',
    'Sigma: Failed sign-in via AAD PowerShell / Azure CLI with generic UA (azure_signin_spray_tooling_failed_auth.yml)',
  ],
  falsePositives: ['In-house scripts and integrations built on python-requests or axios (same IPs, service accounts)', 'API testing with Postman by developers'],
  params: {
    minSignins: { label: 'Sign-ins per tool', unit: 'sign-ins', default: 1, min: 1, max: 100_000, integer: true },
  },
  run(db, p, signal) {
    // Dictionary ids per signature, then one scan of the table for all of them (user_agent_k has no index).
    const signatures = TOOL_SIGNATURES.map((tool) => ({ tool, ...signatureIds(db, tool) })).filter((s) => s.agents.size > 0);
    const agents = [...new Set(signatures.flatMap((s) => [...s.agents]))];
    if (!agents.length) return [];
    const rows = selectRows(db, `user_agent_k IN ${numberSet(agents)}`, [], ['user_agent_k', 'app_id_k']);
    const findings: Finding[] = [];
    for (const { tool, agents: ids, apps } of signatures) {
      throwIfAborted(signal);
      const evidence = new Evidence(rows.filter((r) => ids.has(extraNum(r, 0)!) && (!apps || apps.has(extraNum(r, 1) ?? -1))));
      if (evidence.size < p.minSignins) continue;
      const succeeded = evidence.count((r) => r.code === 0);
      const title = `${tool.label} user agent: ${plural(evidence.size, 'sign-in')} for ${plural(evidence.distinct((r) => r.user).size, 'account')} from ${plural(evidence.distinct((r) => r.ip).size, 'IP')}, ${succeeded} succeeded`;
      findings.push(evidence.toFinding(db, { ruleId: 'attack-tooling', severity: succeeded ? 'high' : 'medium', title, details: { tool: tool.label, source: tool.source, succeeded } }));
    }
    return findings;
  },
});

/** User-agent ids of a signature in this case, and the application ids it is restricted to. */
function signatureIds(db: CaseDb, tool: ToolSignature): { agents: Set<number>; apps: Set<number> | null } {
  const agents = [...(tool.agentContains ? dictIdsContaining(db, tool.agentContains) : []), ...(tool.agentEquals ? dictIds(db, [tool.agentEquals]) : [])];
  return { agents: new Set(agents), apps: tool.appIds ? new Set(dictIds(db, tool.appIds)) : null };
}
