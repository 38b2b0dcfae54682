// In the packaged app the code lives in resources/app.asar, and the files electron-builder.yml lists
// under asarUnpack are copied beside it into resources/app.asar.unpacked. Worker bundles and sql.js's
// wasm are loaded from there, by path, so their `path.join(__dirname, …)` must point into the copy.
// From source or from dist/ (no asar segment in the path) the path is returned unchanged.
const ASAR_SEGMENT = /([\\/])app\.asar(?=[\\/]|$)/;

/** The path of `file` in app.asar.unpacked when it is inside app.asar, else `file` itself. */
export function unpackedPath(file: string): string {
  return file.replace(ASAR_SEGMENT, '$1app.asar.unpacked');
}

/** `resources/app.asar/node_modules` when `file` is inside app.asar, else null. */
export function asarNodeModules(file: string): string | null {
  const m = ASAR_SEGMENT.exec(file);
  return m ? `${file.slice(0, m.index)}${m[1]}app.asar${m[1]}node_modules` : null;
}
