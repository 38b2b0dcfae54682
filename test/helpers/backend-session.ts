// A backend started for a test, with its pushed events recorded and small helpers to call it.
import { startBackend, type Backend, type BackendOptions } from '../../main/api/backend';
import type { EventName } from '../../shared/api/contract';

export interface BackendSession {
  backend: Backend;
  events: { event: EventName; payload: any }[];
  /** The call's value, or throws with its error code and message. */
  ok<T = any>(channel: string, req?: unknown): Promise<T>;
  /** Starts a job channel and waits for it: the call's own refusal, or how the job ended. */
  job(channel: string, req: unknown): Promise<{ ok: boolean; code?: string; message?: string }>;
  close(): Promise<void>;
}

export async function backendSession(opts: BackendOptions): Promise<BackendSession> {
  const backend = await startBackend(opts);
  const events: BackendSession['events'] = [];
  backend.subscribe((event, payload) => events.push({ event, payload }));
  const ok = async <T>(channel: string, req: unknown = {}): Promise<T> => {
    const r = await backend.invoke(channel, req);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const job: BackendSession['job'] = async (channel, req) => {
    const r = await backend.invoke(channel, req);
    if (!r.ok) return { ok: false, code: r.error.code, message: r.error.message };
    const { jobId } = r.value as { jobId: string };
    for (;;) {
      const done = events.find((e) => e.event === 'job.done' && e.payload.jobId === jobId);
      if (done) return done.payload.ok ? { ok: true } : { ok: false, message: done.payload.error };
      await new Promise((res) => setTimeout(res, 20));
    }
  };
  return { backend, events, ok, job, close: () => backend.close() };
}
