// Starring a grid selection in one change: the rows of the case get a star (others are skipped),
// it is one journal entry that replays to the same stars, and unstarring removes exactly those.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCase } from '../../../main/cases/case-store';
import { Engine } from '../../../main/engine/engine';
import { tempDir } from '../../helpers/temp-files';
import { fixtureCase } from './fixture-case';
import { all } from '../../helpers/sql';

const tmp = tempDir();
const previousCache = process.env.SIGNINSCOPE_CACHE;
const engines: Engine[] = [];
let file: string;

beforeAll(async () => {
  process.env.SIGNINSCOPE_CACHE = path.join(tmp.dir, 'cache');
  const { caseDb } = await fixtureCase(tmp.dir, { rows: 20 });
  file = path.join(tmp.dir, 'stars.signinscope');
  await saveCase(caseDb, file);
  caseDb.close();
});
afterAll(() => {
  engines.forEach((e) => e.keeper.dispose());
  process.env.SIGNINSCOPE_CACHE = previousCache;
});

async function opened(): Promise<Engine> {
  const e = await Engine.create();
  engines.push(e);
  await e.handle('case.open', { path: file });
  return e;
}

const starredRids = (e: Engine) => all(e.db, "SELECT rid FROM annotations WHERE kind = 'star' AND target_type = 'signin' ORDER BY rid").map((r) => Number(r[0]));

describe('annotations.starRows', () => {
  it('stars the selected sign-ins of the case once, journals one change, and unstars them', async () => {
    const e = await opened();
    await e.handle('annotations.star', { target: { type: 'signin', rid: 4 }, starred: true });
    expect(await e.handle('annotations.starRows', { rids: [2, 3, 4, 9, 9, 4242], starred: true })).toEqual({ matched: 4, changed: 3 });
    expect(starredRids(e)).toEqual([2, 3, 4, 9]);
    const marks = await e.handle('annotations.forRids', { rids: [2, 3, 5] });
    expect(marks.rows.filter((r) => r.starred).map((r) => r.rid)).toEqual([2, 3]);
    const log = await e.handle('activity.list', { action: 'annotate', offset: 0, limit: 5 });
    expect(log.items[0]!.details).toEqual({ selection: 4, starred: true, changed: 3 });

    const replayed = await opened(); // never saved: the journal brings the same stars back
    expect(starredRids(replayed)).toEqual([2, 3, 4, 9]);

    expect(await replayed.handle('annotations.starRows', { rids: [3, 9], starred: false })).toEqual({ matched: 2, changed: 2 });
    expect(starredRids(replayed)).toEqual([2, 4]);
  });
});
