// Path fields are marked in the contract (shared/api/path-field.ts) and the backend checks every
// marked field against the path policy. These tests keep it that way: a string field named like a
// path but left unmarked fails here, and every marked field of every channel is refused outside the
// granted folders by a real backend.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../../shared/api/contract';
import { pathFieldsOf, walkStringFields } from '../../../shared/api/path-field';
import { backendSession, type BackendSession } from '../../helpers/backend-session';
import { tempDir } from '../../helpers/temp-files';

/** Field names that hold a file-system path unless proven otherwise. */
const PATH_LIKE = /path|file|folder|dir|mmdb/i;
/** Fields named like a path that are not one: query.groups' path is the outer groups' values. */
const NOT_PATHS = new Set(['query.groups path.[]']);

describe('path fields in the contract', () => {
  it('marks every request string field named like a path (path, file, folder, dir, mmdb)', () => {
    const unmarked: string[] = [];
    for (const channel of CHANNELS)
      walkStringFields(contract[channel].req, (at, key, access) => {
        if (access === null && PATH_LIKE.test(key) && !NOT_PATHS.has(`${channel} ${at.join('.')}`)) unmarked.push(`${channel}: ${at.join('.')}`);
      });
    expect(unmarked).toEqual([]);
  });

  it('finds marked fields through optional, nullable and array wrappers', () => {
    expect(pathFieldsOf(contract['import.start'].req)).toEqual([{ at: ['paths', '[]'], access: 'read' }]);
    expect(pathFieldsOf(contract['geo.setDatabases'].req)).toEqual([
      { at: ['cityMmdb'], access: 'read' },
      { at: ['asnMmdb'], access: 'read' },
    ]);
    expect(pathFieldsOf(contract['case.save'].req)).toEqual([{ at: ['path'], access: 'write' }]);
    expect(pathFieldsOf(contract['query.page'].req)).toEqual([]);
  });
});

describe('the backend checks every marked path field', () => {
  const granted = tempDir();
  const outside = tempDir();
  let session: BackendSession;
  beforeAll(async () => {
    session = await backendSession({ mode: 'test', readRoots: [granted.dir], writeRoots: [granted.dir] });
  }, 60_000);
  afterAll(() => session?.close());

  /** A valid request for each channel with path fields, given one path for the field under test (others left out). */
  const requests: Partial<Record<Channel, (field: string, p: string) => Record<string, unknown>>> = {
    'case.open': (_f, p) => ({ path: p }),
    'case.locateEvidence': (_f, p) => ({ sourceId: 1, path: p }),
    'case.save': (_f, p) => ({ path: p }),
    'fs.list': (_f, p) => ({ dir: p }),
    'import.start': (_f, p) => ({ paths: [p] }),
    'geo.setDatabases': (field, p) => ({ [field]: p }),
    'export.rows': (_f, p) => ({ filter: { conditions: [] }, columns: ['user_principal_name'], format: 'csv', path: p }),
    'report.html': (_f, p) => ({ path: p }),
  };

  it('has a sample request for every channel with a path field', () => {
    const withPaths = CHANNELS.filter((c) => pathFieldsOf(contract[c].req).length > 0);
    expect(withPaths.sort()).toEqual(Object.keys(requests).sort());
  });

  it('refuses each marked field outside the granted folders, naming the path', async () => {
    let checked = 0;
    for (const channel of CHANNELS) {
      for (const { at, access } of pathFieldsOf(contract[channel].req)) {
        const target = path.join(outside.dir, `${channel}-${at[0]}.bin`);
        const r = await session.backend.invoke(channel, requests[channel]!(at[0]!, target));
        expect(r, `${channel} ${at.join('.')}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining(`${access === 'read' ? 'reading' : 'writing'} ${target}`) } });
        checked++;
      }
    }
    expect(checked).toBe(9);
  });
});
