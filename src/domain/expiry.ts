/**
 * Key expiry (`endDateTime`): presets, parsing, the six-month default and the two-year bound.
 * Every function takes `now`; nothing here reads a clock.
 *
 * Choices where the service's documentation is silent:
 * - months are calendar months in UTC, clamped to the month's last day
 *   (Aug 31 + 6 months = the last day of February, same time of day); years are 12 such months,
 *   so 29 February + 2 years is 28 February, as .NET's AddYears counts;
 * - the upper bound is creation + 2 calendar years minus SAFETY_MARGIN_MS, so a slow submit or
 *   a clock a few minutes ahead of Azure's never crosses the service's limit;
 * - the lower bound is now + MIN_LEAD_MS, so a key is never created already expired;
 * - a bare date means the end of that day in UTC (23:59:59Z). The bare date of the two-year
 *   limit's own day ends after the limit, so it is refused with the latest time that is safe on
 *   that day, rather than clamped without a word: a script that asked for a day gets that day or
 *   an error, never a different time it did not see.
 */
import { printable } from './printable';

export const SAFETY_MARGIN_MS = 10 * 60 * 1000;
export const MIN_LEAD_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type PresetId = '30d' | '90d' | '6mo' | '1y' | '2y';

export interface Preset {
  id: PresetId;
  label: string;
}

export const PRESETS: readonly Preset[] = [
  { id: '30d', label: '30 days' },
  { id: '90d', label: '90 days' },
  { id: '6mo', label: '6 months' },
  { id: '1y', label: '1 year' },
  { id: '2y', label: '2 years' },
];

export const DEFAULT_PRESET: PresetId = '6mo';

/** Why the two-year choice ends a few minutes before the others' time of day. */
export const LONGEST_WHY = `${SAFETY_MARGIN_MS / 60_000} minutes short of 2 years: never past Azure's limit`;

export function addCalendarMonths(from: Date, months: number): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      year,
      month,
      day,
      from.getUTCHours(),
      from.getUTCMinutes(),
      from.getUTCSeconds(),
      from.getUTCMilliseconds(),
    ),
  );
}

/** The latest end the service allows: creation + 2 years (exactly, calendar). */
export function serviceMaximum(now: Date): Date {
  return addCalendarMonths(now, 24);
}

/** The latest end we send: the service's maximum less the safety margin. */
export function latestExpiry(now: Date): Date {
  return new Date(serviceMaximum(now).getTime() - SAFETY_MARGIN_MS);
}

export function earliestExpiry(now: Date): Date {
  return new Date(now.getTime() + MIN_LEAD_MS);
}

export function defaultExpiry(now: Date): Date {
  return addCalendarMonths(now, 6);
}

export type ExpiryResult = { ok: true; date: Date } | { ok: false; problem: string };

export function checkExpiry(date: Date, now: Date): ExpiryResult {
  if (Number.isNaN(date.getTime())) return { ok: false, problem: 'the expiry is not a valid date' };
  if (date.getUTCFullYear() > 9999) return { ok: false, problem: 'the expiry is more than two years away' };
  if (date.getTime() <= now.getTime()) {
    return { ok: false, problem: `the expiry ${formatUtc(date)} is in the past` };
  }
  if (date.getTime() < earliestExpiry(now).getTime()) {
    return { ok: false, problem: `the expiry ${formatUtc(date)} is less than 5 minutes away` };
  }
  const latest = formatUtc(latestExpiry(now));
  if (date.getTime() > serviceMaximum(now).getTime()) {
    return {
      ok: false,
      problem: `${formatUtc(date)} is more than two years away; the latest that is safe is ${latest}`,
    };
  }
  if (date.getTime() > latestExpiry(now).getTime()) {
    return {
      ok: false,
      problem: `${formatUtc(date)} is within ${SAFETY_MARGIN_MS / 60_000} minutes of the two-year limit: the latest that is safe is ${latest}`,
    };
  }
  return { ok: true, date };
}

/**
 * A bare date names a day; its end (23:59:59 UTC) is what is sent. On the day of the two-year
 * limit that end is past the limit although the day itself is not: say so in those words.
 */
function checkDay(day: string, end: Date, now: Date): ExpiryResult {
  const latest = latestExpiry(now);
  if (end.getTime() > latest.getTime() && formatUtc(latest).slice(0, 10) === day) {
    return {
      ok: false,
      problem: `${day} ends at 23:59 UTC, after the two-year limit: the latest that is safe is ${formatUtc(latest)} (give that time, or 2y)`,
    };
  }
  return checkExpiry(end, now);
}

