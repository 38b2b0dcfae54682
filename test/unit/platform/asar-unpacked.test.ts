import { describe, expect, it } from 'vitest';
import { asarNodeModules, unpackedPath } from '../../../main/platform/asar-unpacked';

describe('unpackedPath', () => {
  it('points a file inside app.asar at its copy in app.asar.unpacked (POSIX and Windows paths)', () => {
    expect(unpackedPath('/opt/SigninScope/resources/app.asar/dist/main/engine-worker.js')).toBe('/opt/SigninScope/resources/app.asar.unpacked/dist/main/engine-worker.js');
    expect(unpackedPath('C:\\Program Files\\SigninScope\\resources\\app.asar\\node_modules\\sql.js\\dist\\sql-wasm.wasm')).toBe(
      'C:\\Program Files\\SigninScope\\resources\\app.asar.unpacked\\node_modules\\sql.js\\dist\\sql-wasm.wasm',
    );
  });

  it('leaves paths outside an archive unchanged, including names that only look alike', () => {
    for (const p of ['/work/signinscope/dist/main/engine-worker.js', '/opt/x/resources/app.asar.unpacked/dist/main/parse-worker.js', '/home/a/my-app.asar/w.js', '/home/a/app.asarx/w.js']) {
      expect(unpackedPath(p)).toBe(p);
    }
  });

  it('swaps only the first archive segment', () => {
    expect(unpackedPath('/r/app.asar/node_modules/pkg/app.asar/f.js')).toBe('/r/app.asar.unpacked/node_modules/pkg/app.asar/f.js');
  });
});

describe('asarNodeModules', () => {
  it("is the archive's node_modules for a file inside app.asar, null elsewhere", () => {
    expect(asarNodeModules('/opt/S/resources/app.asar/dist/main/engine-worker.js')).toBe('/opt/S/resources/app.asar/node_modules');
    expect(asarNodeModules('C:\\S\\resources\\app.asar\\dist\\main\\sql-worker.js')).toBe('C:\\S\\resources\\app.asar\\node_modules');
    expect(asarNodeModules('/work/signinscope/dist/main/engine-worker.js')).toBeNull();
  });
});
