// Aggregated groups for the active filter and window: the first page (with the total) on every
// change, then further pages by position as the table scrolls. Only the latest answer is kept.
import { useEffect, useReducer, useRef, useState } from 'react';
import { fetchAggregate } from '../../actions/query';
import { useParts } from '../../actions/use-api';
import { useStore } from '../../store/store';
import { OffsetPageCache } from '../sessions/offset-page-cache';
import type { AggregateRow, AggregateWindow } from './group-filter';

const PAGE = 200;

export interface AggregatePages {
  cache: OffsetPageCache<AggregateRow> | null;
  info: { total: number; ms: number } | null;
  error: string | null;
  version: number;
}

export function useAggregatePages(window: AggregateWindow | null): AggregatePages {
  const filter = useStore((s) => s.filter);
  const changed = useParts(['signins']);
  const [state, setState] = useState<Omit<AggregatePages, 'version'>>({ cache: null, info: null, error: null });
  const [version, bump] = useReducer((x: number) => x + 1, 0);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    if (!window) {
      setState({ cache: null, info: null, error: null });
      return;
    }
    const load = async (offset: number, limit: number) => (await fetchAggregate({ filter, window, offset, limit })).rows;
    fetchAggregate({ filter, window, offset: 0, limit: PAGE }).then(
      (res) => {
        if (mine !== seq.current) return;
        const cache = new OffsetPageCache(load, res.total, bump, (m) => useStore.getState().notify('error', m), PAGE);
        cache.seed(0, res.rows);
        setState({ cache, info: { total: res.total, ms: res.ms }, error: null });
      },
      (err: Error) => mine === seq.current && setState({ cache: null, info: null, error: err.message }),
    );
  }, [filter, window, changed]);
  useEffect(() => () => state.cache?.dispose(), [state.cache]);

  return { ...state, version };
}
