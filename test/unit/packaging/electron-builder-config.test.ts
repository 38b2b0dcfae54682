// electron-builder.yml cannot be exercised here (no Electron binary), so it is read with electron-builder's
// own YAML parser, validated against its own schema (a misspelled option or fuse fails), and checked
// against what the build produces: every worker bundle and sql.js's wasm must be unpacked from asar.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackedPath } from '../../../main/platform/asar-unpacked';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// The parser, validator and glob matcher electron-builder itself depends on.
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const Ajv = builderRequire('ajv') as new (opts: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
const { minimatch } = builderRequire('minimatch') as { minimatch(file: string, pattern: string, opts?: object): boolean };

interface BuilderConfig {
  appId: string;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  extraMetadata: { main: string };
  electronFuses: Record<string, boolean>;
}
const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const unpacked = (file: string) => config.asarUnpack.some((pattern) => minimatch(file, pattern, { dot: true }));

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's schema", () => {
    const schema = JSON.parse(readFileSync(builderRequire.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('packs into asar and flips the fuses that keep the binary from running anything but the app', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('has a real reverse-DNS appId', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/);
    expect(config.appId).not.toMatch(/^(com\.electron|example)\./);
  });

  it('unpacks every worker bundle the build makes, and the unpacked path resolver agrees', async () => {
    const { workerEntries } = (await import(path.join(ROOT, 'scripts', 'build.mjs'))) as { workerEntries(): Record<string, string> };
    const bundles = Object.keys(workerEntries()).map((name) => `dist/main/${name}.js`);
    expect(bundles.length).toBeGreaterThanOrEqual(3); // engine, parse and sql workers at least
    for (const bundle of bundles) {
      expect(unpacked(bundle), `${bundle} is listed under asarUnpack`).toBe(true);
      expect(
        config.files.some((pattern) => minimatch(bundle, pattern)),
        `${bundle} is packaged`,
      ).toBe(true);
      // What spawnWorker is given in the packaged app, and where it then starts the worker.
      const inArchive = path.posix.join('/opt/SigninScope/resources/app.asar', bundle);
      expect(unpackedPath(inArchive)).toBe(path.posix.join('/opt/SigninScope/resources/app.asar.unpacked', bundle));
    }
    expect(unpacked(config.extraMetadata.main), 'the Electron entry itself stays in the archive').toBe(false);
  });

  it("unpacks sql.js's wasm where the installed package keeps it", () => {
    const wasm = path.relative(ROOT, require.resolve('sql.js/dist/sql-wasm.wasm')).split(path.sep).join('/');
    expect(wasm).toBe('node_modules/sql.js/dist/sql-wasm.wasm');
    expect(unpacked(wasm)).toBe(true);
  });
});
