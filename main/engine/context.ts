// What channel handlers get from the engine: the current case, events, jobs and shared caches.
import type { CasePart, Channel, EventName, ParsedReq, Res } from '../../shared/api/contract';
import type { CaseDb } from '../db/case-db';
import type { JobRegistry } from './jobs';

export type EngineChannel = Exclude<Channel, 'app.info' | 'fs.list' | `drop.${string}`>;
export type EmitFn = (event: EventName, payload: unknown) => void;
export type HandlerTable = { [C in EngineChannel]?: (req: ParsedReq<C>) => Promise<Res<C>> | Res<C> };

export interface EngineContext {
  /** The open case; replaced when another case is opened, so never keep it across awaits of other work. */
  readonly db: CaseDb;
  readonly emit: EmitFn;
  readonly jobs: JobRegistry;
  /** The investigation changed since the last save (annotations, imports...). */
  markDirty(): void;
  /** Per-case caches (snapshots, enrichment...) register here to be dropped when the case changes. */
  onCaseChanged(listener: () => void): void;
  /** Sends the refreshed case summary to the UI with the parts that changed (views re-read only those). */
  announceCase(what: readonly CasePart[]): void;
}
