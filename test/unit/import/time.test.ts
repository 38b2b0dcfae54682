import { describe, expect, it } from 'vitest';
import { inferDateOrder, parseTimestamp } from '../../../shared/util/time';

const T = Date.UTC(2007, 0, 9, 9, 41, 0);

describe('parseTimestamp', () => {
  it.each([
    ['01/09/2007 09:41:00', 0],
    ['1/9/2007 09:41:00', 0],
    ['01/09/2007 09:41:00 AM', 0],
    ['1/9/2007 9:41:00 AM', 0],
    ['1/9/2007 10:41:00 AM +01:00', 0],
    ['2007-01-09T09:41:00', 0],
    ['2007-01-09T09:41:00.22Z', 220],
    ['2007-01-09T09:41:00.6816663Z', 681],
    ['2007-01-09T09:41:00.535404056Z', 535],
    ['2007-01-09T09:41:00.992099+00:00', 992],
    ['2007-01-09T11:41:00+02:00', 0],
    ['2007-01-09T04:41:00.000-05:00', 0],
    ['1/9/2007, 9:41:00.000 AM', 0],
    ['09.01.2007 09:41:00', 0],
  ])('reads %s as UTC', (text, ms) => {
    expect(parseTimestamp(text)).toBe(T + ms);
  });

  it('reads PM and 12 AM correctly', () => {
    expect(parseTimestamp('3/4/2025 12:05:00 AM')).toBe(Date.UTC(2025, 2, 4, 0, 5));
    expect(parseTimestamp('3/4/2025 1:05:00 PM')).toBe(Date.UTC(2025, 2, 4, 13, 5));
  });

  it('honours day-first order when told', () => {
    expect(parseTimestamp('05/01/2024 10:11:12', 'dmy')).toBe(Date.UTC(2024, 0, 5, 10, 11, 12));
    expect(parseTimestamp('05/01/2024 10:11:12', 'mdy')).toBe(Date.UTC(2024, 4, 1, 10, 11, 12));
  });

  it('rejects what is not a time', () => {
    for (const bad of ['', 'yesterday', '13/13/2024 10:00:00', '2024-02-30T25:00:00Z', null, {}]) expect(parseTimestamp(bad)).toBeNull();
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(parseTimestamp(1168335660)).toBe(T);
    expect(parseTimestamp(T)).toBe(T);
  });
});

describe('inferDateOrder', () => {
  it('finds day-first from a day above 12', () => {
    expect(inferDateOrder(['05/01/2024 10:00', '25/01/2024 10:00'])).toBe('dmy');
    expect(inferDateOrder(['01/25/2024 10:00'])).toBe('mdy');
    expect(inferDateOrder(['01/02/2024 10:00'])).toBeUndefined();
  });
});
