// Manual measurement (not part of the test suite): `npx tsx test/unit/query/bench/snapshot-bench.ts [rows]`.
// Builds a synthetic case and times each query-layer entry point once per scenario.
import type { FilterSpec, SortSpec } from '../../../../shared/model/filter-spec';
import { SnapshotStore } from '../../../../main/query/snapshot';
import { facets } from '../../../../main/query/facets';
import { histogram, swimlanes } from '../../../../main/query/timeline';
import { overview } from '../../../../main/query/overview';
import { buildSyntheticCase } from '../helpers/synthetic-case';

const ms = (t: number) => `${Math.round(performance.now() - t)} ms`;

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  let t = performance.now();
  const caseDb = await buildSyntheticCase(rows);
  console.log(`built ${rows} rows, ${caseDb.strings.size} strings in ${ms(t)}; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const store = new SnapshotStore();
  const byTime: SortSpec = { column: 'created_at', dir: 'asc' };
  const scenarios: [string, FilterSpec, SortSpec][] = [
    ['no filter, time asc', { conditions: [] }, byTime],
    ['no filter, time desc', { conditions: [] }, { column: 'created_at', dir: 'desc' }],
    ['UPN eq, time', { conditions: [{ column: 'user_principal_name', op: 'eq', values: ['user3@contoso.com'] }] }, byTime],
    ['app contains "teams", time', { conditions: [{ column: 'app_display_name', op: 'contains', values: ['teams'] }] }, byTime],
    ['UPN contains "user1", time', { conditions: [{ column: 'user_principal_name', op: 'contains', values: ['user1'] }] }, byTime],
    ['status = Failure, time', { conditions: [{ column: 'status', op: 'eq', values: ['Failure'] }] }, byTime],
    ['no filter, app asc', { conditions: [] }, { column: 'app_display_name', dir: 'asc' }],
    ['no filter, user agent desc', { conditions: [] }, { column: 'user_agent', dir: 'desc' }],
    ['no filter, status_code asc', { conditions: [] }, { column: 'status_code', dir: 'asc' }],
    ['cidr 10.0.0.0/8 + 2001:db8::/32', { conditions: [{ column: 'ip_address', op: 'cidr', values: ['10.0.0.0/8', '2001:db8::/32'] }] }, byTime],
    ['text "user12" (first: builds the per-column id cache)', { conditions: [], text: 'user12' }, byTime],
    ['text "user12"', { conditions: [], text: 'user12' }, byTime],
    ['text "agent 12"', { conditions: [], text: 'agent 12' }, byTime],
    ['text "a" (matches most strings)', { conditions: [], text: 'a' }, byTime],
    ['one day', { conditions: [], timeFrom: Date.UTC(2025, 0, 10), timeTo: Date.UTC(2025, 0, 11) }, byTime],
    ['29 of 30 days + status = Failure', { conditions: [{ column: 'status', op: 'eq', values: ['Failure'] }], timeFrom: Date.UTC(2025, 0, 2), timeTo: Date.UTC(2025, 1, 1) }, byTime],
    ['status_code = 0 (half the rows), by app', { conditions: [{ column: 'status_code', op: 'eq', values: [0] }] }, { column: 'app_display_name', dir: 'asc' }],
    ['country = US (skewed), by user agent', { conditions: [{ column: 'country', op: 'eq', values: ['US'] }] }, { column: 'user_agent', dir: 'asc' }],
  ];
  for (const [label, filter, sort] of scenarios) {
    // Best of 3: the machine is shared, the minimum is the least disturbed run.
    const runs = [0, 1, 2].map(() => store.create(caseDb, { ...filter }, sort));
    const info = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const first = performance.now();
    store.page(caseDb, info.snapshotId, Math.floor(info.matching / 2), 100, ['created_at', 'user_principal_name', 'app_display_name', 'ip_address', 'status']);
    console.log(`snapshot ${label}: ${info.matching} rows, create ${info.ms} ms (runs: ${runs.map((r) => r.ms).join(', ')}), page(100) ${Math.round(performance.now() - first)} ms`);
  }
  const noFilter: FilterSpec = { conditions: [] };
  const upn: FilterSpec = { conditions: [{ column: 'user_principal_name', op: 'eq', values: ['user3@contoso.com'] }] };
  const us: FilterSpec = { conditions: [{ column: 'country', op: 'eq', values: ['US'] }] };
  const others: [string, () => unknown][] = [
    ['facets app (no filter)', () => facets(caseDb, { filter: noFilter, column: 'app_display_name', limit: 50 })],
    ['facets ip (no filter)', () => facets(caseDb, { filter: noFilter, column: 'ip_address', limit: 50 })],
    ['facets user agent (no filter, no index)', () => facets(caseDb, { filter: noFilter, column: 'user_agent', limit: 50 })],
    ['facets ip (UPN filter, search)', () => facets(caseDb, { filter: upn, column: 'ip_address', limit: 50, search: '10.' })],
    ['histogram 300 buckets (no filter)', () => histogram(caseDb, { filter: noFilter, buckets: 300 })],
    ['histogram 300 buckets (country = US)', () => histogram(caseDb, { filter: us, buckets: 300 })],
    ['swimlanes 25 x 200 (no filter)', () => swimlanes(caseDb, { filter: noFilter, lanes: 25, buckets: 200 })],
    ['overview (no filter)', () => overview(caseDb, { filter: noFilter })],
    ['overview (UPN filter)', () => overview(caseDb, { filter: upn })],
  ];
  for (const [label, run] of others) {
    const times = [0, 1, 2].map(() => {
      t = performance.now();
      run();
      return Math.round(performance.now() - t);
    });
    console.log(`${label}: ${Math.min(...times)} ms (runs: ${times.join(', ')})`);
  }
}

void main();
