// Every change to the investigator's work is an operation: applied live, written to the journal, and
// applied again from the journal after a crash. `applyOp` is the one place they touch the case, so a
// replay does exactly what the live call did (same rows, same times, same activity entries).
import type { ActivityAction, AnnotationTarget } from '../../shared/model/annotation';
import type { CaseDb } from '../db/case-db';
import { logActivity } from './activity-log';
import { addNote, deleteNote, setStar, setStarOnRows } from './notes-stars';
import { putView, removeView, type ViewRecord } from './saved-views';
import { changeTags, type StoredScope, type TagChange } from './tag-scope';

interface Stamped {
  author: string;
  at: number;
}

export type TagOp = Stamped & { type: 'tag' | 'untag'; scope: StoredScope; tags: string[] };

export type AnnotationOp =
  | TagOp
  | (Stamped & { type: 'note'; target: AnnotationTarget; uid: string; text: string })
  | (Stamped & { type: 'deleteNote'; uid: string })
  | (Stamped & { type: 'star'; target: AnnotationTarget; starred: boolean })
  | (Stamped & { type: 'starRows'; rids: number[]; starred: boolean })
  | (Stamped & { type: 'putView'; view: ViewRecord })
  | (Stamped & { type: 'deleteView'; id: string })
  | (Stamped & { type: 'activity'; action: ActivityAction; details: unknown });

export type OpResult = TagChange;

/** Activity entries only record; everything else changes the investigator's work. */
export function isAnnotationChange(op: AnnotationOp): boolean {
  return op.type !== 'activity';
}

export function applyOp(caseDb: CaseDb, op: AnnotationOp): OpResult {
  const stamp = { author: op.author, at: op.at };
  switch (op.type) {
    case 'tag':
    case 'untag': {
      const result = changeTags(caseDb, op.type, op.scope, op.tags, stamp);
      recordTagActivity(caseDb, op, result);
      return result;
    }
    case 'note': {
      const changed = addNote(caseDb, op.target, op.uid, op.text, stamp);
      logActivity(caseDb, 'note', { target: op.target, uid: op.uid, text: op.text }, stamp);
      return { matched: 1, changed };
    }
    case 'deleteNote': {
      const changed = deleteNote(caseDb, op.uid);
      logActivity(caseDb, 'note', { uid: op.uid, deleted: changed > 0 }, stamp);
      return { matched: changed, changed };
    }
    case 'star': {
      const changed = setStar(caseDb, op.target, op.starred, stamp);
      logActivity(caseDb, 'annotate', { target: op.target, starred: op.starred }, stamp);
      return { matched: 1, changed };
    }
    case 'starRows': {
      const result = setStarOnRows(caseDb, op.rids, op.starred, stamp);
      logActivity(caseDb, 'annotate', { selection: result.matched, starred: op.starred, changed: result.changed }, stamp);
      return result;
    }
    case 'putView':
      putView(caseDb, op.view, stamp);
      logActivity(caseDb, 'view', { id: op.view.id, name: op.view.name }, stamp);
      return { matched: 1, changed: 1 };
    case 'deleteView': {
      const changed = removeView(caseDb, op.id);
      logActivity(caseDb, 'view', { id: op.id, deleted: changed > 0 }, stamp);
      return { matched: changed, changed };
    }
    case 'activity':
      logActivity(caseDb, op.action, op.details, stamp);
      return { matched: 0, changed: 0 };
  }
}

/** The activity entry of a tag change (bulk jobs write it once, after their last slice). */
export function recordTagActivity(caseDb: CaseDb, op: TagOp, result: TagChange): void {
  const scope = 'target' in op.scope ? { target: op.scope.target } : 'rids' in op.scope ? { selection: op.scope.rids.length } : { filter: op.scope.filter, maxRid: op.scope.maxRid };
  logActivity(caseDb, op.type === 'tag' ? 'annotate' : 'untag', { ...scope, tags: op.tags, ...result }, { author: op.author, at: op.at });
}
