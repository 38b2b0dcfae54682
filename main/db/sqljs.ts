// Loads sql.js (SQLite compiled to WebAssembly) once per thread. The wasm file is resolved from the
// installed package so it works from source (tsx), from the esbuild bundle and from an asar-unpacked app.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { unpackedPath } from '../platform/asar-unpacked';

let loading: Promise<SqlJsStatic> | undefined;

export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!loading) {
    const require = createRequire(__filename);
    const init = require('sql.js') as (opts: { locateFile: (f: string) => string }) => Promise<SqlJsStatic>;
    const dist = path.dirname(require.resolve('sql.js/dist/sql-wasm.wasm'));
    // Packaged, the wasm is read from app.asar.unpacked (electron-builder.yml: asarUnpack).
    loading = init({ locateFile: (file) => unpackedPath(path.join(dist, file)) });
  }
  return loading;
}
