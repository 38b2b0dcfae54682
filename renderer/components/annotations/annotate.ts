// The annotation actions of the workbench (one target at a time). Every change bumps the store's
// annotation version; when the grid is filtered by tag, the grid is re-queried as well.
import type { AnnotationTarget } from '../../../shared/model/annotation';
import { api } from '../../api/client';
import { refreshCase } from '../../app/bootstrap';
import { useStore } from '../../store/store';

function changed(affectsTagFilter: boolean): void {
  const s = useStore.getState();
  s.annotationsChanged();
  if (affectsTagFilter && s.filter.tags?.length) void refreshCase();
}

export async function tagTarget(target: AnnotationTarget, tags: string[]): Promise<void> {
  await api().call('annotations.tag', { scope: { target }, tags });
  changed(target.type === 'signin');
}

export async function untagTarget(target: AnnotationTarget, tags: string[]): Promise<void> {
  await api().call('annotations.untag', { scope: { target }, tags });
  changed(target.type === 'signin');
}

export async function setStarred(target: AnnotationTarget, starred: boolean): Promise<void> {
  await api().call('annotations.star', { target, starred });
  changed(false);
}

export async function addNote(target: AnnotationTarget, text: string): Promise<void> {
  await api().call('annotations.note', { target, text });
  changed(false);
}

export async function deleteNote(uid: string): Promise<void> {
  await api().call('annotations.deleteNote', { uid });
  changed(false);
}

/** How a target reads in lists: "sign-in #42", "user alice@…", "IP 203.0.113.5", "finding #3". */
export function describeTarget(target: AnnotationTarget): string {
  if (target.type === 'signin') return `sign-in #${target.rid}`;
  const label = { session: 'session', user: 'user', ip: 'IP', finding: 'finding #' }[target.type];
  return target.type === 'finding' ? `${label}${target.key}` : `${label} ${target.key}`;
}
