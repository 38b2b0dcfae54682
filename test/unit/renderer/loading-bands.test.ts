// The grid draws the bars of loading rows one element per run of them: the runs and the bars' geometry.
import { describe, expect, it } from 'vitest';
import { placeholderBars } from '../../../renderer/components/grid/grid-row';
import { loadingRuns } from '../../../renderer/components/grid/loading-bands';

describe('loadingRuns', () => {
  it('groups consecutive rows that are not loaded, split by loaded ones', () => {
    const loaded = new Set([12, 13, 17]);
    expect(loadingRuns([10, 11, 12, 13, 14, 15, 16, 17, 18], (i) => (loaded.has(i) ? undefined : 0))).toEqual([
      { first: 10, count: 2, look: 0 },
      { first: 14, count: 3, look: 0 },
      { first: 18, count: 1, look: 0 },
    ]);
  });

  it('has no run when every row is loaded, one run when none is', () => {
    expect(loadingRuns([5, 6, 7], () => undefined)).toEqual([]);
    expect(loadingRuns([5, 6, 7], () => 0)).toEqual([{ first: 5, count: 3, look: 0 }]);
    expect(loadingRuns([], () => 0)).toEqual([]);
  });

  it('starts a new run across a gap in the indexes', () => {
    expect(loadingRuns([1, 2, 5, 6], () => 0)).toEqual([
      { first: 1, count: 2, look: 0 },
      { first: 5, count: 2, look: 0 },
    ]);
  });

  it('starts a new run where the look changes (nested rows of another depth)', () => {
    const depth = [1, 1, 2, 2, 1];
    expect(loadingRuns([0, 1, 2, 3, 4], (i) => depth[i])).toEqual([
      { first: 0, count: 2, look: 1 },
      { first: 2, count: 2, look: 2 },
      { first: 4, count: 1, look: 1 },
    ]);
  });
});

describe('placeholderBars', () => {
  it('puts one bar in each cell, 60% of its inner width, after the indent', () => {
    const bars = placeholderBars([116, 216], 20);
    expect(bars.backgroundPosition).toBe('28px 50%, 144px 50%');
    expect(bars.backgroundSize).toBe('60px 6px, 120px 6px');
    expect(bars.backgroundRepeat).toBe('no-repeat');
  });

  it('tiles the same bars row after row, centred in each row above its bottom border', () => {
    const bars = placeholderBars([116, 216], 0, 22);
    expect(bars.backgroundPosition).toBe('8px 0, 124px 0');
    expect(bars.backgroundSize).toBe('60px 22px, 120px 22px');
    expect(bars.backgroundRepeat).toBe('repeat-y');
    // 22 px row, 1 px border, 6 px bar: the bar spans 8..14 px of each tile
    expect(String(bars.backgroundImage).split('), ')[0]).toContain('transparent 8px');
    expect(String(bars.backgroundImage)).toContain('0.05) 14px, transparent 14px');
  });
});
