// Manual measurement (not part of the test suite). Times each query-layer entry point, best of 3.
//   npx tsx test/unit/query/bench/snapshot-bench.ts [rows]          synthetic case built in memory
//   npx tsx test/unit/query/bench/snapshot-bench.ts --case <file>   a saved case (e.g. bench/out/...)
// Filter values are taken from the case itself (its busiest and a mid-size user, app, IP...).
import os from 'node:os';
import type { FilterSpec, SortSpec } from '../../../../shared/model/filter-spec';
import { loadCase } from '../../../../main/cases/case-store';
import type { CaseDb } from '../../../../main/db/case-db';
import { facets } from '../../../../main/query/facets';
import { overview } from '../../../../main/query/overview';
import { SnapshotStore } from '../../../../main/query/snapshot';
import { histogram, swimlanes } from '../../../../main/query/timeline';
import { buildSyntheticCase } from '../helpers/synthetic-case';
import { all, scalar } from '../../../helpers/sql';

const ms = (t: number) => Math.round(performance.now() - t);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

function bestOf3(run: () => void): { best: number; runs: number[] } {
  const runs = [0, 1, 2].map(() => {
    const t = performance.now();
    run();
    return ms(t);
  });
  return { best: Math.min(...runs), runs };
}

/** A value of `column` holding roughly `share` of the rows (by the top-value list). */
function valueWithShare(caseDb: CaseDb, column: string, share: number): string {
  const res = facets(caseDb, { filter: { conditions: [] }, column, limit: 500 });
  const total = Number(scalar(caseDb, 'SELECT count(*) FROM signin_data'));
  const best = res.values.filter((v) => v.value !== null).reduce((a, b) => (Math.abs(b.count / total - share) < Math.abs(a.count / total - share) ? b : a));
  return String(best.value);
}

