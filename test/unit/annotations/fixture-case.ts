// Small cases for the annotation, export and report tests: hand-written Graph records imported
// through the real pipeline (users, IPs, outcomes and times vary; a few rows share a time).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { saveCase } from '../../../main/cases/case-store';
import type { CaseDb } from '../../../main/db/case-db';
import { NUM, type SqlParams } from '../../../main/db/row-spec';
import { Engine } from '../../../main/engine/engine';
import { graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';

export const T0 = Date.UTC(2025, 2, 4, 8, 0, 0);

export interface FixtureOptions {
  rows?: number;
  /** Overrides for individual records by index. */
  override?: (i: number) => Record<string, unknown>;
}

export function fixtureRecords(opts: FixtureOptions = {}): Record<string, unknown>[] {
  return Array.from({ length: opts.rows ?? 120 }, (_, i) =>
    graphSignin({
      userPrincipalName: `user${i % 5}@northwind.example`,
      userDisplayName: `User ${i % 5}`,
      ipAddress: `198.51.100.${i % 13}`,
      // Every fourth pair of rows shares a timestamp: keyset paging must not drop or repeat them.
      createdDateTime: new Date(T0 + Math.floor(i / 2) * 45_000).toISOString(),
      status: i % 4 === 0 ? { errorCode: 50126, failureReason: 'Invalid username or password.' } : { errorCode: 0, failureReason: 'Other.' },
      location: {
        city: i % 3 ? 'Seattle' : 'Lagos',
        state: null,
        countryOrRegion: i % 3 ? 'US' : 'NG',
        geoCoordinates: i % 3 ? { latitude: 47.6, longitude: -122.3 } : { latitude: 6.45, longitude: 3.4 },
      },
      ...opts.override?.(i),
    }),
  );
}

export async function fixtureCase(dir: string, opts: FixtureOptions = {}): Promise<{ caseDb: CaseDb; file: string }> {
  const file = path.join(dir, `evidence-${Math.random().toString(36).slice(2)}.json`);
  // A Graph page as the API returns it: its @odata.context says the records are sign-ins, so one
  // without a createdDateTime still is one.
  writeFileSync(file, JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns', value: fixtureRecords(opts) }));
  const { caseDb } = await importIntoNewCase([file]);
  return { caseDb, file };
}

export function rids(caseDb: CaseDb, sql: string, params: SqlParams = []): number[] {
  return caseDb.tuples(sql, params, [NUM]).map(([rid]) => rid);
}

/**
 * Saves the case to `file` and opens it in a fresh engine, its cache (journals, recovery) under
 * `dir`; `close` stops the autosave keeper and restores the cache setting.
 */
export async function engineOnCase(caseDb: CaseDb, dir: string, file: string): Promise<{ engine: Engine; close(): void }> {
  const previousCache = process.env.SIGNINSCOPE_CACHE;
  process.env.SIGNINSCOPE_CACHE = path.join(dir, 'cache');
  await saveCase(caseDb, file);
  const engine = await Engine.create();
  await engine.handle('case.open', { path: file });
  return {
    engine,
    close: () => {
      engine.keeper.dispose();
      process.env.SIGNINSCOPE_CACHE = previousCache;
    },
  };
}
