// The one-time code that stands in for the session token on the browser's command line.
import { describe, expect, it } from 'vitest';
import { OneTimeCodes } from '../../../main/server/one-time-code';

describe('one-time codes', () => {
  it('work once, only before they expire, and only when exact', () => {
    let now = 1_000;
    const codes = new OneTimeCodes(60_000, () => now);
    const a = codes.issue();
    const b = codes.issue();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(codes.redeem(`${a.slice(0, -1)}${a.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(codes.redeem(a)).toBe(true);
    expect(codes.redeem(a)).toBe(false);
    now += 60_000;
    expect(codes.redeem(b)).toBe(false);
    expect(codes.redeem(b)).toBe(false);
  });
});
