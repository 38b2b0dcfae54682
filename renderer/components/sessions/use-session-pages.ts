// The session list for the active filter, sort and flag filter: the first page (with the total)
// on every change, then further pages by position as the list scrolls. Only the latest request's
// answer is kept, so fast filter changes never show stale sessions.
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Req, Res } from '../../../shared/api/contract';
import type { SessionSummary } from '../../../shared/model/session';
import { fetchSessions } from '../../actions/query';
import { useParts } from '../../actions/use-api';
import { useStore } from '../../store/store';
import { OffsetPageCache } from './offset-page-cache';
import { useSessionView } from './session-state';

const PAGE = 100;

type ListInfo = Omit<Res<'sessions.list'>, 'rows' | 'next'>;

export interface SessionPages {
  cache: OffsetPageCache<SessionSummary> | null;
  info: ListInfo | null;
  error: string | null;
  /** Bumped when a page arrives, so the list re-renders. */
  version: number;
}

export function useSessionPages(): SessionPages {
  const filter = useStore((s) => s.filter);
  const changed = useParts(['sessions', 'signins']); // `stale` compares the sessions with the sign-ins
  const sort = useSessionView((s) => s.sort);
  const flags = useSessionView((s) => s.flags);
  const linkedGroup = useSessionView((s) => s.linkedGroup);
  const [state, setState] = useState<{ cache: OffsetPageCache<SessionSummary> | null; info: ListInfo | null; error: string | null }>({ cache: null, info: null, error: null });
  const [version, bump] = useReducer((x: number) => x + 1, 0);
  const seq = useRef(0);

  const base = useMemo((): Req<'sessions.list'> => ({ filter, sort, ...(flags.length ? { flags } : {}), ...(linkedGroup !== null ? { linkedGroup } : {}) }), [filter, sort, flags, linkedGroup]);

  useEffect(() => {
    const mine = ++seq.current;
    const load = async (offset: number, limit: number) => (await fetchSessions({ ...base, offset, limit })).rows;
    fetchSessions({ ...base, offset: 0, limit: PAGE }).then(
      (res) => {
        if (mine !== seq.current) return;
        const cache = new OffsetPageCache(load, res.total, bump, (m) => useStore.getState().notify('error', m), PAGE);
        cache.seed(0, res.rows);
        setState({ cache, info: { total: res.total, built: res.built, stale: res.stale, ms: res.ms }, error: null });
      },
      (err: Error) => mine === seq.current && setState({ cache: null, info: null, error: err.message }),
    );
  }, [base, changed]);
  useEffect(() => () => state.cache?.dispose(), [state.cache]);

  return { ...state, version };
}
