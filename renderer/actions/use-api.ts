// Runs one read channel whenever its request changes (compared as JSON) or one of the case parts it
// shows changes, and keeps the latest answer only, so fast filter changes never show stale results.
import { useEffect, useRef, useState } from 'react';
import type { CasePart, Channel, Req, Res } from '../../shared/api/contract';
import { api, ApiError } from '../api/client';
import { partsKey } from '../store/case-slice';
import { useStore } from '../store/store';

export interface ApiState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/** `refreshOn`: the parts of the case the answer depends on; `extraKey`: anything else that should re-run it. */
export function useApi<C extends Channel>(channel: C, req: Req<C> | null, refreshOn: readonly CasePart[] = [], extraKey: unknown = 0): ApiState<Res<C>> {
  const [state, setState] = useState<ApiState<Res<C>>>({ data: null, error: null, loading: req !== null });
  const seq = useRef(0);
  const key = req === null ? null : JSON.stringify(req);
  const parts = useStore((s) => partsKey(s.changes, refreshOn));
  useEffect(() => {
    if (key === null) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    askWhileWanted(channel, JSON.parse(key) as Req<C>, () => mine === seq.current).then(
      (data) => mine === seq.current && setState({ data, error: null, loading: false }),
      (err: Error) => mine === seq.current && setState({ data: null, error: err.message, loading: false }),
    );
  }, [channel, key, parts, extraKey]);
  return state;
}

/**
 * Calls `channel`. The engine drops a queued chart request when a newer one for the same chart
 * arrives (main/engine/call-queue.ts): a dropped request that is still `wanted` (the newer one came
 * from another window) is asked again, a few times at most.
 */
export function askWhileWanted<C extends Channel>(channel: C, req: Req<C>, wanted: () => boolean, retries = 3): Promise<Res<C>> {
  return api()
    .call(channel, req)
    .catch((err: unknown) => (retries > 0 && wanted() && err instanceof ApiError && err.code === 'CANCELLED' ? askWhileWanted(channel, req, wanted, retries - 1) : Promise.reject(err as Error)));
}

/** The version key of `parts` (for hooks that page through a channel themselves). */
export function useParts(parts: readonly CasePart[]): string {
  return useStore((s) => partsKey(s.changes, parts));
}
