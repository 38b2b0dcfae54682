// The engine worker's call order: what the user waits for (the grid's count and rows, records,
// writes) starts before queued charts and facet counts, each group in arrival order, and a queued
// chart request replaced by a newer one for the same chart is answered as superseded, never run.
import { describe, expect, it } from 'vitest';
import { CallQueue, CallScheduler, type QueuedCall } from '../../../main/engine/call-queue';

let nextId = 1;
const call = (channel: string, req: Record<string, unknown> = {}): QueuedCall => ({ id: nextId++, channel, req });
const filter = (text: string) => ({ conditions: [], text });

/** Runs the scheduler over calls that all arrive in one turn (`during` adds more while the first one runs). */
async function schedule(calls: QueuedCall[], during: (add: (c: QueuedCall) => void) => void = () => {}) {
  const started: QueuedCall[] = [];
  const dropped: QueuedCall[] = [];
  let first = true;
  const scheduler = new CallScheduler(
    (c) => {
      started.push(c);
      if (first) during((more) => scheduler.add(more)); // calls that arrive while this one runs
      first = false;
    },
    (c) => dropped.push(c),
  );
  for (const c of calls) scheduler.add(c);
  for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
  return { started: started.map((c) => c.channel), dropped: dropped.map((c) => c.id) };
}

describe('engine call order', () => {
  it('starts interactive calls first, in arrival order, then background reads in theirs', async () => {
    const calls = [
      call('timeline.histogram', { filter: filter('a'), buckets: 300 }),
      call('query.facets', { filter: filter('a'), column: 'app_display_name', limit: 200 }),
      call('query.snapshot', { filter: filter('a'), sort: [] }),
      call('stats.overview', { filter: filter('a') }),
      call('annotations.tag', { scope: { rids: [1] }, tags: ['x'] }),
      call('query.page', { snapshotId: 1, from: 0, count: 50 }),
    ];
    expect(await schedule(calls)).toEqual({
      started: ['query.snapshot', 'annotations.tag', 'query.page', 'timeline.histogram', 'query.facets', 'stats.overview'],
      dropped: [],
    });
  });

  it('puts a count that arrives while a call runs ahead of the charts queued before it', async () => {
    const running = call('query.page', { snapshotId: 1, from: 0, count: 50 });
    const chart = call('timeline.histogram', { filter: filter('a'), buckets: 300 });
    const { started } = await schedule([running, chart], (add) => add(call('query.snapshot', { filter: filter('b'), sort: [] })));
    expect(started).toEqual(['query.page', 'query.snapshot', 'timeline.histogram']);
  });

  it('drops a queued chart request that a newer one for the same chart replaces, and only that', async () => {
    const old = call('timeline.histogram', { filter: filter('a'), buckets: 300 });
    const otherSize = call('timeline.histogram', { filter: filter('a'), buckets: 120 });
    const lanes = call('timeline.swimlanes', { filter: filter('a'), lanes: 25, buckets: 300 });
    const facets = [call('query.facets', { filter: filter('a'), column: 'user_display_name', limit: 3 }), call('query.facets', { filter: filter('b'), column: 'user_display_name', limit: 3 })];
    const newer = call('timeline.histogram', { filter: filter('b'), buckets: 300 });
    const { started, dropped } = await schedule([old, otherSize, lanes, ...facets, newer]);
    expect(dropped).toEqual([old.id]);
    // facet counts may have several askers on screen (one per session row): none is dropped
    expect(started).toEqual(['timeline.histogram', 'timeline.swimlanes', 'query.facets', 'query.facets', 'timeline.histogram']);
  });

  it('never drops a chart request that has started', () => {
    const queue = new CallQueue();
    const first = call('timeline.histogram', { filter: filter('a'), buckets: 300 });
    queue.push(first);
    expect(queue.next()).toBe(first);
    expect(queue.push(call('timeline.histogram', { filter: filter('b'), buckets: 300 }))).toEqual([]);
  });
});
