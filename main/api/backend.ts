// The transport-neutral backend: validates every request against the contract, enforces the path
// policy, answers the few main-side channels and forwards the rest to the engine worker. Electron
// IPC and the browser-mode WebSocket are both thin pipes into `invoke`.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { contract, type Channel, type EventName, type Result, type ShellCommand } from '../../shared/api/contract';
import { IMPORTER_VERSION } from '../../shared/model/import-summary';
import { EngineHost } from '../engine/host';
import { ApiFailure } from './api-failure';
import { PathPolicy } from './path-policy';

export interface BackendOptions {
  mode: 'electron' | 'browser' | 'test';
  roots: string[];
  /** Evidence files or a case file to open at start. */
  openPaths?: string[];
  demo?: boolean;
}

/** What the desktop shell does for `app.command`: native dialogs, granting what the user picks. */
export interface Shell {
  run(command: ShellCommand): Promise<{ done: boolean; path: string | null }>;
}

export interface Backend {
  invoke(channel: string, rawReq: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  /** Electron: a path the user picked in a dialog or dropped on the window. */
  grant(p: string): void;
  /** Electron: the native dialogs behind `app.command` (browser mode has none). */
  setShell(shell: Shell): void;
  close(): Promise<void>;
}

export async function startBackend(opts: BackendOptions): Promise<Backend> {
  const host = await EngineHost.start();
  const policy = new PathPolicy(opts.roots);
  for (const p of opts.openPaths ?? []) policy.grant(p);

  let shell: Shell | null = null;
  const mainSide: Partial<Record<Channel, (req: any) => Promise<unknown>>> = {
    'app.info': async () => ({ version: IMPORTER_VERSION, mode: opts.mode, roots: policy.list() }),
    'app.command': async ({ command }: { command: ShellCommand }) => {
      if (!shell) throw new ApiFailure('NOT_FOUND', 'native dialogs exist only in the desktop app');
      return shell.run(command);
    },
    'fs.list': async ({ dir }: { dir?: string }) => listDir(policy, dir),
  };
  const pathChecks: Partial<Record<Channel, (req: any) => void>> = {
    'case.open': (req: { path: string }) => (req.path = policy.check(req.path)),
    'case.locateEvidence': (req: { path: string }) => (req.path = policy.check(req.path)),
    'case.save': (req: { path?: string }) => {
      if (req.path) req.path = policy.check(req.path, { forWriting: true });
    },
    'import.start': (req: { paths: string[] }) => (req.paths = req.paths.map((p) => policy.check(p))),
    'geo.setDatabases': (req: { cityMmdb?: string | null; asnMmdb?: string | null }) => {
      if (typeof req.cityMmdb === 'string') req.cityMmdb = policy.check(req.cityMmdb);
      if (typeof req.asnMmdb === 'string') req.asnMmdb = policy.check(req.asnMmdb);
    },
    'export.rows': (req: { path: string }) => (req.path = policy.check(req.path, { forWriting: true })),
    'report.html': (req: { path: string }) => (req.path = policy.check(req.path, { forWriting: true })),
  };

  async function invoke(channel: string, rawReq: unknown): Promise<Result<unknown>> {
    try {
      if (!Object.hasOwn(contract, channel)) throw new ApiFailure('NOT_FOUND', `unknown channel "${String(channel).slice(0, 64)}"`);
      const spec = contract[channel as Channel];
      const parsed = spec.req.safeParse(rawReq ?? {});
      if (!parsed.success) throw new ApiFailure('INVALID_INPUT', `${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ')}`);
      const req = parsed.data as Record<string, unknown>;
      pathChecks[channel as Channel]?.(req);
      const local = mainSide[channel as Channel];
      const value = local ? await local(req) : await host.call(channel, req);
      return { ok: true, value };
    } catch (e) {
      const code = e instanceof ApiFailure ? e.code : 'INTERNAL';
      return { ok: false, error: { code, message: (e as Error)?.message ?? String(e) } };
    }
  }

  const backend: Backend = {
    invoke,
    subscribe: (listener) => host.onEvent(listener),
    grant: (p) => policy.grant(p),
    setShell: (s) => (shell = s),
    close: () => host.stop(),
  };
  await openAtStart(backend, opts);
  return backend;
}

async function openAtStart(backend: Backend, opts: BackendOptions): Promise<void> {
  const paths = opts.openPaths ?? [];
  const caseFile = paths.find((p) => p.endsWith('.signinscope'));
  let result: Result<unknown> | undefined;
  if (caseFile) result = await backend.invoke('case.open', { path: caseFile });
  else if (paths.length) result = await backend.invoke('import.start', { paths });
  else if (opts.demo) result = await backend.invoke('case.openDemo', {});
  if (result && !result.ok) throw new Error(`cannot open ${paths.join(', ') || 'the demo case'}: ${result.error.message}`);
}

async function listDir(policy: PathPolicy, dir: string | undefined) {
  if (!dir) {
    const entries = await Promise.all(policy.list().map(async (root) => ({ name: root, path: root, isDir: (await fsp.stat(root).catch(() => null))?.isDirectory() ?? false, size: 0 })));
    return { dir: null, entries };
  }
  const abs = policy.check(dir);
  const names = await fsp.readdir(abs, { withFileTypes: true });
  const entries = await Promise.all(
    names
      .filter((d) => !d.name.startsWith('.'))
      .map(async (d) => {
        const full = path.join(abs, d.name);
        const stat = await fsp.stat(full).catch(() => null);
        return { name: d.name, path: full, isDir: d.isDirectory(), size: stat?.size ?? 0 };
      }),
  );
  entries.sort((a, b) => Number(b.isDir) - Number(a.isDir) || a.name.localeCompare(b.name));
  return { dir: abs, entries: entries.slice(0, 5000) };
}
