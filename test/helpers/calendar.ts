/**
 * The calendar as a person counts it, written apart from src/domain/expiry.ts so that a test of
 * the binary (which reads the real clock) can say what today's answer must be without asking the
 * code under test. Months by a table of month lengths, not by Date's overflow.
 */
const DAY_MS = 86_400_000;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function monthLength(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month] ?? 31;
}

/** The same time of day, `months` calendar months on, on the month's last day where it is shorter. */
export function monthsOn(from: Date, months: number): Date {
  const index = from.getUTCMonth() + months;
  const year = from.getUTCFullYear() + Math.floor(index / 12);
  const month = ((index % 12) + 12) % 12;
  const day = Math.min(from.getUTCDate(), monthLength(year, month));
  const timeOfDay = from.getTime() - Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  return new Date(Date.UTC(year, month, day) + timeOfDay);
}

/** Whole days from `now` to `end`, to the nearest day. */
export function roundDays(end: Date, now: Date): number {
  return Math.round((end.getTime() - now.getTime()) / DAY_MS);
}

/** What "in N days" a six-month key made at `now` shows: 181 to 184 depending on the months. */
export function sixMonthDays(now = new Date()): number {
  return roundDays(monthsOn(now, 6), now);
}

/**
 * Whether `--expires <day>` (a bare date: its end, 23:59:59 UTC) is a date the service's rule
 * takes at `now`: at least five minutes ahead, and no later than two calendar years on less the
 * ten-minute safety margin the README promises. Counted here, not by src/domain/expiry.ts.
 */
export function dayTakenAt(day: string, now: Date): { ok: boolean; why: string } {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const end = Date.UTC(year, month - 1, date, 23, 59, 59);
  if (end <= now.getTime() + 5 * 60_000) return { ok: false, why: `${day} ends too soon after ${now.toISOString()}` };
  const limit = monthsOn(now, 24).getTime() - 10 * 60_000;
  if (end > limit)
    return { ok: false, why: `${day} ends after ${new Date(limit).toISOString()}, two years less ten minutes` };
  return { ok: true, why: `${day} is taken at ${now.toISOString()}` };
}
