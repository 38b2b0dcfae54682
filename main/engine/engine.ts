// The engine owns the case keeper (and so the case database) and answers every data channel of the
// contract. It runs inside the engine worker (worker.ts) so that sql.js never blocks Electron's main
// thread; tests and the CLI can also run it in-process. Channels live in handlers/<domain>-handlers.ts,
// composed here; they see the engine through EngineContext only.
import type { CaseChanged, CasePart, ParsedReq, Res } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import { CaseKeeper } from '../cases/autosave';
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
  readonly keeper: CaseKeeper;
  private readonly caseListeners: (() => void)[] = [];
  private readonly handlers: HandlerTable = {};

  private constructor(
    readonly emit: EmitFn,
    db: CaseDb,
  ) {
    this.jobs = new JobRegistry(emit);
    this.keeper = new CaseKeeper(db, { jobs: this.jobs, caseReplaced: () => this.caseListeners.forEach((l) => l()) });
    for (const domain of DOMAINS) Object.assign(this.handlers, domain(this));
  }

  static async create(emit: EmitFn = () => {}): Promise<Engine> {
    return new Engine(emit, await CaseDb.create());
  }

  get db(): CaseDb {
    return this.keeper.db;
  }

  get dirty(): boolean {
    return this.keeper.dirty;
  }

  onCaseChanged(listener: () => void): void {
    this.caseListeners.push(listener);
  }

  announceCase(what: readonly CasePart[]): void {
    void this.handle('case.info', {}).then((info) => this.emit('case.changed', { ...info, what: [...what] } satisfies CaseChanged));
  }

  /** Puts a case in place as is (tests and tools; the channels switch cases through the keeper). */
  replaceCase(next: CaseDb, path: string | null): void {
    this.keeper.replace(next, path);
  }

  async handle<C extends EngineChannel>(channel: C, req: ParsedReq<C>): Promise<Res<C>> {
    const handler: ((r: ParsedReq<C>) => Promise<Res<C>> | Res<C>) | undefined = this.handlers[channel];
    if (!handler) throw new AppError('NOT_FOUND', `no handler for channel ${channel}`);
    return handler(req);
  }
}
