// How many sign-ins fit in one in-memory case, and what each table and index costs. Prints the bytes
// per sign-in of every table and index of a saved case, then the reopen time split into its steps.
// With --target, first grows the case by copying its rows (fresh request and correlation ids) up to
// that many sign-ins, rebuilds indexes and sessions and saves it. Parsing is left out
// (import-bench.ts measures it). Prints figures only.
// Usage: npx tsx bench/capacity-bench.ts [--case bench/out/case-1000000.signinscope] [--target 8000000]
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCase, saveCase } from '../main/cases/case-store';
import { NUM, STR } from '../main/db/row-spec';
import { INDEX_DDL, STORED_COLUMNS } from '../main/db/schema';
import { loadSqlJs } from '../main/db/sqljs';
import { SnapshotStore } from '../main/query/snapshot';
import { warmSortOrder } from '../main/query/row-order';
import { warmTextSearch } from '../main/query/text-search';
import { buildSessions } from '../main/sessions/build-sessions';
import { arg, figure, heading, mb, median, rssMb, time } from './report';
import { storageBreakdown } from './storage-breakdown';

async function main(): Promise<void> {
  let file = arg('case', path.join(__dirname, 'out', 'case-1000000.signinscope'));
  const target = Number(arg('target', '0'));
  heading(`SigninScope capacity: ${path.basename(file)}${target ? ` grown to ${target.toLocaleString('en')} sign-ins` : ''}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  if (target) file = await grow(file, target);

  const bytes = new Uint8Array(readFileSync(file));
  const probe = await loadCase(file);
  const signins = probe.value('SELECT count(*) FROM signin_data', [], NUM)!;
  const sessions = probe.hasTable('session_data') ? probe.value('SELECT count(*) FROM session_data', [], NUM)! : 0;
  const strings = probe.value('SELECT count(*) FROM strings', [], NUM)!;
  probe.close();
  heading(`bytes per sign-in: ${signins.toLocaleString('en')} sign-ins, ${sessions.toLocaleString('en')} sessions, ${strings.toLocaleString('en')} strings`);
  const { objects, fileBytes, freeBytes } = await storageBreakdown(bytes);
  const perSignin = (n: number) => `${(n / signins).toFixed(1).padStart(7)} B  (${mb(n).padStart(5)} MB)`;
  const byTable = new Map<string, number>();
  for (const o of objects) byTable.set(o.table, (byTable.get(o.table) ?? 0) + o.bytes);
  for (const [table, total] of [...byTable].sort((a, b) => b[1] - a[1])) {
    if (total < fileBytes / 1000) continue; // the small tables: in "other"
    figure(`${table} (table and indexes)`, perSignin(total));
    for (const o of objects.filter((x) => x.table === table).sort((a, b) => b.bytes - a.bytes)) figure(`  ${o.type} ${o.name}`, perSignin(o.bytes));
  }
  const listed = [...byTable.values()].filter((n) => n >= fileBytes / 1000).reduce((a, b) => a + b, 0);
  figure('free pages (reused as the case grows; VACUUM drops them)', perSignin(freeBytes));
  figure('other (small tables, schema)', perSignin(fileBytes - listed - freeBytes));
  figure('case file, all in', perSignin(fileBytes));

  heading('reopen');
  const SQL = await loadSqlJs();
  const { ms: readMs } = await time(() => readFileSync(file));
  figure('  read the file', `${(readMs / 1000).toFixed(2)} s`);
  const { value: raw, ms: deserialiseMs } = await time(() => new SQL.Database(bytes));
  figure('  sql.js deserialise (copy into wasm memory)', `${(deserialiseMs / 1000).toFixed(2)} s`);
  const { ms: dictMs } = await time(() => raw.exec('SELECT id, value FROM strings'));
  figure('  read every string (the dictionary load)', `${(dictMs / 1000).toFixed(2)} s`);
  raw.close();
  const { value: reopened, ms: loadMs } = await time(() => loadCase(file));
  figure('  loadCase (all of the above, schema repair, dictionary map)', `${(loadMs / 1000).toFixed(2)} s`);
  const { ms: textMs } = await time(() => warmTextSearch(reopened));
  figure('  warm text search', `${(textMs / 1000).toFixed(2)} s`);
  const { ms: sortMs } = await time(() => warmSortOrder(reopened));
  figure('  warm sort order', `${(sortMs / 1000).toFixed(2)} s`);
  figure('reopen, total (case.open)', `${((loadMs + textMs + sortMs) / 1000).toFixed(2)} s`);

  heading('queries (median of 3)');
  const store = new SnapshotStore();
  const upn = reopened.value('SELECT user_principal_name FROM signins WHERE rid = 1', [], STR)!;
  const snapshot = (label: string, filter: Parameters<SnapshotStore['create']>[1]) => {
    let matching = 0;
    const ms = median(3, () => (matching = new SnapshotStore().create(reopened, filter, { column: 'created_at', dir: 'desc' }).matching));
    figure(label, `${ms.toFixed(0)} ms (${matching.toLocaleString('en')} rows)`);
  };
  snapshot('snapshot: everything by time', { conditions: [] });
  snapshot('snapshot: one user by time', { conditions: [{ column: 'user_principal_name', op: 'eq', values: [upn] }] });
  snapshot('snapshot: free text "python"', { conditions: [], text: 'python' });
  store.clear();
  figure('peak RSS', `${rssMb()} MB`);
  reopened.close();
}

/** Copies the case's rows up to `target` sign-ins, rebuilds everything derived, saves next to it. */
async function grow(from: string, target: number): Promise<string> {
  const caseDb = await loadCase(from);
  for (const ddl of INDEX_DDL) if (ddl.includes(' ON signin_data ')) caseDb.exec(`DROP INDEX IF EXISTS ${/INDEX IF NOT EXISTS (\w+)/.exec(ddl)![1]}`);
  const cols = STORED_COLUMNS.filter((c) => c !== 'id' && c !== 'correlation_id');
  let rows = caseDb.value('SELECT count(*) FROM signin_data', [], NUM)!;
  const { ms: growMs } = await time(() => {
    for (let copy = 1; rows < target; copy++) {
      const take = Math.min(rows, target - rows);
      caseDb.exec(`INSERT INTO signin_data (id, correlation_id, ${cols.join(', ')}) SELECT id || '-c${copy}', correlation_id || '-c${copy}', ${cols.join(', ')} FROM signin_data LIMIT ${take}`);
      rows += take;
    }
  });
  figure('rows', `${rows.toLocaleString('en')} (copied in ${(growMs / 1000).toFixed(1)} s)`);
  const { ms: indexMs } = await time(() => caseDb.buildIndexes());
  figure('build indexes', `${(indexMs / 1000).toFixed(1)} s`);
  const { ms: sessionsMs } = await time(() => buildSessions(caseDb));
  figure('build sessions', `${(sessionsMs / 1000).toFixed(1)} s`);
  const file = path.join(path.dirname(from), `capacity-${rows}.signinscope`);
  const { value: bytes, ms: saveMs } = await time(() => saveCase(caseDb, file, { replace: true }));
  figure('case file', `${mb(bytes)} MB, saved in ${(saveMs / 1000).toFixed(1)} s`);
  figure('peak RSS while growing', `${rssMb()} MB`);
  caseDb.close();
  return file;
}

void main();
