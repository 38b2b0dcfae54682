// `signin-scope detect CASE [--json] [--save]`: runs the detection rules over a case and prints each
// finding with its rule, severity, users, IPs and the request ids of its supporting sign-ins.
import type { DetectionRunSummary, Finding } from '../../shared/model/detection';
import { loadCase, saveCase } from '../cases/case-store';
import { requestIdsOf } from '../detections/finding-store';
import { saveRun } from '../detections/run-record';
import { runDetections } from '../detections/runner';
import { UsageError, type ParsedArgs } from './args';
import { cleanCell } from './format';
import { printError } from './output';

/** Request ids printed per finding in text mode; --json lists all stored ones. */
const TEXT_IDS = 50;

export async function detectCommand(args: ParsedArgs, out: (s: string) => void): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new UsageError('detect needs a case file');
  const caseDb = await loadCase(file);
  try {
    const run = await runDetections(caseDb);
    const { findings, summary } = run;
    for (const r of summary.rules) if (r.error) printError(`signin-scope detect: rule ${r.ruleId} failed: ${r.error}`);
    const withIds = findings.map((f) => ({ ...f, requestIds: requestIdsOf(caseDb, f.rids) }));
    if (args.flags.has('save')) {
      saveRun(caseDb, run);
      await saveCase(caseDb, file, { replace: true }); // the case's own file
    }
    out(args.flags.has('json') ? JSON.stringify({ summary, findings: withIds }, null, 2) : describe(summary, withIds, args.flags.has('save')));
    return 0;
  } finally {
    caseDb.close();
  }
}

function describe(summary: DetectionRunSummary, findings: (Finding & { requestIds: string[] })[], saved: boolean): string {
  const s = summary.bySeverity;
  const lines = [
    `${findings.length} findings (high ${s.high}, medium ${s.medium}, low ${s.low}, informational ${s.informational}) from ${summary.rules.length} rules in ${summary.ms} ms${saved ? '; saved in the case' : ''}`,
  ];
  const order = ['high', 'medium', 'low', 'informational'];
  const sorted = [...findings].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || a.timeFrom - b.timeFrom);
  for (const f of sorted) {
    lines.push('', `[${f.severity.toUpperCase()}] ${f.ruleId}  ${iso(f.timeFrom)} → ${iso(f.timeTo)}`, `  ${cleanCell(f.title)}`);
    lines.push(`  users (${f.details.userCount ?? f.users.length}): ${some(f.users, 10)}`);
    lines.push(`  IPs (${f.details.ipCount ?? f.ips.length}): ${some(f.ips, 10)}`);
    const more = f.signinCount - Math.min(TEXT_IDS, f.requestIds.length);
    lines.push(`  sign-ins (${f.signinCount}): ${f.requestIds.slice(0, TEXT_IDS).map(cleanCell).join(' ')}${more > 0 ? ` … and ${more} more (--json lists up to 5000)` : ''}`);
  }
  return lines.join('\n');
}

function some(values: readonly string[], n: number): string {
  const shown = values.slice(0, n).map(cleanCell).join(', ');
  return values.length > n ? `${shown} … and ${values.length - n} more` : shown || '-';
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
