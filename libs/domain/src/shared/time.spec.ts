import { describe, expect, it } from '@jest/globals';
import { limaDate, limaMonth, minutesBetween, parseInstant } from './time.js';

describe('parseInstant', () => {
  it.each([
    ['2026-03-01T10:15:00-05:00', '2026-03-01T15:15:00.000Z'],
    ['2026-03-01T15:15:00.123Z', '2026-03-01T15:15:00.123Z'],
    ['2026-03-01T20:45:00+05:30', '2026-03-01T15:15:00.000Z'],
    ['2026-03-01T10:15-05:00', '2026-03-01T15:15:00.000Z'],
    ['2026-03-01T15:15:00.123456Z', '2026-03-01T15:15:00.123Z'],
    ['2026-03-01T15:15:00.5Z', '2026-03-01T15:15:00.500Z'],
    ['2024-02-29T23:30:00-05:00', '2024-03-01T04:30:00.000Z'],
    ['2025-12-31T23:59:59-05:00', '2026-01-01T04:59:59.000Z'],
  ])('normalizes %s to UTC', (input, expected) => {
    expect(parseInstant(input)).toBe(expected);
  });

  it.each([
    ['a date without time', '2026-03-01'],
    ['a date-time without offset', '2026-03-01T10:15:00'],
    ['30 February', '2026-02-30T10:15:00Z'],
    ['29 February of a common year', '2025-02-29T10:15:00Z'],
    ['month 13', '2026-13-01T10:15:00Z'],
    ['hour 24', '2026-03-01T24:00:00Z'],
    ['a leap second', '2026-03-01T23:59:60Z'],
    ['an offset beyond 23 hours', '2026-03-01T10:15:00+24:00'],
    ['a space instead of T', '2026-03-01 10:15:00Z'],
    ['an offset without colon', '2026-03-01T10:15:00-0500'],
    ['free text', 'yesterday'],
    ['an empty string', ''],
  ])('refuses %s', (_label, input) => {
    expect(parseInstant(input)).toBeNull();
  });

  it.each([[null], [undefined], [1772378100000], [new Date('2026-03-01T15:15:00Z')]])('refuses the non-string %p', (value) => {
    expect(parseInstant(value)).toBeNull();
  });
});

describe('limaMonth', () => {
  it('counts by the Lima calendar (UTC-5), not by UTC', () => {
    expect(limaMonth('2026-03-01T03:00:00.000Z')).toBe('2026-02');
    expect(limaMonth('2026-03-01T05:00:00.000Z')).toBe('2026-03');
  });

  it('crosses the year boundary in Lima time', () => {
    expect(limaMonth('2026-01-01T04:59:59.000Z')).toBe('2025-12');
    expect(limaMonth('2026-01-01T05:00:00.000Z')).toBe('2026-01');
  });
});

describe('limaDate', () => {
  it('gives the Lima calendar day (UTC-5), not the UTC one', () => {
    expect(limaDate('2014-10-22T04:59:59.999Z')).toBe('2014-10-21');
    expect(limaDate('2014-10-22T05:00:00.000Z')).toBe('2014-10-22');
    expect(limaDate('2026-01-01T04:59:59.000Z')).toBe('2025-12-31');
  });
});

describe('minutesBetween', () => {
  it('is signed and fractional', () => {
    expect(minutesBetween('2026-03-01T10:00:00Z', '2026-03-01T11:30:00Z')).toBe(90);
    expect(minutesBetween('2026-03-01T11:30:00Z', '2026-03-01T10:00:00Z')).toBe(-90);
    expect(minutesBetween('2026-03-01T10:00:00Z', '2026-03-01T10:00:30Z')).toBe(0.5);
  });

  it('compares instants across offsets', () => {
    expect(minutesBetween('2026-03-01T10:00:00-05:00', '2026-03-01T15:05:00Z')).toBe(5);
  });
});
