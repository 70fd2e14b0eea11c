/**
 * `nginxaas-keys history`: what this machine changed, newest first — each change's action, key,
 * deployment, outcome (with ARM's code when it failed), expiry before and after, hint and who the
 * run was. Filtered by -d, --key and --since; at most --limit entries. Reads the record only.
 */
import { checkKeyName } from '../../domain/key-name';
import { printable } from '../../domain/printable';
import { looksLikeResourceId, parseDeploymentId, sameId } from '../../domain/resource-id';
import { readEntries } from '../../files/history-file';
import type { HistoryEntry } from '../../port/history';
import { EXIT, type Io } from '../../port/io';
import { UsageError } from '../../port/usage-error';
import { text, type CommandValues } from '../shared/flags';
import type { HISTORY_FLAGS } from './flags';

export interface HistoryOptions {
  deployment?: string;
  key?: string;
  since?: Date;
  limit: number;
  json: boolean;
}

const DEFAULT_LIMIT = 50;
const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** 12h, 7d, 2w back from now; a date (midnight UTC); an RFC 3339 time. */
export function parseSince(given: string, now: Date): Date {
  const relative = /^(\d{1,5})(m|h|d|w)$/.exec(given);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * (UNITS[relative[2] ?? 'd'] ?? 0));
  const date = /^\d{4}-\d{2}-\d{2}$/.test(given) ? new Date(`${given}T00:00:00Z`) : undefined;
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(given)
    ? new Date(given)
    : undefined;
  const read = date ?? time;
  if (read === undefined || Number.isNaN(read.getTime()))
    throw new UsageError(
      `--since takes 12h, 7d, 2w, a date such as 2026-05-01 or an RFC 3339 time; not '${printable(given)}'`,
    );
  return read;
}

export function parseHistoryOptions(values: CommandValues<typeof HISTORY_FLAGS>, now: Date): HistoryOptions {
  const deployment = text(values, 'deployment');
  if (deployment !== undefined) {
    const check = looksLikeResourceId(deployment)
      ? parseDeploymentId(deployment) && !parseDeploymentId(deployment)?.apiKeyName
        ? ({ ok: true } as const)
        : ({
            ok: false,
            problem: `'${printable(deployment)}' is not the resource id of an NGINXaaS deployment`,
          } as const)
      : checkKeyName(deployment, 'deployment name');
    if (!check.ok) throw new UsageError(check.problem);
  }
  const key = text(values, 'key');
  if (key !== undefined) {
    const check = checkKeyName(key);
    if (!check.ok) throw new UsageError(`--key: ${check.problem}`);
  }
  const since = text(values, 'since');
  const limit = text(values, 'limit');
  if (limit !== undefined && (!/^\d{1,6}$/.test(limit) || Number(limit) === 0))
    throw new UsageError(`--limit takes a whole number of entries, 1 or more; not '${printable(limit)}'`);
  return {
    deployment,
    key,
    since: since !== undefined ? parseSince(since, now) : undefined,
    limit: limit !== undefined ? Number(limit) : DEFAULT_LIMIT,
    json: values.output === 'json',
  };
}

const nameOf = (id: string) => id.split('/').pop() ?? id;

function matches(entry: HistoryEntry, options: HistoryOptions): boolean {
  if (options.key !== undefined && entry.key.toLowerCase() !== options.key.toLowerCase()) return false;
  if (options.since !== undefined && new Date(entry.time).getTime() < options.since.getTime()) return false;
  const deployment = options.deployment;
  if (deployment !== undefined) {
    const same = looksLikeResourceId(deployment)
      ? sameId(entry.deployment, deployment)
      : nameOf(entry.deployment).toLowerCase() === deployment.toLowerCase();
    if (!same) return false;
  }
  return true;
}

/** The entries of `path` that the options ask for, newest first. */
export function historyEntries(path: string, options: Omit<HistoryOptions, 'json'>): HistoryEntry[] {
  return readEntries(path)
    .filter((e) => matches(e, { ...options, json: false }))
    .slice(0, options.limit);
}

const minute = (iso: string | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '?');
const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '—');

/** One line of an entry, for people: never wider than it needs, every text from the record escaped. */
export function historyLine(entry: HistoryEntry, io: Pick<Io, 'out'>): string {
  const outcome =
    entry.outcome === 'done'
      ? io.out('success', 'done')
      : entry.outcome === 'failed'
        ? io.out('danger', `failed${entry.code ? ` (${printable(entry.code)})` : ''}`)
        : io.out('warning', 'unknown');
  const expiry =
    entry.expiresBefore || entry.expiresAfter
      ? `expiry ${day(entry.expiresBefore)} → ${day(entry.expiresAfter)}`
      : undefined;
  const parts = [
    `${minute(entry.time)} UTC`,
    entry.action.padEnd(14),
    `${printable(entry.key)} on ${printable(nameOf(entry.deployment))}`,
    outcome,
    ...(expiry ? [expiry] : []),
    ...(entry.hint ? [`hint ${printable(entry.hint)}`] : []),
    ...(entry.destination ? [`to ${printable(entry.destination)}`] : []),
    ...(entry.detail ? [`(${printable(entry.detail)})`] : []),
    ...(entry.account ? [`as ${printable(entry.account)}`] : []),
    ...(entry.profile ? [`profile ${printable(entry.profile)}`] : []),
  ];
  return parts.join('  ');
}

export function runHistory(path: string, options: HistoryOptions, io: Io): number {
  const entries = historyEntries(path, options);
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ path, entries }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (entries.length === 0) {
    io.stderr.write(
      `${io.err('muted', `nothing recorded${options.deployment || options.key || options.since ? ' that matches' : ''} in ${path}`)}\n`,
    );
    return EXIT.ok;
  }
  for (const entry of entries) io.stdout.write(`${historyLine(entry, io)}\n`);
  return EXIT.ok;
}
