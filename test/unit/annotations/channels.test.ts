// The annotation and view channels through the engine: validation before anything is journaled
// (unknown sign-ins, findings, columns; duplicate view names), view CRUD, the activity list.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/engine/engine';
import { tempDir } from '../../helpers/temp-files';
import { engineOnCase, fixtureCase } from './fixture-case';

const tmp = tempDir();
let engine: Engine;
let close: () => void;

beforeAll(async () => {
  const { caseDb } = await fixtureCase(tmp.dir, { rows: 20 });
  ({ engine, close } = await engineOnCase(caseDb, tmp.dir, path.join(tmp.dir, 'channels.signinscope')));
});
afterAll(() => close());

const view = { filter: { conditions: [] }, columns: ['created_at', 'user_principal_name'], sort: { column: 'created_at', dir: 'asc' as const } };

describe('annotation channels', () => {
  it('refuses sign-ins and findings that are not in the case, before journaling', async () => {
    await expect(engine.handle('annotations.note', { target: { type: 'signin', rid: 4242 }, text: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(engine.handle('annotations.star', { target: { type: 'finding', key: '7' }, starred: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(engine.handle('annotations.tag', { scope: { target: { type: 'finding', key: 'seven' } }, tags: ['IOC'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(engine.handle('annotations.tag', { scope: { filter: { conditions: [{ column: 'nope', op: 'eq', values: ['x'] }] } }, tags: ['IOC'] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect((await engine.handle('recovery.status', {})).pending).toBe(1); // only the open
    // an IP that never signed in may still be an indicator
    expect(await engine.handle('annotations.tag', { scope: { target: { type: 'ip', key: '203.0.113.99' } }, tags: ['IOC', 'IOC'] })).toEqual({ matched: 1, changed: 1, jobId: null });
  });

  it('creates, renames, refuses duplicate names and unknown columns, and deletes saved views', async () => {
    const created = await engine.handle('views.save', { name: 'Spray', ...view, author: 'alice' });
    expect(created).toMatchObject({ name: 'Spray', author: 'alice', columns: view.columns });
    await expect(engine.handle('views.save', { name: 'spray', ...view })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(engine.handle('views.save', { name: 'Other', ...view, columns: ['created_at', 'secret'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(engine.handle('views.save', { id: 'missing', name: 'Other', ...view })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const renamed = await engine.handle('views.save', { id: created.id, name: 'Password spray', ...view, sort: { column: 'status', dir: 'desc' } });
    expect(renamed).toMatchObject({ id: created.id, name: 'Password spray', author: 'alice', createdMs: created.createdMs, sort: { column: 'status', dir: 'desc' } });
    expect((await engine.handle('views.list', {})).map((v) => v.name)).toEqual(['Password spray']);
    expect(await engine.handle('views.delete', { id: created.id })).toEqual({ deleted: true });
    expect(await engine.handle('views.list', {})).toEqual([]);
    const log = await engine.handle('activity.list', { action: 'view', offset: 0, limit: 10 });
    expect(log.items.map((e) => e.details)).toEqual([
      { id: created.id, deleted: true },
      { id: created.id, name: 'Password spray' },
      { id: created.id, name: 'Spray' },
    ]);
  });
});
