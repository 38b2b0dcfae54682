// The transport-neutral backend: validates every request against the contract, enforces the path
// policy, answers the few main-side channels and forwards the rest to the engine worker. Electron
// IPC and the browser-mode WebSocket are both thin pipes into `invoke`.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { pathFieldsOf, checkPathFields, type PathFieldAt } from '../../shared/api/path-field';
import { contract, type Channel, type EventName, type ParsedReq, type Result, type ShellCommand } from '../../shared/api/contract';
import { IMPORTER_VERSION } from '../../shared/model/import-summary';
import { EngineHost } from '../engine/host';
import { AppError, errorOf } from '../../shared/errors';
import { DroppedFiles } from './dropped-files';
import { cacheDir } from '../platform/cache-dir';
import { QueryLog } from '../platform/query-log';
import { PathPolicy } from './path-policy';

export interface BackendOptions {
  mode: 'electron' | 'browser' | 'test';
  /** Folders (or single files) the page may read: browser mode's --root and start folder. */
  readRoots: string[];
  /** Folders the page may write into (and read): browser mode's output folder. */
  writeRoots?: string[];
  /** The browser-mode output folder, shown on screen and offered first by Save and Export. */
  outputDir?: string | null;
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
  /** A file the user picked to open or dropped on the window: that file only, for reading. */
  grantRead(p: string): void;
  /** An output location the user chose (folder to write into, Save dialog target): for writing. */
  grantWrite(p: string): void;
  /** Electron: the native dialogs behind `app.command` (browser mode has none). */
  setShell(shell: Shell): void;
  /** The query log file (Help ▸ Open Query Log). */
  readonly logFile: string;
  close(): Promise<void>;
}

/** Per-channel hooks, each typed by its channel's parsed request. */
type PerChannel<R> = { [C in Channel]?: (req: ParsedReq<C>) => R };

/** The hook for a channel whose request the contract has just parsed (so it has that channel's type). */
function hookFor<R>(hooks: PerChannel<R>, channel: Channel): ((req: unknown) => R) | undefined {
  return hooks[channel] as ((req: unknown) => R) | undefined;
}

/** Each channel's path fields (shared/api/path-field.ts), found once. */
const pathFieldCache = new Map<Channel, PathFieldAt[]>();
function pathFields(channel: Channel): PathFieldAt[] {
  let fields = pathFieldCache.get(channel);
  if (!fields) pathFieldCache.set(channel, (fields = pathFieldsOf(contract[channel].req)));
  return fields;
}

export async function startBackend(opts: BackendOptions): Promise<Backend> {
  const host = await EngineHost.start();
  const log = new QueryLog(path.join(cacheDir(), 'logs'));
  logJobs(host, log);
  const policy = new PathPolicy({ read: opts.readRoots, write: opts.writeRoots ?? [] });
  for (const p of opts.openPaths ?? []) policy.grantRead(p);

  const dropped = new DroppedFiles(opts.outputDir ?? null);
  let shell: Shell | null = null;
  const mainSide: PerChannel<Promise<unknown>> = {
    'app.info': async () => ({ version: IMPORTER_VERSION, mode: opts.mode, roots: policy.list(), writable: policy.writable(), outputDir: opts.outputDir ?? null }),
    'app.command': async ({ command }: { command: ShellCommand }) => {
      if (!shell) throw new AppError('NOT_FOUND', 'native dialogs exist only in the desktop app');
      return shell.run(command);
    },
    'fs.list': async ({ dir }: { dir?: string }) => listDir(policy, dir),
    'drop.begin': (req) => dropped.begin(req),
    'drop.chunk': (req) => dropped.chunk(req),
    'drop.finish': (req) => dropped.finish(req),
    'drop.abort': (req) => dropped.abort(req),
  };
  /** After a call succeeds: an opened case may be saved in place (its own file, nothing beside it). */
  const afterSuccess: PerChannel<void> = {
    'case.open': (req: { path: string }) => policy.grantWrite(req.path),
  };

  async function invoke(channel: string, rawReq: unknown): Promise<Result<unknown>> {
    const started = performance.now();
    let engineMs: number | undefined;
    const result = await answer(channel, rawReq, (ms) => (engineMs = ms));
    log.timing('call', channel, performance.now() - started, result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`, engineMs);
    return result;
  }

  async function answer(channel: string, rawReq: unknown, ran: (ms: number) => void): Promise<Result<unknown>> {
    try {
      if (!Object.hasOwn(contract, channel)) throw new AppError('NOT_FOUND', `unknown channel "${String(channel).slice(0, 64)}"`);
      const known = channel as Channel; // checked just above
      const parsed = contract[known].req.safeParse(rawReq ?? {});
      if (!parsed.success) throw new AppError('INVALID_INPUT', `${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ')}`);
      const req = parsed.data;
      checkPathFields(pathFields(known), req, (p, access) => (access === 'read' ? policy.checkRead(p) : policy.checkWrite(p)));
      const local = hookFor(mainSide, known);
      const value = local ? await local(req) : await host.call(channel, req, ran);
      hookFor(afterSuccess, known)?.(req);
      return { ok: true, value };
    } catch (e) {
      const error = errorOf(e);
      if (error.code === 'INTERNAL') log.error(channel, e); // the stack stays in the log; the caller gets the message
      return { ok: false, error };
    }
  }

  const backend: Backend = {
    invoke,
    subscribe: (listener) => host.onEvent(listener),
    grantRead: (p) => policy.grantRead(p),
    grantWrite: (p) => policy.grantWrite(p),
    setShell: (s) => (shell = s),
    logFile: log.file,
    close: async () => {
      await dropped.abortAll();
      await host.stop();
      await log.flush();
    },
  };
  await openAtStart(backend, opts);
  return backend;
}

/** Every job's run time, from its first event to its end, in the query log. */
function logJobs(host: EngineHost, log: QueryLog): void {
  const started = new Map<string, number>();
  host.onEvent((event, payload) => {
    const job = payload as { jobId?: string; kind?: string; ok?: boolean; cancelled?: boolean; error?: string | null };
    if (!job.jobId) return;
    if (event === 'job.progress' && !started.has(job.jobId)) started.set(job.jobId, performance.now());
    if (event !== 'job.done') return;
    const since = started.get(job.jobId) ?? performance.now();
    started.delete(job.jobId);
    log.timing('job', job.kind ?? 'job', performance.now() - since, job.cancelled ? 'cancelled' : job.ok ? 'ok' : `failed: ${job.error ?? ''}`);
  });
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
  const abs = policy.checkRead(dir);
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
