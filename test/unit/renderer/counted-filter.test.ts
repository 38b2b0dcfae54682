// Charts ask for a filter only once the grid's snapshot has answered it (its count first, since the
// engine answers one request at a time), and never for a filter the answer that arrived was not for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/contract';
import { connect } from '../../../renderer/api/client';
import { startSnapshotSync } from '../../../renderer/app/snapshot-sync';
import { countedFilter } from '../../../renderer/components/timeline/counted-filter';
import { useStore } from '../../../renderer/store/store';

/** Snapshot requests the page made, each answered when the test says so. */
const asked: { text: string | undefined; answer: (r: Result<unknown>) => void }[] = [];
let stop: () => void = () => {};

beforeAll(async () => {
  (globalThis as { window?: unknown }).window = {
    signinscope: {
      invoke: (channel: string, req: { filter?: { text?: string } }) =>
        channel === 'query.snapshot' ? new Promise<Result<unknown>>((answer) => asked.push({ text: req.filter?.text, answer })) : Promise.resolve({ ok: true, value: null }),
      on: () => () => {},
    },
  };
  await connect();
  stop = startSnapshotSync();
});
afterAll(() => stop());

async function nextAsk(text: string | undefined): Promise<(typeof asked)[number]> {
  for (let i = 0; i < 500; i++) {
    const found = asked.find((a) => a.text === text);
    if (found) return asked.splice(asked.indexOf(found), 1)[0]!;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no snapshot was asked for ${String(text)}`);
}

const settle = () => new Promise((r) => setTimeout(r, 60));
const counted = () => countedFilter(useStore.getState());
const snapshot = (matching: number) => ({ ok: true as const, value: { snapshotId: matching, matching, total: 100, ms: 1 } });

describe('charts follow the grid count', () => {
  it('waits for the snapshot of the current filter, then charts that filter', async () => {
    const first = await nextAsk(undefined);
    expect(counted()).toBeNull();
    first.answer(snapshot(100));
    await settle();
    expect(counted()).toBe(useStore.getState().filter);

    useStore.getState().setText('python');
    expect(counted()).toBeNull(); // the new filter's count comes first
    (await nextAsk('python')).answer(snapshot(7));
    await settle();
    expect(useStore.getState().snapshot?.matching).toBe(7);
    expect(counted()).toEqual(expect.objectContaining({ text: 'python' }));
  });

  it('does not chart a filter that was replaced before its count came', async () => {
    useStore.getState().setText('pyth');
    const pyth = await nextAsk('pyth');
    useStore.getState().setText('python3');
    pyth.answer(snapshot(9)); // the answer for the old text: the grid may show it, the chart must not take the new filter as counted
    await settle();
    expect(counted()).toBeNull();
    (await nextAsk('python3')).answer(snapshot(2));
    await settle();
    expect(counted()).toEqual(expect.objectContaining({ text: 'python3' }));
  });

  it('charts the filter after a failed snapshot too (the chart shows its own answer or error)', async () => {
    useStore.getState().setText('bad');
    (await nextAsk('bad')).answer({ ok: false, error: { code: 'TIMEOUT', message: 'too slow' } });
    await settle();
    expect(useStore.getState().snapshotError).toBe('too slow');
    expect(counted()).toEqual(expect.objectContaining({ text: 'bad' }));
  });
});
