// Loads sql.js (SQLite compiled to WebAssembly) once per thread. The wasm file is resolved from the
// installed package so it works from source (tsx), from the esbuild bundle and from an asar-unpacked app.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!loading) {
    const require = createRequire(__filename);
    const init = require('sql.js') as (opts: { locateFile: (f: string) => string }) => Promise<SqlJsStatic>;
    const dist = path.dirname(require.resolve('sql.js/dist/sql-wasm.wasm'));
    loading = init({ locateFile: (file) => path.join(dist, file) });
  }
  return loading;
}
