import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addCalendarMonths,
  checkExpiry,
  defaultExpiry,
  latestExpiry,
  parseExpiry,
  resolvePreset,
  serviceMaximum,
  MIN_LEAD_MS,
  SAFETY_MARGIN_MS,
  PRESETS,
  daysLeft,
  endsWithin,
  formatExpiry,
  formatDaysFromNow,
} from '../../src/domain/expiry';

const at = (iso: string) => new Date(iso);

describe('calendar months', () => {
  it.each([
    ['2026-08-31T10:00:00Z', 6, '2027-02-28T10:00:00.000Z'],
    ['2027-08-31T10:00:00Z', 6, '2028-02-29T10:00:00.000Z'],
    ['2026-01-31T00:00:00Z', 1, '2026-02-28T00:00:00.000Z'],
    ['2028-02-29T12:00:00Z', 24, '2030-02-28T12:00:00.000Z'],
    ['2026-11-26T13:54:00Z', 6, '2027-05-26T13:54:00.000Z'],
    ['2026-12-15T00:00:00Z', 1, '2027-01-15T00:00:00.000Z'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addCalendarMonths(at(from), months).toISOString()).toBe(expected);
  });

  it('defaults to six months', () => {
    expect(defaultExpiry(at('2026-08-31T09:30:00Z')).toISOString()).toBe('2027-02-28T09:30:00.000Z');
  });
});

describe('parsing an expiry', () => {
  const now = at('2026-11-26T12:00:00Z');
  it.each([
    ['30d', '2026-12-26T12:00:00.000Z'],
    ['90d', '2027-02-24T12:00:00.000Z'],
    ['6mo', '2027-05-26T12:00:00.000Z'],
    ['1y', '2027-11-26T12:00:00.000Z'],
    ['2y', '2028-11-26T11:50:00.000Z'],
    ['2w', '2026-12-10T12:00:00.000Z'],
    ['2027-05-01', '2027-05-01T23:59:59.000Z'],
    ['2027-05-01T08:00:00Z', '2027-05-01T08:00:00.000Z'],
    ['2027-05-01T10:00:00+02:00', '2027-05-01T08:00:00.000Z'],
    ['2027-05-01T08:00:00.123Z', '2027-05-01T08:00:00.123Z'],
  ])('%s → %s', (text, iso) => {
    const result = parseExpiry(text, now);
    expect(result.ok ? result.date.toISOString() : result.problem).toBe(iso);
  });

  it.each([
    ['', 'empty'],
    ['soon', 'is not an expiry'],
    ['2026-11-25', 'in the past'],
    ['2026-11-26T12:02:00Z', 'less than 5 minutes away'],
    ['2028-11-26', 'more than two years away'],
    ['25mo', 'more than two years away'],
    ['2027-02-30', 'not a calendar date'],
    ['2027-02-28T25:00:00Z', 'not a valid date and time'],
    ['2027-05-01T08:00:00', 'is not an expiry'],
  ])('refuses %j (%s)', (text, words) => {
    const result = parseExpiry(text, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(words);
  });

  it('refuses a date more than two years away and names the latest', () => {
    const result = checkExpiry(at('2030-01-01T00:00:00Z'), now);
    expect(!result.ok && result.problem).toContain('the latest is 2028-11-26 11:50 UTC');
  });
});

describe('bounds hold for every creation instant (property)', () => {
  const instants = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  });

  it('every preset is accepted and lies within (now, now + 2 years]', () => {
    fc.assert(
      fc.property(instants, (now) => {
        for (const preset of PRESETS) {
          const end = resolvePreset(preset.id, now);
          expect(checkExpiry(end, now).ok).toBe(true);
          expect(end.getTime()).toBeGreaterThan(now.getTime() + MIN_LEAD_MS);
          expect(end.getTime()).toBeLessThanOrEqual(serviceMaximum(now).getTime() - SAFETY_MARGIN_MS);
        }
      }),
    );
  });

  it('the default is six calendar months, on the same or the last day of the month', () => {
    fc.assert(
      fc.property(instants, (now) => {
        const end = defaultExpiry(now);
        const months = (end.getUTCFullYear() - now.getUTCFullYear()) * 12 + end.getUTCMonth() - now.getUTCMonth();
        expect(months).toBe(6);
        const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
        expect(end.getUTCDate() === now.getUTCDate() || end.getUTCDate() === lastDay).toBe(true);
        expect(end.getUTCHours()).toBe(now.getUTCHours());
      }),
    );
  });

  it('the latest allowed end is always accepted, and one millisecond later never', () => {
    fc.assert(
      fc.property(instants, (now) => {
        const latest = latestExpiry(now);
        expect(checkExpiry(latest, now).ok).toBe(true);
        expect(checkExpiry(new Date(latest.getTime() + 1), now).ok).toBe(false);
        expect(latest.getTime()).toBeLessThan(serviceMaximum(now).getTime());
      }),
    );
  });
});

describe('days in words', () => {
  const now = at('2026-11-26T12:00:00Z');
  it.each([
    ['2027-05-26T11:59:00Z', 'in 181 days'],
    ['2026-11-27T12:00:00Z', 'in 1 day'],
    ['2026-11-26T15:00:00Z', 'expires today'],
    ['2026-11-26T09:00:00Z', 'expired today'],
    ['2026-11-23T12:00:00Z', 'expired 3 days ago'],
    ['2026-11-25T12:00:00Z', 'expired 1 day ago'],
  ])('%s → %s', (end, words) => {
    expect(formatDaysFromNow(at(end), now)).toBe(words);
  });

  it.each([
    ['2027-05-26T11:59:00Z', 181],
    ['2026-12-16T11:59:00Z', 20],
    ['2026-11-26T15:00:00Z', 0],
    ['2026-11-23T12:00:00Z', -3],
  ])('daysLeft(%s) is %i: the number the words say, and what JSON carries', (end, days) => {
    expect(daysLeft(at(end), now)).toBe(days);
    expect(formatDaysFromNow(at(end), now)).toMatch(new RegExp(`(^| )${Math.abs(days) || 'today'}( |$)`));
  });

  it('endsWithin compares to the millisecond, for --expiring-within and the status', () => {
    expect(endsWithin(at('2026-12-26T11:59:59Z'), now, 30)).toBe(true);
    expect(endsWithin(at('2026-12-26T12:00:00Z'), now, 30)).toBe(false);
    expect(endsWithin(at('2026-11-26T11:00:00Z'), now, 30)).toBe(false);
  });
});

describe('local times, named', () => {
  const end = new Date('2026-12-17T01:44:00Z');
  const now = new Date('2026-11-27T01:44:00Z');
  it.each([
    ['Europe/Berlin', '2026-12-17 01:44 UTC · 02:44 GMT+1 (in 20 days)'],
    ['America/New_York', '2026-12-17 01:44 UTC · 2026-12-16 20:44 EST (in 20 days)'],
    ['UTC', '2026-12-17 01:44 UTC (in 20 days)'],
  ])('in %s: %s', (zone, words) => {
    expect(formatExpiry(end, now, zone)).toBe(words);
  });
});
