// `signin-scope sql CASE "SELECT ..." [--json] [--limit N] [--timeout S]`: one read-only statement over a
// case (PRAGMA query_only refuses every write; the case file is never written by this command). The
// query runs in a worker thread that is terminated when the time limit runs out; a result longer than
// --limit is cut with a message. Both exit 2, so a script never mistakes a partial answer for a whole one.
import path from 'node:path';
import { spawnWorker } from '../platform/spawn-worker';
import { UsageError, type ParsedArgs } from './args';
import { table } from './format';
import { printError } from './output';
import type { SqlJob, SqlWorkerMessage } from './sql-worker';

export const DEFAULT_SQL_LIMIT = 1_000_000;
export const DEFAULT_SQL_TIMEOUT_S = 60;
const EXIT_CUT = 2;

export async function sqlCommand(args: ParsedArgs, out: (s: string) => void): Promise<number> {
  const [file, sql, extra] = args.positional;
  if (!file || !sql) throw new UsageError('sql needs a case file and a query');
  if (extra !== undefined) throw new UsageError('sql takes one query: quote it as one argument');
  const limit = positiveNumber(args, 'limit', DEFAULT_SQL_LIMIT, true);
  const timeoutS = positiveNumber(args, 'timeout', DEFAULT_SQL_TIMEOUT_S, false);
  const { columns, rows, cut } = await runQuery({ file, sql, limit }, timeoutS);
  if (args.flags.has('json'))
    out(
      JSON.stringify(
        rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))),
        null,
        2,
      ),
    );
  else out(`${table(columns, rows)}\n(${rows.length} rows${cut ? ', cut' : ''})`);
  if (!cut) return 0;
  printError(`signin-scope sql: the result has more than ${limit} rows; only the first ${limit} were printed (raise --limit or narrow the query)`);
  return EXIT_CUT;
}

function positiveNumber(args: ParsedArgs, name: string, fallback: number, integer: boolean): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new UsageError(`--${name} needs a positive ${integer ? 'whole number' : 'number'}`);
  return n;
}

function runQuery(job: SqlJob, timeoutS: number): Promise<{ columns: string[]; rows: unknown[][]; cut: boolean }> {
  const worker = spawnWorker(path.join(__dirname, 'sql-worker.js'), path.join(__dirname, 'sql-worker.ts'), { workerData: job });
  let columns: string[] = [];
  const rows: unknown[][] = [];
  return new Promise((resolve, reject) => {
    const finish = (err: Error | null, cut = false) => {
      clearTimeout(timer);
      void worker.terminate();
      if (err) reject(err);
      else resolve({ columns, rows, cut });
    };
    const timer = setTimeout(() => finish(new UsageError(`the query was stopped after ${timeoutS} s (--timeout): nothing was printed; narrow it or raise --timeout`)), timeoutS * 1000);
    worker.on('message', (m: SqlWorkerMessage) => {
      if (m.type === 'columns') columns = m.columns;
      else if (m.type === 'rows') for (const r of m.rows) rows.push(r);
      else if (m.type === 'done') finish(null, m.cut);
      else finish(new UsageError(m.readOnly ? `writes are refused: the sql command is read-only (${m.message})` : `SQL error: ${m.message}`));
    });
    worker.on('error', (e) => finish(new UsageError(`SQL error: ${e.message}`)));
    worker.on('exit', (code) => finish(new UsageError(`the query stopped unexpectedly (worker exit ${code})`)));
  });
}
