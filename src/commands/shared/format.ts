/** Text output of the commands: aligned tables and key facts, measured by display width. */
import stringWidth from '../../term/display-width';
import { cut, padEnd } from '../../term/text-width';
import { daysLeft, formatUtc } from '../../domain/expiry';
import { formatDaysFromNow, formatExpiry } from '../../domain/expiry-words';
import { EXPIRING_SOON_DAYS, keyStatus, type KeyStatus } from '../../domain/readiness';
import type { ApiKey, Deployment } from '../../port/gateway';
import type { Painter } from '../../term/style';

const STATUS_ROLE: Record<KeyStatus, 'success' | 'warning' | 'danger'> = {
  ok: 'success',
  expiring: 'warning',
  expired: 'danger',
  unknown: 'danger',
};

/** The one word of JSON's `status` (ok, expiring, expired), coloured: what a table shows. */
export function statusWord(key: ApiKey, now: Date, paint: Painter): string {
  const status = keyStatus(key.endDateTime, now);
  return paint(STATUS_ROLE[status], status);
}

/** The status word, then what it means for this key: `expiring (within 30 days)`. */
export function statusWords(key: ApiKey, now: Date, paint: Painter): string {
  const status = keyStatus(key.endDateTime, now);
  const meaning = status === 'expiring' ? ` (within ${EXPIRING_SOON_DAYS} days)` : '';
  return `${paint(STATUS_ROLE[status], status)}${meaning}`;
}

export function keyJson(key: ApiKey, now: Date) {
  return {
    name: key.name,
    id: key.id,
    hint: key.hint,
    // A time the service gave that is not one: null, and the status says 'unknown'.
    endDateTime: Number.isNaN(key.endDateTime.getTime()) ? null : key.endDateTime.toISOString(),
    daysLeft: Number.isNaN(key.endDateTime.getTime()) ? null : daysLeft(key.endDateTime, now),
    status: keyStatus(key.endDateTime, now),
  };
}

export function deploymentJson(d: Deployment) {
  // Azure may give an empty display name or endpoint: said as none, not as "".
  return {
    name: d.name,
    resourceGroup: d.resourceGroup,
    subscriptionId: d.subscriptionId,
    ...(d.subscriptionName ? { subscriptionName: d.subscriptionName } : {}),
    location: d.location,
    provisioningState: d.provisioningState,
    ...(d.dataplaneApiEndpoint ? { dataplaneApiEndpoint: d.dataplaneApiEndpoint } : {}),
    id: d.id,
  };
}

export function expiryText(end: Date, now: Date): string {
  return formatExpiry(end, now);
}

/** Shorter forms of expiryText for a narrow table: without the local time, then the day alone. */
export function expiryInUtc(end: Date, now: Date): string {
  return `${formatUtc(end)} (${formatDaysFromNow(end, now)})`;
}

export function expiryDay(end: Date, now: Date): string {
  return `${formatUtc(end).slice(0, 10)} (${formatDaysFromNow(end, now)})`;
}

/** The narrowest: the day and the days in figures, `2027-05-26 in 181 d`, `2026-11-21 12 d ago`. */
export function expiryShort(end: Date, now: Date): string {
  if (Number.isNaN(end.getTime())) return 'unknown';
  return `${formatUtc(end).slice(0, 10)} ${expiryRelative(end, now)}`;
}

/** "in 20 d", "3 d ago", "today": where not even the date has room. */
export function expiryRelative(end: Date, now: Date): string {
  if (Number.isNaN(end.getTime())) return 'unknown';
  const days = daysLeft(end, now);
  return end.getTime() <= now.getTime() ? (days === 0 ? 'today' : `${-days} d ago`) : `in ${days} d`;
}

export function describeDeployment(d: Deployment): string {
  return `${d.name} (${d.resourceGroup}${d.subscriptionName ? `, ${d.subscriptionName}` : ''})`;
}

/**
 * One way to make a table narrower, tried in order until every row fits: cut a column with … (to
 * `floor` columns at the least), show a column in a shorter form (one cell per row), or leave a
 * column out.
 */
export type FitStep = { cut: number } | { shorten: number; cells: string[] } | { drop: number };

/**
 * A table that fits `width` columns: the steps are taken in order (most expendable first) until
 * every row fits; a row is never wrapped. With no width (not a terminal) nothing is cut, so
 * scripts get every character. Widths are display widths (a CJK name takes two columns a letter).
 */
export function fittedTable(
  headers: string[],
  rows: string[][],
  paint: Painter,
  width: number | undefined,
  steps: FitStep[],
  floor = 6,
): string {
  const table = rows.map((r) => [...r]);
  const measure = (column: number) =>
    Math.max(stringWidth(headers[column] ?? ''), ...table.map((r) => stringWidth(r[column] ?? '')));
  const widths = headers.map((_, i) => measure(i));
  const dropped = new Set<number>();
  const kept = () => widths.filter((_, i) => !dropped.has(i));
  const total = () => kept().reduce((sum, w) => sum + w, 0) + 2 * (kept().length - 1);
  const cutColumns = new Set<number>();
  for (const step of width === undefined ? [] : steps) {
    const over = total() - (width ?? 0);
    if (over <= 0) break;
    if ('cut' in step) {
      cutColumns.add(step.cut);
      widths[step.cut] = Math.max(floor, (widths[step.cut] ?? 0) - over);
    } else if ('drop' in step) {
      dropped.add(step.drop);
    } else {
      table.forEach((r, i) => (r[step.shorten] = step.cells[i] ?? ''));
      widths[step.shorten] = measure(step.shorten);
    }
  }
  const line = (cells: string[]) => {
    const shown = cells
      .map((cell, i) => (cutColumns.has(i) ? cut(cell, widths[i] ?? 0) : cell))
      .map((cell, i, all) => (i === all.length - 1 ? cell : padEnd(cell, widths[i] ?? 0)))
      .filter((_, i) => !dropped.has(i));
    return shown.join('  ').trimEnd();
  };
  return [paint('bold', line(headers)), ...table.map(line)].join('\n');
}

/** An expiry inside a sentence's parentheses, with none of its own: `expires 2026-12-24 06:15 UTC, in 20 days`. */
export function expiresWords(end: Date, now: Date): string {
  if (Number.isNaN(end.getTime())) return 'its expiry cannot be read';
  const when = formatDaysFromNow(end, now).replace(/^(expired|expires) /, '');
  return `${end.getTime() <= now.getTime() ? 'expired' : 'expires'} ${formatUtc(end)}, ${when}`;
}
