// `signin-scope info CASE [--json]`: the case's evidence manifest and totals.
import { caseInfo } from '../cases/case-info';
import { loadCase } from '../cases/case-store';
import { UsageError, type ParsedArgs } from './args';
import { NUM } from '../db/row-spec';
import { table } from './format';
import { describePartialImport } from '../../shared/model/import-filter';

export async function infoCommand(args: ParsedArgs, out: (s: string) => void): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new UsageError('info needs a case file');
  const caseDb = await loadCase(file);
  const info = caseInfo(caseDb, { path: file, dirty: false, evidence: [] });
  const errors = caseDb.value("SELECT count(*) FROM import_errors WHERE severity = 'error'", [], NUM) ?? 0;
  caseDb.close();
  if (args.flags.has('json')) {
    out(JSON.stringify({ ...info, importErrors: errors }, null, 2));
    return 0;
  }
  const iso = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());
  out(`${info.title}\n${info.signins} sign-ins from ${iso(info.timeMin)} to ${iso(info.timeMax)}; ${errors} import errors\n`);
  if (info.partialImport) out(`${describePartialImport(info.partialImport)}\n`);
  out(
    table(
      ['id', 'file', 'format', 'records', 'imported', 'duplicates', 'errors', 'sha256'],
      info.sources.map((s) => [s.id, s.fileName, s.format, s.records, s.imported, s.duplicates, s.errors, s.sha256]),
      70,
    ),
  );
  return 0;
}
