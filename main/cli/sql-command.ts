// `signin-scope sql CASE "SELECT ..." [--json]`: read-only SQL over a case (PRAGMA query_only refuses
// every write; the case file on disk is never written by this command anyway).
import { loadCase } from '../cases/case-store';
import { UsageError, type ParsedArgs } from './args';
import { table } from './format';

export async function sqlCommand(args: ParsedArgs, out: (s: string) => void): Promise<number> {
  const [file, sql] = args.positional;
  if (!file || !sql) throw new UsageError('sql needs a case file and a query');
  const caseDb = await loadCase(file);
  try {
    caseDb.db.exec('PRAGMA query_only = ON');
    const stmt = caseDb.db.prepare(sql);
    try {
      const columns = stmt.getColumnNames();
      const rows: unknown[][] = [];
      while (stmt.step()) rows.push(stmt.get());
      if (args.flags.has('json')) out(JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))), null, 2));
      else out(`${table(columns, rows)}\n(${rows.length} rows)`);
    } finally {
      stmt.free();
    }
    return 0;
  } catch (e) {
    const message = (e as Error).message;
    if (/readonly|query_only|attempt to write/i.test(message)) throw new UsageError(`writes are refused: the sql command is read-only (${message})`);
    throw new UsageError(`SQL error: ${message}`);
  } finally {
    caseDb.close();
  }
}
