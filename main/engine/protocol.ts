// Messages between the engine host (main thread) and the engine worker.
import type { ApiErrorCode, EventName } from '../../shared/api/contract';
import type { CaseLocation } from '../cases/journal';

export type ToWorker =
  | { type: 'call'; id: number; channel: string; req: unknown }
  /** Answered by 'pong' as soon as the worker's event loop is free: silence means it is stuck in a query. */
  | { type: 'ping' }
  /** After a restart: reopen the case that was open (its saved state, then its journal). */
  | { type: 'restore'; location: CaseLocation };

export type FromWorker =
  | { type: 'ready' }
  /** ranMs: from the worker starting the call to its answer (the rest of a call's time is spent queued). */
  | { type: 'result'; id: number; ok: true; value: unknown; ranMs: number }
  /** stack: an internal error's, for the query log (never shown to the user). */
  | { type: 'result'; id: number; ok: false; code: ApiErrorCode; message: string; stack?: string; ranMs: number }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'pong' }
  /** Where the open case lives (sent when it changes), so a restarted worker can reopen it. */
  | { type: 'location'; location: CaseLocation }
  | { type: 'restored'; ok: boolean; message: string | null };
