// The grid's page cache while scrolling: requests go to the latest window only (a scrollbar drag
// does not fetch the windows it passed, a window jumped to waits to settle), neighbours follow,
// arrivals within a frame are announced once, and a cached row keeps its object (memoized rows skip
// rendering).
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, PageCache, SETTLE_MS, type PageLoader } from '../../../renderer/components/grid/page-cache';

const ROWS = 1_000_000;

/** A loader whose requests stay pending until answered, recording what was asked. */
function pendingLoader() {
  const asked: number[] = [];
  const waiting = new Map<number, () => void>();
  const loader: PageLoader = (from, count) => {
    asked.push(from / PAGE_SIZE);
    return new Promise((resolve) => {
      waiting.set(from / PAGE_SIZE, () =>
        resolve({
          rids: Array.from({ length: count }, (_, i) => from + i + 1),
          rows: Array.from({ length: count }, (_, i) => [`row ${from + i}`]),
        }),
      );
    });
  };
  /** Answers every pending request, then lets the cache react. */
  const answerAll = async () => {
    while (waiting.size) {
      const answers = [...waiting.values()];
      waiting.clear();
      answers.forEach((answer) => answer());
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  const answer = async (page: number) => {
    waiting.get(page)?.();
    waiting.delete(page);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { loader, asked, waiting, answerAll, answer };
}

function setup() {
  const net = pendingLoader();
  const frames: Array<() => void> = [];
  /** Pending settle timers; `settle()` lets them all run (the window stayed put). */
  const timers = new Set<() => void>();
  let announced = 0;
  const cache = new PageCache(
    1,
    ['user'],
    ROWS,
    () => announced++,
    (m) => expect.fail(m),
    net.loader,
    (fn) => frames.push(fn),
    (fn, ms) => {
      expect(ms).toBe(SETTLE_MS);
      timers.add(fn);
      return () => timers.delete(fn);
    },
  );
  const nextFrame = () => frames.splice(0).forEach((fn) => fn());
  const settle = () => {
    const due = [...timers];
    timers.clear();
    due.forEach((fn) => fn());
  };
  return { cache, net, nextFrame, settle, announced: () => announced };
}

describe('PageCache', () => {
  it('a drag across the whole list fetches the window it ends on, not every window it passed', async () => {
    const { cache, net, settle } = setup();
    cache.ensure(0, 49);
    for (let step = 1; step <= 150; step++) {
      const first = Math.floor(((ROWS - 50) * step) / 150);
      cache.ensure(first, first + 49);
      if (step === 2) await net.answerAll(); // the first page arriving mid-drag asks for nothing more
    }
    expect(net.asked).toEqual([0]);
    expect(cache.row(ROWS - 1)).toBeUndefined();
    settle();
    await net.answerAll();
    const last = ROWS - 50;
    expect(cache.row(last)?.cells).toEqual([`row ${last}`]);
    expect(cache.row(ROWS - 1)?.cells).toEqual([`row ${ROWS - 1}`]);
    // The final window's page only: no neighbours for a window jumped to.
    expect(net.asked).toEqual([0, Math.floor(last / PAGE_SIZE)]);
  });

  it('fetches a window jumped to once it stays put, and at once when the scroll moves on from it by a little', async () => {
    const { cache, net, settle } = setup();
    cache.ensure(0, 49);
    await net.answerAll();
    const asked = net.asked.length;
    cache.ensure(300_000, 300_049);
    expect(net.asked.length).toBe(asked);
    cache.ensure(300_010, 300_059); // slowing down: overlaps the window before
    expect(net.asked.slice(asked)).toEqual([3_000]);
    settle(); // the wait was called off: nothing more
    expect(net.asked.slice(asked)).toEqual([3_000]);
  });

  it('fetches the pages either side once the window is in', async () => {
    const { cache, net } = setup();
    cache.ensure(1_000, 1_049);
    expect(net.asked).toEqual([10]);
    await net.answer(10);
    expect(net.asked.slice(1).sort((a, b) => a - b)).toEqual([9, 11]);
  });

  it('fetches no neighbours for a window the scroll jumped to, and does once it moves on from there by a little', async () => {
    const { cache, net, settle } = setup();
    cache.ensure(0, 49);
    await net.answerAll();
    const asked = net.asked.length;
    cache.ensure(500_000, 500_049);
    settle();
    await net.answerAll();
    expect(net.asked.slice(asked)).toEqual([5_000]);
    cache.ensure(500_003, 500_052);
    await net.answerAll();
    expect(net.asked.slice(asked + 1).sort((a, b) => a - b)).toEqual([4_999, 5_001]);
  });

  it('announces the pages that arrive within one frame once', async () => {
    const { cache, net, nextFrame, announced } = setup();
    cache.ensure(150, 249); // pages 1 and 2
    await net.answer(1);
    await net.answer(2);
    expect(announced()).toBe(0);
    nextFrame();
    expect(announced()).toBe(1);
  });

  it('keeps a row the same object while its page is cached', async () => {
    const { cache, net } = setup();
    cache.ensure(0, 49);
    await net.answerAll();
    const row = cache.row(7);
    expect(row).toEqual({ rid: 8, cells: ['row 7'] });
    cache.ensure(0, 60);
    expect(cache.row(7)).toBe(row);
  });

  it('loads one row outside the window (a keyboard jump) without moving the window', async () => {
    const { cache, net } = setup();
    cache.ensure(0, 49);
    await net.answerAll();
    const asked = net.asked.length;
    cache.ensureRow(500_000);
    expect(net.asked.slice(asked)).toEqual([5_000]);
    await net.answerAll();
    expect(cache.row(500_000)?.rid).toBe(500_001);
    expect(cache.row(0)?.rid).toBe(1);
  });

  it('stops loading and announcing once disposed', async () => {
    const { cache, net, nextFrame, settle, announced } = setup();
    cache.ensure(0, 49);
    cache.ensure(500_000, 500_049);
    cache.dispose();
    settle();
    await net.answerAll();
    nextFrame();
    expect(announced()).toBe(0);
    expect(net.asked).toEqual([0]);
    expect(cache.row(0)).toBeUndefined();
  });
});
