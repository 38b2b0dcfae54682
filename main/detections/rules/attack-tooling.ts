// Sign-ins by well-known attacker tooling, recognised by user agent (and application id).
import type { Finding } from '../../../shared/model/detection';
import { dictIds, dictIdsContaining, inList, throwIfAborted } from '../case-sql';
import { plural } from '../describe';
import { Evidence, selectRows } from '../evidence';
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
  references: ['Microsoft-Analyzer-Suite: UserAgent blacklist (AADInternals, azurehound, python-requests, axios, BAV2ROPC, fasthttp, PostmanRuntime)', 'Sigma: Failed sign-in via AAD PowerShell / Azure CLI with generic UA (azure_signin_spray_tooling_failed_auth.yml)'],
  falsePositives: ['In-house scripts and integrations built on python-requests or axios (same IPs, service accounts)', 'API testing with Postman by developers'],
  params: {
    minSignins: { label: 'Sign-ins per tool', unit: 'sign-ins', default: 1, min: 1, max: 100_000, integer: true },
  },
  run(db, p, signal) {
    const findings: Finding[] = [];
    for (const tool of TOOL_SIGNATURES) {
      throwIfAborted(signal);
      const where = toolFilter(db, tool);
      if (!where) continue;
      const evidence = new Evidence(selectRows(db, where));
      if (evidence.size < p.minSignins) continue;
      const succeeded = evidence.count((r) => r.code === 0);
      const title = `${tool.label} user agent: ${plural(evidence.size, 'sign-in')} for ${plural(evidence.distinct((r) => r.user).size, 'account')} from ${plural(evidence.distinct((r) => r.ip).size, 'IP')}, ${succeeded} succeeded`;
      findings.push(evidence.toFinding(db, { ruleId: 'attack-tooling', severity: succeeded ? 'high' : 'medium', title, details: { tool: tool.label, source: tool.source, succeeded } }));
    }
    return findings;
  },
});

/** SQL filter of one signature, or null when none of its strings occur in the case. */
function toolFilter(db: CaseDb, tool: ToolSignature): string | null {
  const agents = [...(tool.agentContains ? dictIdsContaining(db, tool.agentContains) : []), ...(tool.agentEquals ? dictIds(db, [tool.agentEquals]) : [])];
  if (!agents.length) return null;
  let where = `user_agent_k IN ${inList(agents)}`;
  if (tool.appIds) where += ` AND app_id_k IN ${inList(dictIds(db, tool.appIds))}`;
  return where;
}
