/** Text output of the commands: aligned tables and key facts, measured by display width. */
import stringWidth from '../display-width';
import { cut } from '../text-width';
import { daysLeft, formatExpiry } from '../domain/expiry';
import { EXPIRING_SOON_DAYS, keyStatus, type KeyStatus } from '../domain/readiness';
import type { ApiKey, Deployment } from '../gateway';
import type { Painter } from '../style';

const STATUS_ROLE: Record<KeyStatus, 'success' | 'warning' | 'danger'> = {
  ok: 'success',
  expiring: 'warning',
  expired: 'danger',
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
    endDateTime: key.endDateTime.toISOString(),
    daysLeft: daysLeft(key.endDateTime, now),
    status: keyStatus(key.endDateTime, now),
  };
}

export function deploymentJson(d: Deployment) {
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

export function describeDeployment(d: Deployment): string {
  return `${d.name} (${d.resourceGroup}${d.subscriptionName ? `, ${d.subscriptionName}` : ''})`;
}

/**
 * A table that fits `width` columns: the columns in `cuttable` (most expendable first) are cut with
 * … down to `floor` columns each until every row fits; a row is never wrapped. With no width (not a
 * terminal) nothing is cut, so scripts get every character.
 */
export function fittedTable(
  headers: string[],
  rows: string[][],
  paint: Painter,
  width: number | undefined,
  cuttable: number[],
  floor = 6,
): string {
  const widths = headers.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ''))));
  const total = () => widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
  if (width !== undefined) {
    for (const column of cuttable) {
      const over = total() - width;
      if (over <= 0) break;
      widths[column] = Math.max(floor, (widths[column] ?? 0) - over);
    }
  }
  const fitted = (cells: string[]) => cells.map((cell, i) => (cuttable.includes(i) ? cut(cell, widths[i] ?? 0) : cell));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : cell + ' '.repeat(Math.max(0, (widths[i] ?? 0) - stringWidth(cell))),
      )
      .join('  ')
      .trimEnd();
  return [paint('bold', line(fitted(headers))), ...rows.map((r) => line(fitted(r)))].join('\n');
}