/** A relative span: the presets, and any `<n>d`, `<n>w`, `<n>mo`, `<n>y`. */
function resolveRelative(text: string, now: Date): Date | undefined {
  const match = /^(\d{1,4})\s*(d|days?|w|weeks?|mo|months?|y|years?)$/i.exec(text.trim());
  if (!match) return undefined;
  const count = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  let end: Date;
  if (unit.startsWith('d')) end = new Date(now.getTime() + count * DAY_MS);
  else if (unit.startsWith('w')) end = new Date(now.getTime() + count * 7 * DAY_MS);
  else if (unit.startsWith('m')) end = addCalendarMonths(now, count);
  else end = addCalendarMonths(now, count * 12);
  // "2y" means "as long as allowed": pull it inside the safety margin rather than refuse it.
  if (end.getTime() > latestExpiry(now).getTime() && end.getTime() <= serviceMaximum(now).getTime()) {
    return latestExpiry(now);
  }
  return end;
}

export function resolvePreset(id: PresetId, now: Date): Date {
  return resolveRelative(id, now) as Date;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;

function validCalendarDate(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** Parses what a person or a script typed: a preset or span, a date, or an RFC 3339 instant. */
/**
 * The form this program prints, taken back: `2027-05-01 08:00 UTC` is `…T08:00Z`, and a
 * no-break space (the screens keep a date and time on one line with it) is a space.
 */
function asPrinted(input: string): string {
  return input
    .replaceAll('\u00a0', ' ')
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2})?) ?UTC$/i, '$1Z');
}

export function parseExpiry(input: string, now: Date): ExpiryResult {
  const text = asPrinted(input);
  if (text === '') return { ok: false, problem: 'the expiry is empty' };
  const relative = resolveRelative(text, now);
  if (relative) return checkExpiry(relative, now);

  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [y, m, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    if (!validCalendarDate(y, m, d)) return { ok: false, problem: `'${printable(text)}' is not a calendar date` };
    return checkDay(text, new Date(Date.UTC(y, m - 1, d, 23, 59, 59)), now);
  }

  const instant = INSTANT.exec(text);
  if (instant) {
    const [y, m, d] = [Number(instant[1]), Number(instant[2]), Number(instant[3])];
    const [hh, mm, ss] = [Number(instant[4]), Number(instant[5]), Number(instant[6] ?? '0')];
    if (!validCalendarDate(y, m, d) || hh > 23 || mm > 59 || ss > 59) {
      return { ok: false, problem: `'${printable(text)}' is not a valid date and time` };
    }
    return checkExpiry(new Date(text.replace(' ', 'T')), now);
  }

  return {
    ok: false,
    problem: `'${printable(text)}' is not an expiry: use 30d, 90d, 6mo, 1y, 2y, a date like 2027-05-01, or an RFC 3339 time`,
  };
}

/**
 * Days from now to the end, to the nearest day: negative once expired. The one count that text
 * ("in 181 days") and JSON (`daysLeft`) both show, so they never disagree.
 */
export function daysLeft(end: Date, now: Date): number {
  return Math.round((end.getTime() - now.getTime()) / DAY_MS);
}

/** Not yet expired, but ending within `days` days of now (to the millisecond, not rounded). */
export function endsWithin(end: Date, now: Date, days: number): boolean {
  const left = end.getTime() - now.getTime();
  return left > 0 && left < days * DAY_MS;
}

/** `2027-05-26 12:00 UTC`; a year past 9999 in full (`+275760-09-13 00:00 UTC`); `unknown` for no time. */
export function formatUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'unknown';
  const iso = date.toISOString();
  const at = iso.indexOf('T');
  return `${iso.slice(0, at)} ${iso.slice(at + 1, at + 6)} UTC`;
}

/**
 * How much sooner a new expiry is than the current one, when it is sooner (more than the second
 * the service may round to): the days, to the nearest day, and the words every face says. A
 * shorter life is a consequence of its own and asks for its own yes.
 */
export function shortening(current: Date, next: Date): { days: number; words: string } | undefined {
  const sooner = current.getTime() - next.getTime();
  if (!(sooner >= 1000)) return undefined;
  const days = Math.round(sooner / DAY_MS);
  const words =
    days === 0
      ? 'less than a day sooner than it expires now'
      : `${days} day${days === 1 ? '' : 's'} sooner than it expires now`;
  return { days, words };
}
