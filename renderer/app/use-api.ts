// Runs one contract call whenever its request changes (compared as JSON) and keeps the latest
// answer only, so fast filter changes never show stale results.
import { useEffect, useRef, useState } from 'react';
import type { Channel, Req, Res } from '../../shared/api/contract';
import { api } from '../api/client';

export interface ApiState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

export function useApi<C extends Channel>(channel: C, req: Req<C> | null, refreshKey: unknown = 0): ApiState<Res<C>> {
  const [state, setState] = useState<ApiState<Res<C>>>({ data: null, error: null, loading: req !== null });
  const seq = useRef(0);
  const key = req === null ? null : JSON.stringify(req);
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
  }, [channel, key, refreshKey]);
  return state;
}
