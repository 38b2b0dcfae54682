// How many sign-ins fit in one in-memory case: grows a real imported case by copying its rows (with
// fresh request ids) up to --target rows, then builds indexes, saves, reopens and queries. Parsing is
// left out (import-bench.ts measures it); this measures the database ceiling. Prints figures only.
// Usage: npx tsx bench/capacity-bench.ts [--from bench/out/case-1000000.signinscope] [--target 5000000]
import os from 'node:os';
import path from 'node:path';
import { loadCase, saveCase } from '../main/cases/case-store';
import { STORED_COLUMNS } from '../main/db/schema';
import { SnapshotStore } from '../main/query/snapshot';
import { arg, figure, heading, mb, median, rssMb, time } from './report';

async function main(): Promise<void> {
  const from = arg('from', path.join(__dirname, 'out', 'case-1000000.signinscope'));
  const target = Number(arg('target', '5000000'));
  heading(`SigninScope capacity: grow ${path.basename(from)} to ${target.toLocaleString('en')} sign-ins, ${os.cpus().length} cores`);
  const caseDb = await loadCase(from);
  const db = caseDb.db;
  db.exec(
    'DROP INDEX IF EXISTS ix_request; DROP INDEX IF EXISTS ix_time; DROP INDEX IF EXISTS ix_upn_time; DROP INDEX IF EXISTS ix_ip_time; DROP INDEX IF EXISTS ix_app_time; DROP INDEX IF EXISTS ix_code_time; DROP INDEX IF EXISTS ix_country; DROP INDEX IF EXISTS ix_corr',
  );
  const cols = STORED_COLUMNS.filter((c) => c !== 'id');
  let rows = Number(caseDb.scalar('SELECT count(*) FROM signin_data'));
  const { ms: growMs } = await time(() => {
    for (let copy = 1; rows < target; copy++) {
      const take = Math.min(rows, target - rows);
      db.exec(`INSERT INTO signin_data (id, ${cols.join(', ')}) SELECT id || '-c${copy}', ${cols.join(', ')} FROM signin_data LIMIT ${take}`);
      rows += take;
    }
  });
  figure('rows', `${rows.toLocaleString('en')} (copied in ${(growMs / 1000).toFixed(1)} s)`);
  const { ms: indexMs } = await time(() => caseDb.buildIndexes());
  figure('build indexes', `${(indexMs / 1000).toFixed(1)} s`);
  const file = path.join(path.dirname(from), `capacity-${rows}.signinscope`);
  const { value: bytes, ms: saveMs } = await time(() => saveCase(caseDb, file, { replace: true }));
  figure('case file', `${mb(bytes)} MB (${(bytes / rows).toFixed(0)} bytes per sign-in), saved in ${(saveMs / 1000).toFixed(1)} s`);
  caseDb.close();
  const { value: reopened, ms: reopenMs } = await time(() => loadCase(file));
  figure('reopen', `${(reopenMs / 1000).toFixed(1)} s`);
  const store = new SnapshotStore();
  const upn = String(reopened.scalar('SELECT user_principal_name FROM signins WHERE rid = 1'));
  figure('snapshot: everything by time', `${median(3, () => store.create(reopened, { conditions: [] }, { column: 'created_at', dir: 'desc' })).toFixed(0)} ms`);
  figure(
    'snapshot: one user by time',
    `${median(3, () => store.create(reopened, { conditions: [{ column: 'user_principal_name', op: 'eq', values: [upn] }] }, { column: 'created_at', dir: 'desc' })).toFixed(0)} ms`,
  );
  figure('peak RSS', `${rssMb()} MB`);
}

void main();
