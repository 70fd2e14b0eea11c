/**
 * How `list` shows what it read: a table (the subscription too with --all, cut to the terminal's
 * width, never wrapped), then a summary line of what expires; or one JSON document with a
 * `summary` object. The summary's window is --expiring-within's days, else 30.
 */
import { endsWithin } from '../../domain/expiry';
import { formatLocal } from '../../domain/expiry-words';
import { printable } from '../../domain/printable';
import { EXPIRING_SOON_DAYS, expiryCounts } from '../../domain/readiness';
import type { ApiKey, Deployment } from '../../port/gateway';
import type { Io } from '../../port/io';
import { figures } from '../../term/style';
import { keyOrder } from '../../domain/key-order';
import { naturalOrder } from '../../domain/natural-order';
import { padEnd, widest } from '../../term/text-width';
import { jsonInParts } from '../../term/json-in-parts';
import { deploymentJson, expiryText, keyJson, statusWord } from '../shared/format';
import { keyTable, writeGroupedList } from './list-grouped';

export interface Listed {
  deployment: Deployment;
  keys: ApiKey[];
  /** Its keys could not be read. */
  problem?: string;
  /** Why it cannot take a key now (a failed deployment, a disabled subscription); its keys are still read. */
  cannotTakeKeys?: string;
}

export interface Summary {
  keys: number;
  withinDays: number;
  expiring: number;
  expired: number;
  /** Keys whose expiry the service gave as no time at all: flagged, since they may end any day. */
  unknownExpiry: number;
  /** Deployments whose keys could not be read, and subscriptions that could not be searched. */
  unreadDeployments: number;
  unreadSubscriptions: number;
}

export function summarise(listed: Listed[], now: Date, within: number | undefined, unreadSubscriptions = 0): Summary {
  const withinDays = within ?? EXPIRING_SOON_DAYS;
  const all = listed.flatMap((l) => l.keys);
  const { keys, expiring, expired } = expiryCounts(all, now, withinDays);
  const unknownExpiry = all.filter((k) => Number.isNaN(k.endDateTime.getTime())).length;
  const unreadDeployments = listed.filter((l) => l.problem !== undefined).length;
  return { keys, withinDays, expiring, expired, unknownExpiry, unreadDeployments, unreadSubscriptions };
}

/** Some key expires in the window, has expired, or has an expiry that cannot be read. */
export function flagged(s: Summary): boolean {
  return s.expiring + s.expired + s.unknownExpiry > 0;
}

/** Something could not be read: a check that saw nothing is not "fine". */
export function blind(s: Summary): boolean {
  return s.unreadDeployments + s.unreadSubscriptions > 0;
}

