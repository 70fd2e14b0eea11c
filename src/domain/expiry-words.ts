/**
 * A key's expiry in words for people: the days left, the local time beside UTC, and a chosen
 * expiry with its label. The rules and the UTC form are expiry.ts's.
 */
import { daysLeft, formatUtc } from './expiry';

/** Words for people, to the nearest day (a six-month key made a minute ago is "in 182 days" or so). */
export function formatDaysFromNow(end: Date, now: Date): string {
  if (Number.isNaN(end.getTime())) return 'expiry unknown';
  const days = daysLeft(end, now);
  if (end.getTime() <= now.getTime()) {
    const ago = -days;
    return ago === 0 ? 'expired today' : `expired ${ago} day${ago === 1 ? '' : 's'} ago`;
  }
  if (days === 0) return 'expires today';
  return `in ${days} day${days === 1 ? '' : 's'}`;
}

/**
 * The same instant in the machine's own time zone, named as ICU names it in English:
 * `2026-12-17 02:44 GMT+1` (Europe/Berlin), `2026-12-17 07:14 GMT+5:30` (Asia/Kolkata),
 * `2026-12-16 20:44 EST` (America/New_York). Undefined when that zone is UTC, where the UTC time
 * already says it.
 */
export function formatLocal(
  date: Date,
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
): string | undefined {
  if (Number.isNaN(date.getTime()) || Math.abs(date.getUTCFullYear()) > 9999) return undefined;
  if (/^(Etc\/)?(UTC|GMT|Universal|Zulu)$/i.test(timeZone ?? 'UTC')) return undefined;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

/** UTC, the local time where it differs, and the days: `2026-12-17 01:44 UTC · 02:44 GMT+1 (in 20 days)`. */
export function formatExpiry(end: Date, now: Date, timeZone?: string): string {
  const local = formatLocal(end, timeZone);
  const utc = formatUtc(end);
  const shownLocal =
    local === undefined ? '' : ` · ${local.slice(0, 10) === utc.slice(0, 10) ? local.slice(11) : local}`;
  return `${utc}${shownLocal} (${formatDaysFromNow(end, now)})`;
}

/**
 * A chosen expiry in words: the choice's own label beside the time it stands for ("6 months ·
 * 2027-06-03 17:06 UTC"), or the time alone where the label is that same day already (a date
 * typed as 2027-03-15), so that no date is said twice.
 */
export function chosenExpiryWords(label: string | undefined, date: Date): string {
  const own = labelBeside(label, date);
  return own === undefined ? formatUtc(date) : `${own} · ${formatUtc(date)}`;
}

/** The choice's label where it says more than the date beside it ("6 months", "45d"); else nothing. */
export function labelBeside(label: string | undefined, date: Date): string | undefined {
  const given = label?.trim() ?? '';
  return given === '' || formatUtc(date).startsWith(given.slice(0, 10)) ? undefined : given;
}
