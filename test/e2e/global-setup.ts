// Before any spec: the renderer bundle the server serves, rebuilt only when its sources changed.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export default async function globalSetup(): Promise<void> {
  const { ensureRenderer } = (await import(pathToFileURL(path.resolve(__dirname, '..', '..', 'scripts', 'build.mjs')).href)) as { ensureRenderer(): Promise<boolean> };
  await ensureRenderer();
}
