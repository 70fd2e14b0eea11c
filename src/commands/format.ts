/** Text output of the commands: aligned tables and key facts, measured by display width. */
import stringWidth from 'string-width';
import { daysLeft, formatDaysFromNow, formatUtc } from '../domain/expiry';
import { KEY_STATUS_WORDS, keyStatus, type KeyStatus } from '../domain/readiness';
import type { ApiKey, Deployment } from '../gateway';
import type { Painter } from '../style';

export function table(headers: string[], rows: string[][], paint: Painter): string {
  const widths = headers.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - stringWidth(cell))))
      .join('  ')
      .trimEnd();
  return [paint('bold', line(headers)), ...rows.map(line)].join('\n');
}

const STATUS_ROLE: Record<KeyStatus, 'success' | 'warning' | 'danger'> = {
  ok: 'success',
  expiring: 'warning',
  expired: 'danger',
};

export function statusWords(key: ApiKey, now: Date, paint: Painter): string {
  const status = keyStatus(key.endDateTime, now);
  return paint(STATUS_ROLE[status], KEY_STATUS_WORDS[status]);
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
    id: d.id,
  };
}

export function expiryText(end: Date, now: Date): string {
  return `${formatUtc(end)} (${formatDaysFromNow(end, now)})`;
}

export function describeDeployment(d: Deployment): string {
  return `${d.name} (${d.resourceGroup}${d.subscriptionName ? `, ${d.subscriptionName}` : ''})`;
}
