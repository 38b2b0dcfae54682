// `signin-scope import FILE... --case OUT [--json]`
import path from 'node:path';
import type { ImportSummary } from '../../shared/model/import-summary';
import { loadCase, saveCase } from '../cases/case-store';
import { CaseDb } from '../db/case-db';
import { importIntoCase } from '../import/import-sequence';
import { UsageError, type ParsedArgs } from './args';
import { table } from './format';
import { terminalSafe } from './output';
import { existsSync } from 'node:fs';
import { checkWriteTarget } from '../cases/write-target';
import { importFilterOf } from './filter-args';
import { describeImportFilter } from '../../shared/model/import-filter';

export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_UNUSABLE = 2;

export async function importCommand(args: ParsedArgs, out: (s: string) => void): Promise<number> {
  const files = args.positional;
  const target = args.options.get('case');
  if (files.length === 0) throw new UsageError('import needs at least one evidence file');
  if (!target) throw new UsageError('import needs --case OUT.signinscope');
  const filter = await importFilterOf(args);
  // Importing into an existing case adds to it (overlapping records are deduplicated); --replace starts
  // afresh. Either way the target is checked before any work: never evidence, only ever a case.
  const replace = args.flags.has('replace');
  const adding = existsSync(target) && !replace;
  await checkWriteTarget(null, target, { kind: 'case', replace: replace || adding, evidence: files }).catch((e: Error) => {
    throw new UsageError(`${e.message}${/exists: confirm/.test(e.message) ? ' (add --replace)' : ''}`);
  });
  const caseDb = adding ? await loadCase(target) : await CaseDb.create();
  const interactive = process.stderr.isTTY && !args.flags.has('json');
  const summary = await importIntoCase(caseDb, files, {
    filter,
    progressEveryMs: 500,
    derivedProgress: false,
    onProgress: interactive
      ? (p) =>
          process.stderr.write(
            p.phase === 'reading'
              ? `\r${p.phase} ${terminalSafe(p.file)} ${(p.bytesDone / 1e6).toFixed(0)}/${(p.bytesTotal / 1e6).toFixed(0)} MB, ${p.records} records, ${Math.round(p.recordsPerSecond)} rec/s   `
              : `\r${p.phase} ${p.bytesDone} of ${p.bytesTotal} steps, ${p.records} records${' '.repeat(30)}`,
          )
      : undefined,
  });
  if (interactive) process.stderr.write('\n');
  // Nothing usable in any file: a new case would hold nothing but the failure, so none is written.
  if (!adding && summary.files.every((f) => f.status === 'unusable')) {
    caseDb.close();
    out(args.flags.has('json') ? JSON.stringify({ case: null, ...summary }, null, 2) : `${describe(summary, target)}\nno case written: no file held anything usable`);
    return EXIT_UNUSABLE;
  }
  if (!caseDb.meta('title')) caseDb.setMeta('title', path.basename(target).replace(/\.signinscope$/, ''));
  await saveCase(caseDb, target, { replace: true, evidence: files }).catch((e: Error) => {
    caseDb.close();
    throw new UsageError(e.message);
  });
  caseDb.close();
  const partial = filter ? `\npartial import: filter ${describeImportFilter(filter)}; ${summary.files.reduce((n, f) => n + (f.triage?.skipped ?? 0), 0)} records skipped by it` : '';
  out(args.flags.has('json') ? JSON.stringify({ case: path.resolve(target), ...(filter ? { filter } : {}), ...summary }, null, 2) : describe(summary, target) + partial);
  return exitCodeOf(summary);
}

export function exitCodeOf(summary: ImportSummary): number {
  if (summary.files.some((f) => f.status === 'unusable')) return EXIT_UNUSABLE;
  if (summary.files.some((f) => f.errors > 0 || Object.keys(f.skipped).length > 0)) return EXIT_REJECTED;
  return EXIT_OK;
}

function describe(s: ImportSummary, target: string): string {
  const rows = s.files.map((f) => [f.fileName, f.format, f.status, f.records, f.imported, f.duplicates, f.errors, f.warnings]);
  const lines = [table(['file', 'format', 'status', 'records', 'imported', 'duplicates', 'errors', 'warnings'], rows)];
  for (const f of s.files) {
    const skipped = Object.entries(f.skipped);
    if (skipped.length) lines.push(`${f.fileName}: not sign-ins, skipped: ${skipped.map(([category, n]) => `${n} ${category}`).join(', ')}`);
    for (const i of f.firstIssues.slice(0, 5)) {
      const where = i.recordIndex === null ? '' : ` record ${i.recordIndex}${i.byteOffset === null ? '' : ` (byte ${i.byteOffset})`}`;
      lines.push(`${i.severity}: ${f.fileName}${where}: ${i.message}`);
    }
    if (f.errors + f.warnings > 5) lines.push(`  … ${f.errors + f.warnings - 5} more in ${f.fileName} (signin-scope sql CASE "SELECT * FROM import_errors")`);
  }
  lines.push(`${s.signins} sign-ins in ${target} (${s.seconds.toFixed(1)} s)${s.cancelled ? ' — cancelled' : ''}`);
  return lines.join('\n');
}
