// Query figures on a loaded case: grid snapshots and pages, facets, histogram.
import type { CaseDb } from '../main/db/case-db';
import { figure, heading, median } from './report';
import { scalar } from '../test/helpers/sql';

export async function runQueryBench(caseDb: CaseDb): Promise<void> {
  heading('queries (median of 5 runs)');
  const q = await import('../main/query/snapshot').catch(() => null);
  if (!q) {
    figure('query layer', 'not available');
    return;
  }
  const store = new q.SnapshotStore();
  const upn = String(scalar(caseDb, 'SELECT user_principal_name FROM signins WHERE rid = 1'));
  const cases: [string, Parameters<typeof store.create>[1], Parameters<typeof store.create>[2]][] = [
    ['snapshot: everything by time', { conditions: [] }, { column: 'created_at', dir: 'desc' }],
    ['snapshot: one user by time', { conditions: [{ column: 'user_principal_name', op: 'eq', values: [upn] }] }, { column: 'created_at', dir: 'desc' }],
    ['snapshot: failures (status_code 50126)', { conditions: [{ column: 'status_code', op: 'eq', values: [50126] }] }, { column: 'created_at', dir: 'desc' }],
    ['snapshot: text search "python"', { text: 'python', conditions: [] }, { column: 'created_at', dir: 'desc' }],
    ['snapshot: everything sorted by application', { conditions: [] }, { column: 'app_display_name', dir: 'asc' }],
  ];
  for (const [label, filter, sort] of cases) {
    let matching = 0;
    const ms = median(5, () => (matching = store.create(caseDb, filter, sort).matching));
    figure(label, `${ms.toFixed(0)} ms (${matching.toLocaleString('en')} rows)`);
  }
  const snap = store.create(caseDb, { conditions: [] }, { column: 'created_at', dir: 'desc' });
  const cols = ['created_at', 'user_principal_name', 'app_display_name', 'ip_address', 'status', 'status_code', 'country', 'client_app_used'];
  const mid = Math.floor(snap.matching / 2);
  figure('page of 200 rows at the middle', `${median(5, () => store.page(caseDb, snap.snapshotId, mid, 200, cols)).toFixed(1)} ms`);
  const timeline = await import('../main/query/timeline').catch(() => null);
  if (timeline) figure('hourly-ish histogram (300 buckets), all rows', `${median(5, () => timeline.histogram(caseDb, { filter: { conditions: [] }, buckets: 300 })).toFixed(0)} ms`);
  const facets = await import('../main/query/facets').catch(() => null);
  if (facets) figure('facet: top 50 applications', `${median(5, () => facets.facets(caseDb, { filter: { conditions: [] }, column: 'app_display_name', limit: 50 })).toFixed(0)} ms`);
}
