// Read and write grants are separate: a picked file grants that file only; writes go only where an
// output location was granted; dot-names below a grant and symlinks out of it are unreachable.
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathPolicy } from '../../main/api/path-policy';
import { parseServeArgs } from '../../main/server/args';
import { tempDir } from '../helpers/temp-files';

const tmp = tempDir();
const evidenceDir = path.join(tmp.dir, 'evidence');
const outDir = path.join(tmp.dir, 'out');
mkdirSync(evidenceDir);
mkdirSync(outDir);
mkdirSync(path.join(evidenceDir, '.git'));
const evidence = tmp.write('evidence/signins.json', '[]');
const neighbour = tmp.write('evidence/other.json', '[]');
symlinkSync(tmp.dir, path.join(outDir, 'escape'));

describe('PathPolicy', () => {
  it('a file granted for reading is that file only: not its folder, not for writing', () => {
    const policy = new PathPolicy();
    policy.grantRead(evidence);
    expect(policy.checkRead(evidence)).toBe(evidence);
    expect(() => policy.checkRead(neighbour)).toThrow(/reading .* was not granted/);
    expect(() => policy.checkRead(evidenceDir)).toThrow(/not granted/);
    expect(() => policy.checkWrite(evidence)).toThrow(/writing .* was not granted/);
    expect(() => policy.checkWrite(path.join(evidenceDir, 'case.signinscope'))).toThrow(/not granted/);
  });

  it('a readable folder is not writable; the output folder is both', () => {
    const policy = new PathPolicy({ read: [evidenceDir], write: [outDir] });
    expect(policy.checkRead(neighbour)).toBe(neighbour);
    expect(() => policy.checkWrite(path.join(evidenceDir, 'x.csv'))).toThrow(/writing/);
    expect(policy.checkWrite(path.join(outDir, 'x.csv'))).toBe(path.join(outDir, 'x.csv'));
    expect(policy.checkRead(path.join(outDir, 'x.csv'))).toBe(path.join(outDir, 'x.csv'));
    expect(policy.writable()).toEqual([outDir]);
  });

  it('dot-names below a grant, `..` and symlinks out of a grant are unreachable', () => {
    const policy = new PathPolicy({ read: [evidenceDir], write: [outDir] });
    expect(() => policy.checkRead(path.join(evidenceDir, '.git', 'config'))).toThrow(/not granted/);
    expect(() => policy.checkWrite(path.join(outDir, '.hidden.csv'))).toThrow(/not granted/);
    expect(() => policy.checkRead(path.join(evidenceDir, '..', 'out', '..', 'evidence', '..', 'secret'))).toThrow(/not granted/);
    expect(() => policy.checkWrite(path.join(outDir, 'escape', 'evidence', 'signins.json'))).toThrow(/not granted/);
  });
});

describe('browser-mode arguments', () => {
  it('take --root for reading and --out for writing', () => {
    expect(parseServeArgs(['--root', 'a', '--root', 'b', '--out', 'o', 'x.json'])).toMatchObject({ roots: ['a', 'b'], out: 'o', paths: ['x.json'], demo: false });
    expect(parseServeArgs([])).toMatchObject({ roots: [], out: null, demo: true });
    expect(() => parseServeArgs(['--out'])).toThrow(/needs a value/);
  });
});
