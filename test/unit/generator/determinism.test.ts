// Same seed and options => byte-identical files; another seed => different data.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDemoSet } from '../../../main/generator/demo-set';
import { writeGraphBulk } from '../../../main/generator/bulk';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir('generator-determinism-');

function digests(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );
}

describe('determinism', () => {
  it('writes byte-identical demo sets for the same seed (gzip included)', async () => {
    const opts = { seed: 3, users: 20, days: 1, gzip: true };
    const a = await writeDemoSet(path.join(tmp.dir, 'a'), opts);
    const b = await writeDemoSet(path.join(tmp.dir, 'b'), opts);
    const da = digests(a.dir);
    expect(Object.keys(da)).toHaveLength(15);
    expect(Object.keys(da).every((f) => f.endsWith('.gz'))).toBe(true);
    expect(da).toEqual(digests(b.dir));
    expect(JSON.stringify(a.groundTruth)).toBe(JSON.stringify(b.groundTruth));
  });

  it('changes with the seed', async () => {
    const a = await writeDemoSet(path.join(tmp.dir, 'c'), { seed: 3, users: 20, days: 1 });
    const b = await writeDemoSet(path.join(tmp.dir, 'd'), { seed: 4, users: 20, days: 1 });
    const da = digests(a.dir);
    const db = digests(b.dir);
    for (const f of Object.keys(da)) expect(da[f], f).not.toBe(db[f]);
    expect(a.groundTruth.attacks[0]!.requestIds).not.toEqual(b.groundTruth.attacks[0]!.requestIds);
  });

  it('bulk output is deterministic too', async () => {
    const one = path.join(tmp.dir, 'bulk1.json');
    const two = path.join(tmp.dir, 'bulk2.json');
    await writeGraphBulk(one, { seed: 9, records: 500, users: 20 });
    await writeGraphBulk(two, { seed: 9, records: 500, users: 20 });
    expect(readFileSync(one).equals(readFileSync(two))).toBe(true);
  });
});