async function main(): Promise<void> {
  const caseArg = process.argv.indexOf('--case');
  const t = performance.now();
  const caseDb = caseArg > 0 ? await loadCase(process.argv[caseArg + 1]!) : await buildSyntheticCase(Number(process.argv[2] ?? 1_000_000));
  const rows = Number(scalar(caseDb, 'SELECT count(*) FROM signin_data'));
  console.log(`${caseArg > 0 ? 'loaded' : 'built'} ${rows} rows, ${caseDb.strings.size} strings in ${ms(t)} ms; load average ${load()}`);
  const [tMin, tMax] = all(caseDb, 'SELECT (SELECT min(created_ms) FROM signin_data), (SELECT max(created_ms) FROM signin_data)')[0] as [number, number];
  const someUser = valueWithShare(caseDb, 'user_principal_name', 0.001);
  const userPrefix = someUser.slice(0, 4);
  const bigApp = valueWithShare(caseDb, 'app_display_name', 0.25);
  const appWord = bigApp
    .split(/\s+/)
    .sort((a, b) => b.length - a.length)[0]!
    .slice(0, 6);
  const bigCountry = valueWithShare(caseDb, 'country', 0.3);
  const ipText = valueWithShare(caseDb, 'ip_address', 0.0005);
  console.log(`values: user ${someUser}, app word "${appWord}", country ${bigCountry}, ip ${ipText}`);
  const byTime: SortSpec = { column: 'created_at', dir: 'asc' };
  const cond = (column: string, op: FilterSpec['conditions'][number]['op'], ...values: (string | number)[]): FilterSpec => ({ conditions: [{ column, op, values }] });
  const day = 86_400_000;
  const scenarios: [string, FilterSpec, SortSpec][] = [
    ['no filter, time asc', { conditions: [] }, byTime],
    ['no filter, time desc', { conditions: [] }, { column: 'created_at', dir: 'desc' }],
    ['one UPN (eq), time', cond('user_principal_name', 'eq', someUser), byTime],
    [`app contains "${appWord}", time`, cond('app_display_name', 'contains', appWord), byTime],
    [`UPN contains "${userPrefix}", time`, cond('user_principal_name', 'contains', userPrefix), byTime],
    ['status = Failure, time', cond('status', 'eq', 'Failure'), byTime],
    ['no filter, app asc', { conditions: [] }, { column: 'app_display_name', dir: 'asc' }],
    ['no filter, user agent desc', { conditions: [] }, { column: 'user_agent', dir: 'desc' }],
    ['no filter, status_code asc', { conditions: [] }, { column: 'status_code', dir: 'asc' }],
    ['cidr 10.0.0.0/8 + 2001:db8::/32', cond('ip_address', 'cidr', '10.0.0.0/8', '2001:db8::/32'), byTime],
    [`text "${userPrefix}" (run 1 builds the per-column id cache)`, { conditions: [], text: userPrefix }, byTime],
    [`text "${ipText}"`, { conditions: [], text: ipText }, byTime],
    ['one day', { conditions: [], timeFrom: tMin + day, timeTo: tMin + 2 * day }, byTime],
    ['all but the first day + status = Failure', { ...cond('status', 'eq', 'Failure'), timeFrom: tMin + day, timeTo: tMax + 1 }, byTime],
    ['status_code = 0, by app', cond('status_code', 'eq', 0), { column: 'app_display_name', dir: 'asc' }],
    [`country = ${bigCountry}, by user agent`, cond('country', 'eq', bigCountry), { column: 'user_agent', dir: 'asc' }],
  ];
  // Load-independent yardstick: one plain SQLite scan of the table (no row crosses into JS).
  const scan = bestOf3(() => scalar(caseDb, 'SELECT count(*) FROM signin_data WHERE status_k = -1'));
  console.log(`baseline: full table scan in SQLite ${scan.best} ms (runs ${scan.runs.join(', ')})`);
  const store = new SnapshotStore();
  for (const [label, filter, sort] of scenarios) {
    let info = store.create(caseDb, filter, sort);
    const { best, runs } = bestOf3(() => (info = store.create(caseDb, filter, sort)));
    const first = Math.floor(info.matching / 2);
    const page = bestOf3(() => store.page(caseDb, info.snapshotId, first, 100, ['created_at', 'user_principal_name', 'app_display_name', 'ip_address', 'status']));
    console.log(`snapshot ${label}: ${info.matching} rows, create ${best} ms (runs ${runs.join(', ')}), page(100) ${page.best} ms`);
  }
  const none: FilterSpec = { conditions: [] };
  const user = cond('user_principal_name', 'eq', someUser);
  const country = cond('country', 'eq', bigCountry);
  const others: [string, () => unknown][] = [
    ['facets app (no filter)', () => facets(caseDb, { filter: none, column: 'app_display_name', limit: 50 })],
    ['facets ip (no filter)', () => facets(caseDb, { filter: none, column: 'ip_address', limit: 50 })],
    ['facets user agent (no filter, no index)', () => facets(caseDb, { filter: none, column: 'user_agent', limit: 50 })],
    ['facets ip (one user, search "1")', () => facets(caseDb, { filter: user, column: 'ip_address', limit: 50, search: '1' })],
    ['histogram 300 buckets (no filter)', () => histogram(caseDb, { filter: none, buckets: 300 })],
    [`histogram 300 buckets (country = ${bigCountry})`, () => histogram(caseDb, { filter: country, buckets: 300 })],
    ['swimlanes 25 x 200 (no filter)', () => swimlanes(caseDb, { filter: none, lanes: 25, buckets: 200 })],
    ['overview (no filter)', () => overview(caseDb, { filter: none })],
    ['overview (one user)', () => overview(caseDb, { filter: user })],
  ];
  for (const [label, run] of others) {
    const { best, runs } = bestOf3(run);
    console.log(`${label}: ${best} ms (runs ${runs.join(', ')})`);
  }
  console.log(`load average at the end ${load()}`);
}

void main();
