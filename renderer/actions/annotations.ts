// Tags, notes and stars (on one target, on many sign-ins), and saved views. Each change is in the
// case once the call returns, so the views showing annotations or views re-read them from here.
import type { Req, Res } from '../../shared/api/contract';
import type { AnnotationTarget, TagScope } from '../../shared/model/annotation';
import { api } from '../api/client';
import { changedHere } from './case-changes';
import { followJob } from './jobs';
import { useStore } from '../store/store';

async function annotate<T>(call: Promise<T>): Promise<T> {
  const res = await call;
  changedHere(['annotations']);
  return res;
}

export const tagTarget = (target: AnnotationTarget, tags: string[]) => annotate(api().call('annotations.tag', { scope: { target }, tags }));
export const untagTarget = (target: AnnotationTarget, tags: string[]) => annotate(api().call('annotations.untag', { scope: { target }, tags }));
export const setStarred = (target: AnnotationTarget, starred: boolean) => annotate(api().call('annotations.star', { target, starred }));
export const addNote = (target: AnnotationTarget, text: string) => annotate(api().call('annotations.note', { target, text }));
export const deleteNote = (uid: string) => annotate(api().call('annotations.deleteNote', { uid }));
export const starRows = (rids: number[], starred: boolean) => annotate(api().call('annotations.starRows', { rids, starred }));

export interface BulkTagResult {
  matched: number;
  changed: number;
  cancelled?: boolean;
}

/** Tags (or untags) many sign-ins; the backend runs big sets as an `annotate` job, tracked like any job. */
export async function bulkTag(scope: TagScope, tags: string[], untag: boolean, count: number): Promise<BulkTagResult> {
  const s = useStore.getState();
  const detail = { tags, total: count };
  s.jobRequested('annotate', detail);
  let res: Res<'annotations.tag'>;
  try {
    res = await api().call(untag ? 'annotations.untag' : 'annotations.tag', { scope, tags });
  } catch (err) {
    s.jobAbandoned('annotate');
    changedHere(['annotations']); // part of a rejected bulk change may have been written
    throw err;
  }
  if (!res.jobId) {
    s.jobAbandoned('annotate');
    changedHere(['annotations']);
    return res;
  }
  const done = await followJob('annotate', res.jobId, detail); // its end marks the annotations changed
  if (!done.ok) throw new Error(`Tagging failed: ${done.error ?? 'unknown error'}`);
  return (done.kind === 'annotate' ? done.summary : null) ?? { matched: res.matched, changed: 0, cancelled: done.cancelled };
}

export async function saveView(req: Req<'views.save'>): Promise<Res<'views.save'>> {
  const saved = await api().call('views.save', req);
  changedHere(['views']);
  return saved;
}

export async function deleteView(id: string): Promise<void> {
  await api().call('views.delete', { id });
  changedHere(['views']);
}
