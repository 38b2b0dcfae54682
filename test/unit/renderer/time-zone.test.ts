// Per-row zone formatting: each instant gets the offset its zone had at that instant (DST), and a
// typed wall-clock time in a zone maps back to the right instant.
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatStamp, fromInputValue, fromWallTime, isValidTimeMode, knownTimeZones, offsetsLabel, zoneLabel } from '../../../renderer/format/time';

const NY = 'America/New_York';
const jan = Date.UTC(2026, 0, 15, 14, 30, 5, 250);
const jul = Date.UTC(2026, 6, 15, 14, 30, 5, 250);

describe('zone formatting per row', () => {
  it('shows New York rows in January at -05:00 and in July at -04:00', () => {
    expect(formatStamp(jan, NY)).toBe('2026-01-15 09:30:05 -05:00');
    expect(formatStamp(jul, NY)).toBe('2026-07-15 10:30:05 -04:00');
    expect(formatDateTime(jul, NY, true)).toBe('2026-07-15 10:30:05.250');
    expect(zoneLabel(jan, NY)).toBe('UTC-05:00');
    expect(zoneLabel(jul, NY)).toBe('UTC-04:00');
  });

  it('handles half-hour, southern-hemisphere and UTC zones', () => {
    expect(formatStamp(jan, 'Asia/Kolkata')).toBe('2026-01-15 20:00:05 +05:30');
    expect(formatStamp(jan, 'Australia/Sydney')).toBe('2026-01-16 01:30:05 +11:00');
    expect(formatStamp(jul, 'Australia/Sydney')).toBe('2026-07-16 00:30:05 +10:00');
    expect(formatStamp(jan, 'utc')).toBe('2026-01-15 14:30:05');
  });

  it('switches offset exactly at the DST change (2026-03-08 07:00 UTC in New York)', () => {
    const change = Date.UTC(2026, 2, 8, 7, 0, 0);
    expect(formatStamp(change - 1000, NY)).toBe('2026-03-08 01:59:59 -05:00');
    expect(formatStamp(change, NY)).toBe('2026-03-08 03:00:00 -04:00');
  });

  it('names both offsets of a span that crosses DST', () => {
    expect(offsetsLabel(jan, jul, NY)).toBe('UTC-05:00 / UTC-04:00');
    expect(offsetsLabel(jan, jan + 86_400_000, NY)).toBe('UTC-05:00');
    expect(offsetsLabel(jan, jul, 'utc')).toBe('UTC');
  });

  it('reads typed wall-clock times in the zone, DST included', () => {
    expect(fromInputValue('2026-01-15 09:30:05', NY)).toBe(Date.UTC(2026, 0, 15, 14, 30, 5));
    expect(fromInputValue('2026-07-15 10:30', NY)).toBe(Date.UTC(2026, 6, 15, 14, 30));
    // 01:30 on the fall-back night happens twice: the earlier (EDT) instant is taken.
    expect(fromWallTime(2026, 11, 1, 1, 30, 0, NY)).toBe(Date.UTC(2026, 10, 1, 5, 30));
    // 02:30 on the spring-forward night does not exist: the hour after the gap.
    expect(formatStamp(fromWallTime(2026, 3, 8, 2, 30, 0, NY), NY)).toBe('2026-03-08 03:30:00 -04:00');
  });

  it('validates zone names', () => {
    expect(isValidTimeMode('Europe/Berlin')).toBe(true);
    expect(isValidTimeMode('utc')).toBe(true);
    expect(isValidTimeMode('local')).toBe(true);
    expect(isValidTimeMode('Mars/Olympus_Mons')).toBe(false);
    expect(knownTimeZones()).toContain(NY);
    expect(knownTimeZones()[0]).toBe('UTC');
  });
});
