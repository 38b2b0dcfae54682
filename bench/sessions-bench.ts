// The sessions phase on a saved case: rebuilds the `sessions` table (as after an import) and prints
// its time and the bytes per sign-in of the sessions table, its indexes and signin_data's ix_corr.
// --limit N first keeps the case's first N sign-ins (a smaller case from the saved 1M one).
// Usage: npx tsx bench/sessions-bench.ts [--case bench/out/case-1000000.signinscope] [--limit 100000] [--runs 3]
import os from 'node:os';
import path from 'node:path';
import { loadCase } from '../main/cases/case-store';
import { NUM } from '../main/db/row-spec';
import { buildSessions } from '../main/sessions/build-sessions';
import { arg, figure, heading, rssMb, time } from './report';
import { storageBreakdown } from './storage-breakdown';

async function main(): Promise<void> {
  const file = arg('case', path.join(__dirname, 'out', 'case-1000000.signinscope'));
  const limit = Number(arg('limit', '0'));
  const runs = Number(arg('runs', '3'));
  const { value: caseDb, ms: openMs } = await time(() => loadCase(file)); // an older layout's sessions are converted on open
  if (limit) {
    caseDb.run('DELETE FROM signin_data WHERE rid > (SELECT rid FROM signin_data ORDER BY rid LIMIT 1 OFFSET ?)', [limit - 1]);
    caseDb.exec('VACUUM'); // else the trimmed indexes keep their emptied pages
  }
  const signins = caseDb.value('SELECT count(*) FROM signin_data', [], NUM)!;
  heading(`SigninScope sessions build: ${path.basename(file)}, ${signins.toLocaleString('en')} sign-ins, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  figure('open the case (with any layout migration)', `${openMs.toFixed(0)} ms`);
  const times: number[] = [];
  const cpu: number[] = [];
  let sessions = 0;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    const { value, ms } = await time(() => buildSessions(caseDb));
    const used = process.cpuUsage(before);
    times.push(ms);
    cpu.push((used.user + used.system) / 1000);
    sessions = value.sessions;
  }
  figure(
    `build (${sessions.toLocaleString('en')} sessions), median of ${runs}`,
    `${[...times].sort((a, b) => a - b)[Math.floor(runs / 2)]!.toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`,
  );
  // this process's CPU time: less swayed than wall time by other processes on a loaded machine
  figure('build CPU time, median', `${[...cpu].sort((a, b) => a - b)[Math.floor(runs / 2)]!.toFixed(0)} ms (runs: ${cpu.map((t) => t.toFixed(0)).join(', ')})`);
  figure('peak RSS', `${rssMb()} MB`);
  heading('bytes per sign-in (sessions parts)');
  const { objects } = await storageBreakdown(caseDb.export());
  caseDb.close();
  let total = 0;
  for (const o of objects.filter((x) => x.table === 'session_data' || x.table === 'sessions' || x.name === 'ix_corr')) {
    figure(`${o.type} ${o.name}`, `${(o.bytes / signins).toFixed(1)} B`);
    total += o.bytes;
  }
  figure('all of the above', `${(total / signins).toFixed(1)} B`);
}

void main();
