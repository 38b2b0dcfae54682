// The timeline's tick generator: labels that follow the span, never overlap, sit on round wall-clock
// times of the chosen zone; the count axis never repeats a value.
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../renderer/format/time';
import { countTicks, timeTicks, type TimeTick } from '../../../renderer/components/timeline/time-ticks';

const measure = (l: string) => l.length * 7;
const GAP = 16;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const start = Date.UTC(2026, 2, 3, 9, 17, 41);

function labelled(ticks: TimeTick[]): TimeTick[] {
  return ticks.filter((t) => t.label !== null);
}

function assertReadable(ticks: TimeTick[], width: number): void {
  const shown = labelled(ticks);
  expect(shown.length).toBeGreaterThan(0);
  for (let i = 0; i < shown.length; i++) {
    const a = shown[i]!;
    expect(a.x - measure(a.label!) / 2).toBeGreaterThanOrEqual(0);
    expect(a.x + measure(a.label!) / 2).toBeLessThanOrEqual(width);
    if (i > 0) {
      const b = shown[i - 1]!;
      expect(a.x - measure(a.label!) / 2 - (b.x + measure(b.label!) / 2)).toBeGreaterThanOrEqual(GAP);
    }
  }
  expect(new Set(ticks.map((t) => t.t)).size).toBe(ticks.length);
}

describe('timeTicks', () => {
  const spans: Array<[string, number]> = [
    ['5 minutes', 5 * MIN],
    ['2 hours', 2 * HOUR],
    ['1 day', DAY],
    ['7 days', 7 * DAY],
    ['90 days', 90 * DAY],
    ['2 years', 730 * DAY],
    ['20 years', 7305 * DAY],
  ];
  for (const width of [300, 800, 1500]) {
    for (const [name, span] of spans) {
      it(`${name} at ${width} px: labels fit inside and never overlap`, () => {
        assertReadable(timeTicks({ from: start, to: start + span, width, mode: 'utc', measure, gap: GAP }), width);
      });
    }
  }

  it('labels years on a 2007–2026 case, on 1 January', () => {
    const ticks = labelled(timeTicks({ from: Date.UTC(2007, 4, 2), to: Date.UTC(2026, 5, 30), width: 1200, mode: 'utc', measure }));
    expect(ticks.every((t) => /^\d{4}$/.test(t.label!))).toBe(true);
    expect(ticks.length).toBeGreaterThanOrEqual(9);
    for (const t of ticks) expect(formatDateTime(t.t, 'utc')).toBe(`${t.label}-01-01 00:00:00`);
  });

  it('labels months on a span of a few months, and days on a week', () => {
    const months = labelled(timeTicks({ from: Date.UTC(2026, 0, 10), to: Date.UTC(2026, 6, 10), width: 1000, mode: 'utc', measure }));
    expect(months.map((t) => t.label)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07']);
    const days = labelled(timeTicks({ from: Date.UTC(2026, 0, 10, 5), to: Date.UTC(2026, 0, 16, 5), width: 500, mode: 'utc', measure }));
    expect(days[0]!.label).toBe('2026-01-11');
    expect(days.slice(1).every((t) => /^01-1\d/.test(t.label!) || /^\d\d:\d\d$/.test(t.label!))).toBe(true);
  });

  it('puts hour ticks on round wall-clock hours of the zone, across a DST change', () => {
    const zone = 'America/New_York';
    const ticks = timeTicks({ from: Date.UTC(2026, 2, 7, 12), to: Date.UTC(2026, 2, 9, 12), width: 1400, mode: zone, measure });
    const walls = ticks.map((t) => formatDateTime(t.t, zone).slice(11));
    expect(walls.every((w) => /^\d\d:00:00$/.test(w))).toBe(true);
    expect(labelled(ticks).some((t) => t.label === '03-08' || t.label === '03-09')).toBe(true);
  });

  it('aligns minute ticks on a half-hour zone', () => {
    const ticks = timeTicks({ from: start, to: start + 3 * HOUR, width: 900, mode: 'Asia/Kolkata', measure });
    expect(ticks.every((t) => Number(formatDateTime(t.t, 'Asia/Kolkata').slice(14, 16)) % 15 === 0)).toBe(true);
    expect(labelled(ticks)[0]!.label).toMatch(/^03-03 \d\d:\d\d$/);
  });
});

describe('countTicks', () => {
  for (const [max, height] of [
    [0, 100],
    [1, 100],
    [3, 100],
    [7, 40],
    [48, 100],
    [460, 48],
    [999, 60],
    [123_456, 120],
    [90, 20],
  ] as const) {
    it(`max ${max} at ${height} px: distinct integers from 0 up to the max, far enough apart`, () => {
      const ticks = countTicks(max, height);
      expect(ticks[0]).toBe(0);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(new Set(ticks).size).toBe(ticks.length);
      expect(ticks[ticks.length - 1]!).toBeLessThanOrEqual(Math.max(1, max));
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      // Labels sit at least 18 px apart on a plot of that height scaled to the max.
      const px = (height * (ticks[1]! - ticks[0]!)) / Math.max(1, max);
      expect(px).toBeGreaterThanOrEqual(18);
    });
  }
});
