// Messages between the engine host (main thread) and the engine worker.
import type { ApiErrorCode, EventName } from '../../shared/api/contract';

export type ToWorker = { type: 'call'; id: number; channel: string; req: unknown };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; code: ApiErrorCode; message: string }
  | { type: 'event'; event: EventName; payload: unknown };
