/** Dates for examples in help: valid on the day the help is read, whatever that day is. */

/**
 * A date that is always a valid --expires, on the day the help is read and for a year after: 31
 * December of the year after yesterday's (UTC), 364 days to two years ahead. An example with a
 * fixed date would be refused once that date is near or past; "next year" counted from today
 * would be refused in the first minutes of a year, when its 23:59 end is past the two-year limit
 * less the safety margin.
 */
export function lastDayOfNextYear(): string {
  const yesterday = new Date(Date.now() - 86_400_000);
  return `${yesterday.getUTCFullYear() + 1}-12-31`;
}
