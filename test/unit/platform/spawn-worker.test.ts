// The packaged layout rebuilt with plain folders: resources/app.asar/ holds the code and its packages,
// resources/app.asar.unpacked/ the copy of the worker bundle (electron-builder.yml: asarUnpack).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnWorker } from '../../../main/platform/spawn-worker';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function packagedLayout(): { resources: string } {
  const resources = path.join(mkdtempSync(path.join(os.tmpdir(), 'signinscope-asar-')), 'resources');
  dirs.push(path.dirname(resources));
  const pkg = path.join(resources, 'app.asar', 'node_modules', 'some-package');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(pkg, 'index.js'), `module.exports = 'from ' + __dirname;`);
  const unpacked = path.join(resources, 'app.asar.unpacked', 'dist', 'main');
  mkdirSync(unpacked, { recursive: true });
  writeFileSync(path.join(unpacked, 'probe-worker.js'), `require('node:worker_threads').parentPort.postMessage({ file: __filename, pkg: require('some-package') });`);
  return { resources };
}

describe('spawnWorker in a packaged app', () => {
  it('starts the unpacked copy of a bundle inside app.asar, which still finds its packages in the archive', async () => {
    const { resources } = packagedLayout();
    // What the bundle's path.join(__dirname, 'probe-worker.js') gives when it runs from app.asar.
    const worker = spawnWorker(path.join(resources, 'app.asar', 'dist', 'main', 'probe-worker.js'), '/nonexistent/probe-worker.ts');
    const [msg] = (await once(worker, 'message')) as [{ file: string; pkg: string }];
    await worker.terminate();
    expect(msg.file).toBe(path.join(resources, 'app.asar.unpacked', 'dist', 'main', 'probe-worker.js'));
    expect(msg.pkg).toBe(`from ${path.join(resources, 'app.asar', 'node_modules', 'some-package')}`);
  });
});
