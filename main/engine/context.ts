// What channel handlers get from the engine: the case keeper (the open case, its dirty state,
// journal and autosave), events, jobs and a hook for per-case caches. Handlers depend on this
// interface only, never on the Engine class that composes them.
import type { CasePart, Channel, ParsedReq, Res } from '../../shared/api/contract';
import type { CaseKeeper } from '../cases/autosave';
import type { CaseDb } from '../db/case-db';
import type { EmitFn, JobRegistry } from './jobs';

export type { EmitFn } from './jobs';
export type EngineChannel = Exclude<Channel, 'app.info' | 'app.command' | 'fs.list' | `drop.${string}`>;
export type HandlerTable = { [C in EngineChannel]?: (req: ParsedReq<C>) => Promise<Res<C>> | Res<C> };

export interface EngineContext {
  /** The open case (the keeper's); replaced when another case is opened, so never keep it across awaits of other work. */
  readonly db: CaseDb;
  readonly keeper: CaseKeeper;
  readonly emit: EmitFn;
  readonly jobs: JobRegistry;
  /** Per-case caches (snapshots, enrichment...) register here to be dropped when the case changes. */
  onCaseChanged(listener: () => void): void;
  /** Sends the refreshed case summary to the UI with the parts that changed (views re-read only those). */
  announceCase(what: readonly CasePart[]): void;
}
