// `npm run build`: the renderer (Vite → dist/renderer) and the main-process bundles (esbuild →
// dist/main: Electron entry, sandboxed preload, engine worker, browser-mode server).
// Importable: serve/start/e2e call ensureRenderer() to build only when sources changed.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const rendererIndex = path.join(root, 'dist', 'renderer', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function rendererIsStale() {
  if (!existsSync(rendererIndex)) return true;
  const built = statSync(rendererIndex).mtimeMs;
  const sources = Math.max(newestMtime(path.join(root, 'renderer')), newestMtime(path.join(root, 'shared')), statSync(path.join(root, 'vite.config.mts')).mtimeMs);
  return sources > built;
}

export async function buildRenderer() {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.mts'), logLevel: 'warn' });
}

export async function ensureRenderer() {
  if (!rendererIsStale()) return false;
  console.error('[signinscope] building the renderer…');
  await buildRenderer();
  return true;
}

/**
 * Path of the Electron executable, or null when it was never downloaded. Resolved the way
 * electron/index.js does it, but WITHOUT its fallback of downloading the binary on require.
 */
export function electronBinary() {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
    return existsSync(bin) ? bin : null;
  }
  if (!rel) return null;
  const bin = path.join(pkg, 'dist', rel);
  return existsSync(bin) ? bin : null;
}

/** Source files under main/ (recursively). */
function mainSources(dir = path.join(root, 'main')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? mainSources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/**
 * Every worker thread started with `spawnWorker(path.join(__dirname, 'x.js'), path.join(__dirname, 'y.ts'))`
 * gets its own bundle dist/main/x.js: all bundles share dist/main as __dirname, so each finds its
 * workers there. Found by scanning, so a new worker needs no change here.
 */
export function workerEntries() {
  const call = /spawnWorker\(\s*path\.join\(__dirname,\s*'([\w-]+)\.js'\),\s*path\.join\(__dirname,\s*'([\w./-]+\.ts)'\)/g;
  const entries = {};
  for (const file of mainSources()) {
    for (const m of readFileSync(file, 'utf8').matchAll(call)) entries[m[1]] = path.relative(root, path.join(path.dirname(file), m[2]));
  }
  return entries;
}

export async function buildMain() {
  const esbuild = await import('esbuild');
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', sourcemap: false, logLevel: 'warning', absWorkingDir: root };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: { 'electron-app': 'main/electron/app.ts', serve: 'main/server/serve.ts', ...workerEntries() }, outdir: 'dist/main', external: ['electron'] }),
    // The sandboxed preload can require only 'electron': everything else is bundled in.
    esbuild.build({ ...common, packages: undefined, minify: true, entryPoints: { preload: 'main/electron/preload.ts' }, outdir: 'dist/main', external: ['electron'] }),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  await buildRenderer();
  await buildMain();
  console.log(`built dist/renderer and dist/main in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
