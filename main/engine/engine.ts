// The engine owns the case database and answers every data channel of the contract. It runs inside
// the engine worker (worker.ts) so that sql.js never blocks Electron's main thread; tests and the CLI
// can also run it in-process. Channels live in handlers/<domain>-handlers.ts, composed here.
import type { CaseChanged, CasePart, ParsedReq, Res } from '../../shared/api/contract';
import { ApiFailure } from '../api/api-failure';
import { CaseDb } from '../db/case-db';
import type { EmitFn, EngineChannel, EngineContext, HandlerTable } from './context';
import { caseHandlers } from './handlers/case-handlers';
import { detectionHandlers } from './handlers/detection-handlers';
import { importHandlers } from './handlers/import-handlers';
import { queryHandlers } from './handlers/query-handlers';
import { geoHandlers } from './handlers/geo-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { annotationHandlers } from './handlers/annotation-handlers';
import { exportHandlers } from './handlers/export-handlers';
import { JobRegistry } from './jobs';

export type { EmitFn, EngineChannel } from './context';

const DOMAINS: ((ctx: EngineContext) => HandlerTable)[] = [caseHandlers, importHandlers, queryHandlers, geoHandlers, sessionHandlers, detectionHandlers, annotationHandlers, exportHandlers];

export class Engine implements EngineContext {
  readonly jobs: JobRegistry;
  private current: CaseDb;
  private readonly caseListeners: (() => void)[] = [];
  private readonly handlers: HandlerTable = {};
  dirty = false;
  casePath: string | null = null;

  private constructor(
    readonly emit: EmitFn,
    db: CaseDb,
  ) {
    this.jobs = new JobRegistry(emit);
    this.current = db;
    for (const domain of DOMAINS) Object.assign(this.handlers, domain(this));
  }

  static async create(emit: EmitFn = () => {}): Promise<Engine> {
    return new Engine(emit, await CaseDb.create());
  }

  get db(): CaseDb {
    return this.current;
  }

  markDirty(): void {
    this.dirty = true;
  }

  onCaseChanged(listener: () => void): void {
    this.caseListeners.push(listener);
  }

  announceCase(what: readonly CasePart[]): void {
    void this.handle('case.info', {}).then((info) => this.emit('case.changed', { ...info, what: [...what] } satisfies CaseChanged));
  }

  /** Swaps in another case: running jobs stop, per-case caches are dropped. */
  replaceCase(next: CaseDb, path: string | null): void {
    this.jobs.cancelAll();
    if (next !== this.current) this.current.close();
    this.current = next;
    this.casePath = path;
    this.dirty = false;
    for (const l of this.caseListeners) l();
  }

  async handle<C extends EngineChannel>(channel: C, req: ParsedReq<C>): Promise<Res<C>> {
    const handler = this.handlers[channel] as ((r: ParsedReq<C>) => Promise<Res<C>> | Res<C>) | undefined;
    if (!handler) throw new ApiFailure('NOT_FOUND', `no handler for channel ${channel}`);
    return handler(req);
  }
}
