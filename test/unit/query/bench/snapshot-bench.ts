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
  console.log(`built ${rows} rows, ${caseDb.strings.size} strings in ${ms(t)}`);
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
  ];
  for (const [label, filter, sort] of scenarios) {
    t = performance.now();
    const info = store.create(caseDb, { ...filter }, sort);
    const first = performance.now();
    store.page(caseDb, info.snapshotId, Math.floor(info.matching / 2), 100, ['created_at', 'user_principal_name', 'app_display_name', 'ip_address', 'status']);
    console.log(`snapshot ${label}: ${info.matching} rows, create ${info.ms} ms, page(100) ${Math.round(performance.now() - first)} ms`);
  }
  const noFilter: FilterSpec = { conditions: [] };
  const upn: FilterSpec = { conditions: [{ column: 'user_principal_name', op: 'eq', values: ['user3@contoso.com'] }] };
  t = performance.now();
  facets(caseDb, { filter: noFilter, column: 'app_display_name', limit: 50 });
  console.log(`facets app (no filter): ${ms(t)}`);
  t = performance.now();
  facets(caseDb, { filter: noFilter, column: 'ip_address', limit: 50 });
  console.log(`facets ip (no filter): ${ms(t)}`);
  t = performance.now();
  facets(caseDb, { filter: upn, column: 'ip_address', limit: 50, search: '10.' });
  console.log(`facets ip (UPN filter, search): ${ms(t)}`);
  t = performance.now();
  histogram(caseDb, { filter: noFilter, buckets: 300 });
  console.log(`histogram (no filter): ${ms(t)}`);
  t = performance.now();
  swimlanes(caseDb, { filter: noFilter, lanes: 25, buckets: 200 });
  console.log(`swimlanes (no filter): ${ms(t)}`);
  t = performance.now();
  overview(caseDb, { filter: noFilter });
  console.log(`overview (no filter): ${ms(t)}`);
  t = performance.now();
  overview(caseDb, { filter: upn });
  console.log(`overview (UPN filter): ${ms(t)}`);
}

void main();
