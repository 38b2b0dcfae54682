// Runs one read channel whenever its request changes (compared as JSON) or one of the case parts it
// shows changes, and keeps the latest answer only, so fast filter changes never show stale results.
import { useEffect, useRef, useState } from 'react';
import type { CasePart, Channel, Req, Res } from '../../shared/api/contract';
import { api } from '../api/client';
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
    api()
      .call(channel, JSON.parse(key) as Req<C>)
      .then(
        (data) => mine === seq.current && setState({ data, error: null, loading: false }),
        (err: Error) => mine === seq.current && setState({ data: null, error: err.message, loading: false }),
      );
  }, [channel, key, parts, extraKey]);
  return state;
}

/** The version key of `parts` (for hooks that page through a channel themselves). */
export function useParts(parts: readonly CasePart[]): string {
  return useStore((s) => partsKey(s.changes, parts));
}
