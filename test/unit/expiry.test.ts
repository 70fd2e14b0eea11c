import { readFileSync } from 'node:fs';
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
} from '../../src/domain/expiry';
import { formatExpiry, formatDaysFromNow, formatLocal } from '../../src/domain/expiry-words';
import { expiringFromTheStart, keyStatus } from '../../src/domain/readiness';

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
    // As the program prints it, a copy from a screen's no-break space included.
    ['2027-05-01 08:00 UTC', '2027-05-01T08:00:00.000Z'],
    ['2027-05-01\u00a008:00\u00a0UTC', '2027-05-01T08:00:00.000Z'],
    ['2027-05-01 08:00:30 utc', '2027-05-01T08:00:30.000Z'],
  ])('%s → %s', (text, iso) => {
    const result = parseExpiry(text, now);
    expect(result.ok ? result.date.toISOString() : result.problem).toBe(iso);
  });

  it.each([
    ['', 'empty'],
    ['soon', 'is not an expiry'],
    ['2026-11-25', 'in the past'],
    ['2026-11-26T12:02:00Z', 'less than 5 minutes away'],
    ['2028-11-26', 'after the two-year limit'],
    ['25mo', 'more than two years away'],
    ['2027-02-30', 'not a calendar date'],
    ['2027-02-28T25:00:00Z', 'not a valid date and time'],
    ['2027-05-01T08:00:00', 'is not an expiry'],
    ['2027-05-01 UTC', 'is not an expiry'],
    ['2027-05-01 08:00 CET', 'is not an expiry'],
  ])('refuses %j (%s)', (text, words) => {
    const result = parseExpiry(text, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(words);
  });

  it('refuses a date more than two years away and names the latest', () => {
    const result = checkExpiry(at('2030-01-01T00:00:00Z'), now);
    expect(!result.ok && result.problem).toContain('the latest that is safe is 2028-11-26 11:50 UTC');
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

describe('the date rules at the edges (issue 17)', () => {
  it.each([
    ['six months from 31 August, before a leap year', '2026-08-31T10:00:00Z', '6mo', '2027-02-28T10:00:00.000Z'],
    ['six months from 31 August, into a leap year', '2027-08-31T10:00:00Z', '6mo', '2028-02-29T10:00:00.000Z'],
    ['six months from 31 March ends on 30 September', '2027-03-31T08:00:00Z', '6mo', '2027-09-30T08:00:00.000Z'],
    [
      'two years from 29 February ends on 28 February (AddYears)',
      '2028-02-29T12:00:00Z',
      '2y',
      '2030-02-28T11:50:00.000Z',
    ],
    ['one year from 29 February', '2028-02-29T12:00:00Z', '1y', '2029-02-28T12:00:00.000Z'],
    ['the day before the two-year limit, as a date', '2026-12-03T10:00:00Z', '2028-12-02', '2028-12-02T23:59:59.000Z'],
    ["New Year's Eve 23:59 + six months", '2026-12-31T23:59:00Z', '6mo', '2027-06-30T23:59:00.000Z'],
    ["New Year's Eve 23:59 + 30 days", '2026-12-31T23:59:00Z', '30d', '2027-01-30T23:59:00.000Z'],
    ["New Year's Eve 23:59 + a year", '2026-12-31T23:59:00Z', '1y', '2027-12-31T23:59:00.000Z'],
    ["New Year's Eve 23:59 + two years", '2026-12-31T23:59:00Z', '2y', '2028-12-31T23:49:00.000Z'],
    ['a time given in another zone', '2026-12-31T12:00:00Z', '2027-01-01T05:29:00+05:30', '2026-12-31T23:59:00.000Z'],
  ])('%s: at %s, %s is %s', (_label, now, input, iso) => {
    const result = parseExpiry(input, at(now));
    expect(result.ok ? result.date.toISOString() : result.problem).toBe(iso);
  });

  it.each([
    [
      'a date two years out: its end passes the limit',
      '2026-12-03T10:00:00Z',
      '2028-12-03',
      '2028-12-03 ends at 23:59 UTC, after the two-year limit: the latest that is safe is 2028-12-03 09:50 UTC (give that time, or 2y)',
    ],
    [
      "New Year's Eve two years out, as a date",
      '2026-12-31T23:59:00Z',
      '2028-12-31',
      '2028-12-31 ends at 23:59 UTC, after the two-year limit: the latest that is safe is 2028-12-31 23:49 UTC (give that time, or 2y)',
    ],
    [
      'two years minus a minute: inside our ten-minute margin, not past the limit',
      '2026-11-26T12:00:00Z',
      '2028-11-26T11:59:00Z',
      '2028-11-26 11:59 UTC is within 10 minutes of the two-year limit: the latest that is safe is 2028-11-26 11:50 UTC',
    ],
    [
      'two years and a minute',
      '2026-11-26T12:00:00Z',
      '2028-11-26T12:01:00Z',
      '2028-11-26 12:01 UTC is more than two years away; the latest that is safe is 2028-11-26 11:50 UTC',
    ],
    [
      '29 February + two years is 28 February: 1 March is past the limit',
      '2028-02-29T12:00:00Z',
      '2030-03-01T00:00:00Z',
      '2030-03-01 00:00 UTC is more than two years away; the latest that is safe is 2030-02-28 11:50 UTC',
    ],
    [
      'a five-digit year',
      '2026-11-26T12:00:00Z',
      '275760-09-13T00:00:00Z',
      "'275760-09-13T00:00:00Z' is not an expiry: use 30d, 90d, 6mo, 1y, 2y, a date like 2027-05-01, or an RFC 3339 time",
    ],
  ])('%s: at %s, %s is refused', (_label, now, input, words) => {
    const result = parseExpiry(input, at(now));
    expect(result.ok ? result.date.toISOString() : result.problem).toBe(words);
  });

  it.each([
    ['the 30-day preset', '30d', true],
    ['29 days', '29d', true],
    ['31 days', '31d', false],
    ['the 90-day preset', '90d', false],
  ])('%s counts as expiring from the start: %s', (_label, input, flagged) => {
    const now = at('2026-12-31T23:59:00Z');
    const result = parseExpiry(input, now);
    expect(result.ok && expiringFromTheStart(result.date, now)).toBe(flagged);
    // The same key, a second later, is what list --expiring-within 30 judges.
    expect(result.ok && keyStatus(result.date, new Date(now.getTime() + 1000))).toBe(flagged ? 'expiring' : 'ok');
  });

  it.each([
    // 1 November 2026: New York's clocks go back from 02:00 EDT to 01:00 EST at 06:00 UTC.
    ['2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01 05:30 UTC · 01:30 EDT (in 10 days)'],
    ['2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01 06:30 UTC · 01:30 EST (in 10 days)'],
    // 14 March 2027: they go forward; 02:30 local does not exist, 07:30 UTC is 03:30 EDT.
    ['2027-03-14T07:30:00Z', 'America/New_York', '2027-03-14 07:30 UTC · 03:30 EDT (in 143 days)'],
    ['2026-12-31T23:59:00Z', 'Asia/Kolkata', '2026-12-31 23:59 UTC · 2027-01-01 05:29 GMT+5:30 (in 71 days)'],
    ['2026-12-31T23:59:00Z', 'Pacific/Chatham', '2026-12-31 23:59 UTC · 2027-01-01 13:44 GMT+13:45 (in 71 days)'],
    ['2027-06-30T23:59:00Z', 'Pacific/Chatham', '2027-06-30 23:59 UTC · 2027-07-01 12:44 GMT+12:45 (in 252 days)'],
  ])('%s in %s: %s', (end, zone, words) => {
    expect(formatExpiry(at(end), at('2026-10-22T05:30:00Z'), zone)).toBe(words);
  });
});

describe("the rules' zone names (docs/rules.md) are ICU's", () => {
  const readme = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
  const bullet = /\*\*Time zones:\*\*[\s\S]*?(?=\n- |\n\n)/.exec(readme)?.[0] ?? '';
  const flat = bullet.replace(/\s+/g, ' ');
  const named = [...flat.matchAll(/`([^`]+)`(?:\/`([^`]+)`)? for ([A-Za-z_]+\/[A-Za-z_]+)/g)];

  it('names at least four zones', () => {
    expect(named.map((m) => m[3])).toEqual(['Europe/Berlin', 'Asia/Kolkata', 'America/New_York', 'Pacific/Chatham']);
  });

  it.each(named.map((m) => [m[3], m[1], m[2]] as const))('%s is %s (and %s)', (zone, winter, summer) => {
    // January is Berlin's and New York's winter and Chatham's summer; July the other way round.
    const january = formatLocal(new Date('2027-01-15T12:00:00Z'), zone) ?? '';
    const july = formatLocal(new Date('2027-07-15T12:00:00Z'), zone) ?? '';
    const names = [january, july].map((text) => text.split(' ').at(-1));
    expect(names).toContain(winter);
    if (summer) expect(names).toContain(summer);
  });
});
