/**
 * `list` on a terminal, designed for 80 columns: a key's name is always whole. With --all each
 * deployment has a line of its own (its group, subscription and region, cut from the end where
 * the terminal is narrow) and its keys under it, indented; a deployment that cannot take keys
 * says why. The key columns narrow by giving up the local time, then the time of day, then the
 * words of "in 20 days", then the hint, then the date; STATUS never wraps.
 */
import type { ApiKey } from '../../port/gateway';
import type { Io } from '../../port/io';
import { figures } from '../../term/style';
import stringWidth from '../../term/display-width';
import { cut } from '../../term/text-width';
import {
  expiryDay,
  expiryRelative,
  expiryInUtc,
  expiryShort,
  expiryText,
  fittedTable,
  statusWord,
  type FitStep,
} from '../shared/format';
import type { Listed } from './list-output';

const INDENT = '  ';

/** The keys as a table of NAME, HINT, EXPIRES and STATUS, as narrow as `width` needs. */
export function keyTable(keys: ApiKey[], width: number | undefined, io: Io, indent = ''): string {
  const now = io.now();
  const rows = keys.map((k) => [k.name, k.hint, expiryText(k.endDateTime, now), statusWord(k, now, io.out)]);
  const shorter = (form: (end: Date, now: Date) => string): FitStep => ({
    shorten: 2,
    cells: keys.map((k) => form(k.endDateTime, now)),
  });
  // A name is never cut (at most 30 characters): the hint and then the date give way before it.
  const steps = [shorter(expiryInUtc), shorter(expiryDay), shorter(expiryShort), { drop: 1 }, shorter(expiryRelative)];
  const room = width === undefined ? undefined : width - indent.length;
  return fittedTable(['NAME', 'HINT', 'EXPIRES', 'STATUS'], rows, io.out, room, steps)
    .split('\n')
    .map((line) => `${indent}${line}`)
    .join('\n');
}

/** Each deployment, then its keys; the table's columns are the same for all of them. */
export function writeGroupedList(listed: Listed[], width: number | undefined, io: Io): void {
  const keys = listed.flatMap((l) => l.keys);
  const [header, ...rows] = keys.length > 0 ? keyTable(keys, width, io, INDENT).split('\n') : [];
  if (header) io.stdout.write(`${header}\n`);
  let next = 0;
  for (const l of listed) {
    const d = l.deployment;
    const where = [d.resourceGroup, d.subscriptionName ?? d.subscriptionId, d.location].join(' · ');
    io.stdout.write(`${deploymentLine(d.name, where, width, io)}\n`);
    for (const _ of l.keys) io.stdout.write(`${rows[next++] ?? ''}\n`);
    const notes = [
      l.cannotTakeKeys ? `${io.out('danger', figures.fail)} cannot take keys: ${l.cannotTakeKeys}` : '',
      l.problem ? `${io.out('warning', '?')} its keys could not be read` : '',
      l.keys.length === 0 && !l.problem && !l.cannotTakeKeys ? io.out('muted', 'no keys to show') : '',
    ].filter(Boolean);
    for (const note of notes) io.stdout.write(`${INDENT}${note}\n`);
  }
}

/** The deployment's name whole, then where it lives, cut from the end to fit. */
function deploymentLine(name: string, where: string, width: number | undefined, io: Io): string {
  const room = width === undefined ? Infinity : width - stringWidth(name) - 2;
  if (room < 4) return name;
  return `${name}  ${io.out('muted', stringWidth(where) > room ? cut(where, room) : where)}`;
}
