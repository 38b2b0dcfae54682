// Measures the enrichment, the sessions build and the sessions/geo channels on a large generated
// case. Not a test (no timing assertions): run by hand, one at a time on the shared machine.
//   npx tsx test/unit/sessions/bench/geo-sessions-bench.ts [records=1000000] [rowsPerSession=1]
// The bulk generator gives every record its own correlation id; rowsPerSession > 1 regroups them
// (same user, consecutive in time) to mimic real multi-row sign-in flows.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseDb } from '../../../../main/db/case-db';
import { writeGraphBulk } from '../../../../main/generator/bulk';
import { enrichCase } from '../../../../main/geo/enrich';
import { geoCountries, geoPoints } from '../../../../main/geo/map-queries';
import { geoTravel } from '../../../../main/geo/travel';
import { importFiles } from '../../../../main/import/pipeline';
import { buildSessions } from '../../../../main/sessions/build-sessions';
import { getSession } from '../../../../main/sessions/get-session';
import { listSessions, SessionMatchCache } from '../../../../main/sessions/list-sessions';
import { SessionsListReq } from '../../../../shared/model/session';
import { scalar } from '../../../helpers/sql';

async function timed<T>(label: string, fn: () => T | Promise<T>): Promise<T> {
  const t = performance.now();
  const value = await fn();
  console.log(`${label.padEnd(52)} ${Math.round(performance.now() - t)} ms`);
  return value;
}

async function main(): Promise<void> {
  const records = Number(process.argv[2] ?? 1_000_000);
  const perSession = Number(process.argv[3] ?? 1);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'signinscope-bench-'));
  try {
    const file = path.join(dir, 'bulk.json');
    await timed(`generate ${records} records`, () => writeGraphBulk(file, { seed: 5, records }));
    const caseDb = await CaseDb.create();
    await timed('import', () => importFiles(caseDb, [file]));
    if (perSession > 1) {
      await timed(`regroup into ~${perSession} rows per correlation id`, () =>
        caseDb.exec(
          `UPDATE signin_data SET correlation_id = g.c FROM (SELECT rid AS r, 'g-' || user_principal_name_k || '-' || ((row_number() OVER (PARTITION BY user_principal_name_k ORDER BY created_ms)) / ${perSession}) AS c FROM signin_data) AS g WHERE g.r = signin_data.rid`,
        ),
      );
    }
    console.log(await timed('enrichCase', () => enrichCase(caseDb)));
    console.log(await timed('buildSessions', () => buildSessions(caseDb)));
    const cache = new SessionMatchCache();
    const list = (req: object) => listSessions(caseDb, SessionsListReq.parse({ filter: {}, ...req }), cache);
    let page = await timed('sessions.list first page (firstMs desc)', () => list({}));
    console.log(`  total ${page.total}`);
    for (let i = 0; i < 3; i++) page = await timed(`sessions.list next page by cursor #${i + 1}`, () => list({ after: page.next! }));
    await timed('sessions.list offset 500000 (position paging)', () => list({ offset: Math.min(500_000, page.total - 100) }));
    await timed('sessions.list sort by user asc', () => list({ sort: { column: 'user', dir: 'asc' } }));
    await timed('sessions.list sort by rows desc', () => list({ sort: { column: 'rows', dir: 'desc' } }));
    await timed('sessions.list flags ipChange', () => list({ flags: ['ipChange'] }));
    const user = String(scalar(caseDb, 'SELECT s.value FROM signin_data d JOIN strings s ON s.id = d.user_principal_name_k GROUP BY 1 ORDER BY count(*) DESC LIMIT 1'));
    const byUser = { conditions: [{ column: 'user_principal_name', op: 'eq', values: [user] }] };
    await timed('sessions.list filter one user (first time)', () => list({ filter: byUser }));
    await timed('sessions.list filter one user (next page)', () => list({ filter: byUser, offset: 100 }));
    const failures = { conditions: [{ column: 'status', op: 'eq', values: ['Failure'] }] };
    await timed('sessions.list filter status=Failure (first time)', () => list({ filter: failures }));
    await timed('sessions.list filter status=Failure (next page)', () => list({ filter: failures, offset: 100 }));
    const t0 = Number(scalar(caseDb, 'SELECT min(created_ms) FROM signin_data'));
    await timed('sessions.list time range (one day)', () => list({ filter: { timeFrom: t0, timeTo: t0 + 86_400_000, conditions: [] } }));
    await timed('sessions.get', () => getSession(caseDb, { sessionNo: page.rows[0]!.sessionNo }));
    await timed('geo.points (no filter, first: builds the case summary)', () => geoPoints(caseDb, { filter: { conditions: [] }, decimals: 1, limit: 1500 }));
    await timed('geo.points (no filter, again)', () => geoPoints(caseDb, { filter: { conditions: [] }, decimals: 1, limit: 1500 }));
    await timed('geo.points (status=Failure)', () => geoPoints(caseDb, { filter: failures as never, decimals: 1, limit: 1500 }));
    await timed('geo.points (one user)', () => geoPoints(caseDb, { filter: byUser as never, decimals: 1, limit: 1500 }));
    await timed('geo.countries (no filter)', () => geoCountries(caseDb, { conditions: [] }));
    const travel = await timed(`geo.travel (${user})`, () => geoTravel(caseDb, { filter: { conditions: [] }, user, maxStops: 2000 }));
    console.log(`  stops ${travel.stops.length}, legs ${travel.legs.length}`);
    console.log(`heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