export function summaryLine(s: Summary): string {
  const keys = `${s.keys} key${s.keys === 1 ? '' : 's'}`;
  const expiring =
    s.keys === 0
      ? 'no keys, so none expires'
      : s.expiring === 0
        ? `none of ${keys} expires`
        : `${s.expiring} of ${keys} expire${s.expiring === 1 ? 's' : ''}`;
  const expired = s.expired === 0 ? '' : `; ${s.expired} ha${s.expired === 1 ? 's' : 've'} expired`;
  const unknown = s.unknownExpiry === 0 ? '' : `; ${s.unknownExpiry} with an expiry that cannot be read`;
  const unread = [
    s.unreadDeployments > 0 ? `${s.unreadDeployments} deployment${s.unreadDeployments === 1 ? '' : 's'}` : '',
    s.unreadSubscriptions > 0 ? `${s.unreadSubscriptions} subscription${s.unreadSubscriptions === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  const blindWords =
    unread.length > 0 ? ` The keys of ${unread.join(' and ')} could not be read: this check is incomplete.` : '';
  return `${expiring[0]?.toUpperCase()}${expiring.slice(1)} within ${s.withinDays} days${expired}${unknown}.${blindWords}`;
}

/**
 * Deployments in natural order of name, each one's keys soonest expiry first (as the key console
 * lists them: domain/key-order.ts); with a window, only the keys inside it.
 */
export function shown(listed: Listed[], now: Date, within: number | undefined): Listed[] {
  const inWindow = (k: ApiKey) =>
    within === undefined ||
    Number.isNaN(k.endDateTime.getTime()) ||
    k.endDateTime.getTime() <= now.getTime() ||
    endsWithin(k.endDateTime, now, within);
  return [...listed]
    .sort(
      (a, b) =>
        naturalOrder(a.deployment.name, b.deployment.name) ||
        naturalOrder(a.deployment.resourceGroup, b.deployment.resourceGroup),
    )
    .map((l) => ({ ...l, keys: l.keys.filter(inWindow).sort(keyOrder) }));
}

export function writeListJson(listed: Listed[], summary: Summary, within: number | undefined, io: Io): void {
  const now = io.now();
  // Keys only with --expiring-within: their presence says the window was asked.
  const head = {
    ...(within !== undefined ? { expiringWithinDays: within, expiringFound: flagged(summary) } : {}),
    summary,
  };
  jsonInParts(
    head,
    'deployments',
    listed,
    (l) => ({
      deployment: deploymentJson(l.deployment),
      keys: l.keys.map((k) => ({ ...keyJson(k, now), ...(within !== undefined ? { flagged: true } : {}) })),
      problem: l.problem || (l.cannotTakeKeys ? `cannot take keys: ${l.cannotTakeKeys}` : undefined),
    }),
    (text) => io.stdout.write(text),
  );
}

/** `list -d`: one deployment's keys; `list --all` on a terminal: grouped by deployment (list-grouped.ts). */
export function writeListText(listed: Listed[], summary: Summary, all: boolean, io: Io): void {
  const width = io.stdout.isTTY ? io.stdout.columns : undefined;
  if (all) {
    writeGroupedList(listed, width, io);
    writeListEnding(
      listed,
      summary,
      all,
      listed.some((l) => l.keys.length > 0),
      io,
    );
    return;
  }
  const rows = listed.flatMap((l) => l.keys);
  if (rows.length > 0) io.stdout.write(`${keyTable(rows, width, io)}\n`);
  for (const l of listed.filter((x) => x.cannotTakeKeys))
    io.stdout.write(
      `${io.out('danger', figures.fail)} ${printable(l.deployment.name)} cannot take keys: ${l.cannotTakeKeys ?? ''}\n`,
    );
  writeListEnding(listed, summary, all, rows.length > 0, io);
}

/** After the rows: what there was none of, the keys that could not be read, and the summary line. */
function writeListEnding(listed: Listed[], summary: Summary, all: boolean, anyRows: boolean, io: Io): void {
  if (!anyRows) {
    const window = summary.keys > 0 ? ' in that window' : '';
    const none = !all
      ? `No keys on ${listed[0]?.deployment.name ?? 'that deployment'}${window}.`
      : listed.length === 0
        ? 'No NGINXaaS deployments found.'
        : `No keys${window} on any deployment.`;
    io.stdout.write(`${none}\n`);
  }
  for (const l of listed.filter((x) => x.problem)) {
    io.stderr.write(
      `${io.err('warning', 'warning:')} could not read the keys of ${printable(l.deployment.name)}: ${printable(l.problem ?? '')}\n`,
    );
  }
  const mark = blind(summary)
    ? `${io.out('danger', figures.fail)} `
    : flagged(summary)
      ? `${io.out('warning', figures.warning)} `
      : '';
  io.stdout.write(`${mark}${summaryLine(summary)}\n`);
}

/**
 * `list --all` in text to a pipe or a file (cron): rows are written as the keys arrive, in the
 * table's order — each deployment once every deployment before it is in — so a long sweep shows
 * its work and keeps nothing it has printed. Column widths come from the deployments, known
 * before any key; a key name longer than its column pushes only its own row.
 */
export interface ListStreamer {
  add(index: number, listed: Listed): void;
  finish(listed: Listed[], summary: Summary): void;
}

export function streamListText(sorted: Deployment[], within: number | undefined, io: Io): ListStreamer {
  const p = io.out;
  // Display widths: a subscription's name can be CJK, two columns a character.
  const names = sorted.map((d) => d.name);
  const groups = sorted.map((d) => d.resourceGroup);
  const subscriptions = sorted.map((d) => d.subscriptionName ?? d.subscriptionId);
  const widths = [
    widest(names, 10),
    widest(groups, 14),
    widest(subscriptions, 12),
    16,
    4,
    // "2026-11-07 02:21 UTC (expired 20 days ago)", or with the local time where the zone is not
    // UTC: "2026-11-07 02:21 UTC · 2026-11-07 07:51 GMT+5:30 (expired 20 days ago)".
    formatLocal(new Date(0)) === undefined ? 42 : 70,
  ];
  const cells = (values: string[]) =>
    values.map((value, i) => (i < widths.length ? padEnd(value, widths[i] ?? 0) : value)).join('  ');
  const waiting = new Map<number, Listed>();
  let next = 0;
  let printed = 0;
  io.stdout.write(`${cells(['DEPLOYMENT', 'RESOURCE GROUP', 'SUBSCRIPTION', 'NAME', 'HINT', 'EXPIRES', 'STATUS'])}\n`);
  return {
    add(index: number, listed: Listed): void {
      waiting.set(index, listed);
      for (let ready = waiting.get(next); ready; ready = waiting.get(next)) {
        waiting.delete(next++);
        const now = io.now();
        const [one] = shown([ready], now, within);
        for (const k of one?.keys ?? []) {
          const d = ready.deployment;
          io.stdout.write(
            `${cells([d.name, d.resourceGroup, d.subscriptionName ?? d.subscriptionId, k.name, k.hint, expiryText(k.endDateTime, now), statusWord(k, now, p)])}\n`,
          );
          printed++;
        }
      }
    },
    finish(listed: Listed[], summary: Summary): void {
      // A row is a key: a deployment that cannot take one says why on stderr, where pipes leave it.
      for (const l of listed.filter((x) => x.cannotTakeKeys))
        io.stderr.write(`note: ${printable(l.deployment.name)} cannot take keys: ${l.cannotTakeKeys ?? ''}\n`);
      writeListEnding(listed, summary, true, printed > 0, io);
    },
  };
}

/** Deployments in the order `list` prints them: natural order of name, then resource group. */
export function inListOrder(deployments: Deployment[]): Deployment[] {
  return [...deployments].sort(
    (a, b) => naturalOrder(a.name, b.name) || naturalOrder(a.resourceGroup, b.resourceGroup),
  );
}
