// Runs one `signin-scope sql` query in a worker thread, so the command can stop a runaway query (a
// recursive CTE that never ends) by terminating the thread: sql.js is synchronous and has no interrupt.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCase } from '../cases/case-store';

export interface SqlJob {
  file: string;
  sql: string;
  /** Rows sent at most; one more row found means the result was cut. */
  limit: number;
}

export type SqlWorkerMessage = { type: 'columns'; columns: string[] } | { type: 'rows'; rows: unknown[][] } | { type: 'done'; cut: boolean } | { type: 'error'; message: string; readOnly: boolean };

const BATCH = 2000;

async function run(job: SqlJob, post: (m: SqlWorkerMessage) => void): Promise<void> {
  const caseDb = await loadCase(job.file);
  try {
    caseDb.exec('PRAGMA query_only = ON');
    const statements = caseDb.countStatements(job.sql);
    if (statements !== 1) throw new Error(statements === 0 ? 'the query is empty' : `the query holds ${statements} statements: the sql command runs exactly one (nothing was run)`);
    caseDb.withStatement(job.sql, (stmt) => {
      post({ type: 'columns', columns: stmt.getColumnNames() });
      let batch: unknown[][] = [];
      let sent = 0;
      let cut = false;
      while (stmt.step()) {
        if (sent === job.limit) {
          cut = true;
          break;
        }
        batch.push(stmt.get());
        sent++;
        if (batch.length === BATCH) {
          post({ type: 'rows', rows: batch });
          batch = [];
        }
      }
      if (batch.length) post({ type: 'rows', rows: batch });
      post({ type: 'done', cut });
    });
  } finally {
    caseDb.close();
  }
}

if (parentPort && workerData) {
  const port = parentPort;
  run(workerData as SqlJob, (m) => port.postMessage(m)).catch((e: Error) => {
    const message = e?.message ?? String(e);
    port.postMessage({ type: 'error', message, readOnly: /readonly|query_only|attempt to write/i.test(message) } satisfies SqlWorkerMessage);
  });
}
