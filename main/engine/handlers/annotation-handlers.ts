// Annotation, activity log, saved view and recovery channels. Every change goes through the case
// keeper (journal + autosave), so it is durable when the channel returns.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { CASE_PARTS, type ParsedReq, type Res } from '../../../shared/api/contract';
import type { AnnotationTarget } from '../../../shared/model/annotation';
import { sortKeys } from '../../../shared/model/filter-spec';
import { isGridColumnKey } from '../../../shared/model/grid-columns';
import { AppError } from '../../../shared/errors';
import { listActivity } from '../../annotations/activity-log';
import { authorOf } from '../../annotations/author';
import { applyFilterTagInSlices, INLINE_BULK_ROWS, MAX_BULK_ROWS, type FilterTagOp } from '../../annotations/bulk-tag';
import { listAnnotations, marksOfRids, tagsInUse } from '../../annotations/list';
import { findView, listViews } from '../../annotations/saved-views';
import { normalizeTarget } from '../../annotations/targets';
import { DEMO_RECOVERY_ID } from '../../cases/autosave';
import { NUM, NUM_NULL } from '../../db/row-spec';
import { loadCase } from '../../cases/case-store';
import { discardRecovery, listRecoverable, recoveryFiles } from '../../cases/journal';
import type { EngineContext, HandlerTable } from '../context';
import { checkedWhere } from './export-handlers';

export function annotationHandlers(ctx: EngineContext): HandlerTable {
  const { keeper } = ctx;

  /** Refuses a sign-in or finding that is not in the case (other targets may be outside the logs: IOCs). */
  const checkedTarget = (target: AnnotationTarget): AnnotationTarget => {
    const t = normalizeTarget(target);
    const missing =
      (t.type === 'signin' && ctx.db.value('SELECT 1 FROM signin_data WHERE rid = ?', [t.rid], NUM) !== 1) ||
      (t.type === 'finding' && (!ctx.db.hasTable('findings') || ctx.db.value('SELECT 1 FROM findings WHERE id = ?', [Number(t.key)], NUM) !== 1));
    if (missing) throw new AppError('NOT_FOUND', `no ${t.type} ${t.type === 'signin' ? t.rid : t.key} in this case`);
    return t;
  };

  const tagHandler = (type: 'tag' | 'untag') =>
    async function (req: ParsedReq<'annotations.tag'>): Promise<Res<'annotations.tag'>> {
      const stamp = { author: authorOf(req.author), at: Date.now() };
      const tags = [...new Set(req.tags)];
      if ('target' in req.scope) return { ...(await keeper.commit({ type, scope: { target: checkedTarget(req.scope.target) }, tags, ...stamp })), jobId: null };
      if ('rids' in req.scope) return { ...(await keeper.commit({ type, scope: { rids: req.scope.rids }, tags, ...stamp })), jobId: null };
      const db = ctx.db;
      const where = checkedWhere(db, req.scope.filter);
      const matched = db.value(`SELECT count(*) FROM signin_data d WHERE ${where.sql}`, where.params, NUM) ?? 0;
      if (type === 'tag' && matched > MAX_BULK_ROWS) throw new AppError('INVALID_INPUT', `the filter matches ${matched} sign-ins; tag at most ${MAX_BULK_ROWS} at once (narrow the filter)`);
      const op: FilterTagOp = { type, scope: { filter: req.scope.filter, maxRid: db.value('SELECT max(rid) FROM signin_data', [], NUM_NULL) ?? 0 }, tags, ...stamp };
      if (matched <= INLINE_BULK_ROWS) return { ...(await keeper.commit(op)), jobId: null };
      const jobId = ctx.jobs.start('annotate', (signal, progress) =>
        keeper.commitSteps(async (current) => {
          if (current !== db) throw new AppError('CANCELLED', 'the case was closed before the tags were applied');
          const onProgress = (done: number, total: number, r: { changed: number }) =>
            progress({
              phase: 'annotating',
              file: tags.join(', '),
              fileIndex: 0,
              files: 1,
              bytesDone: done,
              bytesTotal: total,
              records: r.changed,
              recordsPerSecond: 0,
              bytesPerSecond: 0,
            });
          const { op: performed, result } = await applyFilterTagInSlices(db, op, { matched, signal, onProgress });
          return { op: performed, result: { ...result, cancelled: signal.aborted } };
        }),
      );
      return { matched, changed: 0, jobId };
    };

  return {
    'annotations.tag': tagHandler('tag'),
    'annotations.untag': tagHandler('untag'),
    'annotations.note': async ({ target, text, author }) => {
      const uid = randomUUID();
      await keeper.commit({ type: 'note', target: checkedTarget(target), uid, text, author: authorOf(author), at: Date.now() });
      return { uid };
    },
    'annotations.deleteNote': async ({ uid, author }) => ({ removed: (await keeper.commit({ type: 'deleteNote', uid, author: authorOf(author), at: Date.now() })).changed > 0 }),
    'annotations.star': async ({ target, starred, author }) => {
      await keeper.commit({ type: 'star', target: checkedTarget(target), starred, author: authorOf(author), at: Date.now() });
      return { starred };
    },
    'annotations.starRows': async ({ rids, starred, author }) => keeper.commit({ type: 'starRows', rids: [...new Set(rids)], starred, author: authorOf(author), at: Date.now() }),
    'annotations.list': (req) => listAnnotations(ctx.db, req),
    'annotations.forRids': ({ rids }) => ({ rows: marksOfRids(ctx.db, rids) }),
    'annotations.tags': () => tagsInUse(ctx.db),
    'activity.list': (req) => listActivity(ctx.db, req),
    'views.list': () => listViews(ctx.db),
    'views.save': async ({ id, name, filter, columns, sort, author }) => {
      const unknown = [...columns, ...sortKeys(sort).map((k) => k.column)].find((c) => !isGridColumnKey(c));
      if (unknown !== undefined) throw new AppError('INVALID_INPUT', `unknown column "${unknown}"`);
      if (id !== undefined && !findView(ctx.db, { id })) throw new AppError('NOT_FOUND', `no saved view ${id}`);
      const clash = findView(ctx.db, { name });
      if (clash && clash.id !== id) throw new AppError('INVALID_INPUT', `a view named "${clash.name}" already exists`);
      const view = { id: id ?? randomUUID(), name, filter, columns, sort };
      await keeper.commit({ type: 'putView', view, author: authorOf(author), at: Date.now() });
      return findView(ctx.db, { id: view.id })!;
    },
    'views.delete': async ({ id, author }) => ({ deleted: (await keeper.commit({ type: 'deleteView', id, author: authorOf(author), at: Date.now() })).changed > 0 }),
    'recovery.status': () => keeper.status(),
    'recovery.list': () => listRecoverable([DEMO_RECOVERY_ID, keeper.unsavedId() ?? '']),
    'recovery.open': async ({ id }) => {
      if (keeper.unsavedId() === id) return keeper.status();
      const { casePath } = recoveryFiles(id);
      if (!existsSync(casePath)) throw new AppError('NOT_FOUND', `no unsaved case ${id} in the recovery folder`);
      const status = await keeper.switchTo(() => loadCase(casePath), { kind: 'unsaved', id }, { openDetails: { recovered: id } });
      ctx.announceCase(CASE_PARTS);
      return status;
    },
    'recovery.discard': async ({ id }) => {
      if (keeper.unsavedId() === id) throw new AppError('BUSY', 'this unsaved case is open: open or create another case first');
      return { discarded: await discardRecovery(id) };
    },
  };
}
