/**
 * `nginxaas-keys list`: the keys of one deployment, or of every deployment with --all, with
 * their expiry. `--expiring-within N` exits 3 when a listed key expires within N days or has
 * expired, for cron and CI.
 */
import { canTakeKey } from '../../domain/readiness';
import { printable } from '../../domain/printable';
import { flag, text, type CommandValues } from '../shared/flags';
import { LIST_FLAGS } from './flags';
import type { Gateway } from '../../port/gateway';
import { EXIT, sayProgress, type Io } from '../../port/io';
import { UsageError } from '../../port/usage-error';
import type { CommandDeps } from '../shared/deps';
import { fleetSweep } from '../../keys/sweep';
import { ANSWERS_A_COLLECTION, holdMemoryDown, releaseMemoryEvery } from './release-memory';
import {
  blind,
  flagged,
  inListOrder,
  shown,
  streamListText,
  summarise,
  writeListJson,
  writeListText,
  type Listed,
  type ListStreamer,
} from './list-output';
import { parseTarget, resolveDeployment, type TargetOptions } from '../shared/target';
import { prometheusText } from './prometheus';

export interface ListOptions {
  /** One deployment, or every one the sign-in can see (narrowed by subscription and group). */
  scope: { all: false; target: TargetOptions } | { all: true; subscription?: string; resourceGroup?: string };
  expiringWithin?: number;
  json: boolean;
  prometheus: boolean;
}

export function parseListOptions(values: CommandValues<typeof LIST_FLAGS>): ListOptions {
  const within = text(values, 'expiring-within');
  if (within !== undefined && !/^\d{1,4}$/.test(within))
    throw new UsageError(`--expiring-within takes a whole number of days, not '${printable(within)}'`);
  const all = flag(values, 'all');
  if (all && text(values, 'deployment') !== undefined)
    throw new UsageError('use either --all or --deployment, not both');
  if (!all && text(values, 'deployment') === undefined)
    throw new UsageError('name a deployment with -d, or pass --all');
  const subscription = text(values, 'subscription');
  const resourceGroup = text(values, 'resource-group');
  const scope: ListOptions['scope'] = all
    ? {
        all: true,
        subscription,
        resourceGroup,
      }
    : { all: false, target: parseTarget(values) };
  return {
    scope,
    json: values.output === 'json',
    prometheus: values.output === 'prometheus',
    expiringWithin: within !== undefined ? Number(within) : undefined,
  };
}

/** Every deployment's keys: a fleet sweep, with a live count on a terminal and rows streamed to a pipe. */
async function listEverywhere(
  gateway: Gateway,
  scope: { subscription?: string; resourceGroup?: string },
  within: number | undefined,
  stream: boolean,
  io: Io,
): Promise<{ listed: Listed[]; streamer?: ListStreamer; unreadSubscriptions?: { subscriptionId: string }[] }> {
  const subscription = scope.subscription;
  const group = scope.resourceGroup;
  const progress = (line: string) => sayProgress(io, line);
  // The keys are read as the search finds deployments, not after it: Resource Graph answers
  // while the subscription list is still being paged through.
  // Full collections counted from the first answer read ahead: the heap's peak came before the
  // list was final.
  const sweep = fleetSweep(gateway, { signal: io.signal, onAnswer: releaseMemoryEvery(ANSWERS_A_COLLECTION) });
  const found = await gateway
    .discoverDeployments(
      // Never empty: parse checks the subscription (a GUID) and the group (1 to 90 characters).
      { subscriptions: subscription ? [subscription] : undefined, resourceGroup: group },
      { signal: io.signal, onProgress: progress, onFound: (deployments) => sweep.readAhead(deployments) },
    )
    .catch((error: unknown) => {
      sweep.stop();
      throw error;
    });
  for (const problem of found.problems)
    // With -o json the gateway gives Azure's own text: stderr may be a terminal all the same.
    io.stderr.write(
      `${io.err('warning', 'warning:')} ${printable(problem.subscriptionId)}: ${printable(problem.message)}\n`,
    );
  const states = new Map(found.searched.map((s) => [s.subscriptionId.toLowerCase(), s.state]));
  const deployments = inListOrder(found.deployments);
  const count = deployments.length;
  const live = liveCount(io, count);
  if (!live) progress(`Reading the keys of ${count} deployment${count === 1 ? '' : 's'}…`);
  const streamer = stream ? streamListText(deployments, within, io) : undefined;
  let done = 0;
  const swept = await sweep.settle(deployments, {
    onSwept: (index, swept) => {
      live?.(++done);
      streamer?.add(index, swept);
    },
    explain: (deployment, error) => {
      const state = states.get(deployment.subscriptionId.toLowerCase());
      return `${error.plain}${state && state !== 'Enabled' ? ` (subscription ${state})` : ''}`;
    },
  });
  live?.(-1);
  const listed = swept.map((l) => withReadiness(l, states.get(l.deployment.subscriptionId.toLowerCase())));
  return { listed, unreadSubscriptions: found.problems, streamer };
}

/** A deployment that cannot take a key now (failed, updating, its subscription disabled) says why. */
function withReadiness(l: Listed, subscriptionState?: string): Listed {
  const ready = canTakeKey({ ...l.deployment, subscriptionState });
  return ready.ok ? l : { ...l, cannotTakeKeys: ready.reason };
}

/** "Reading keys: 1,234 / 3,000 deployments", on the status line of a terminal's stderr; -1 clears it. */
function liveCount(io: Io, total: number): ((done: number) => void) | undefined {
  const status = io.status;
  if (!status?.draws) return undefined;
  const format = (n: number) => n.toLocaleString('en-US');
  let shownAt = 0;
  return (done) => {
    if (done < 0) return status.setBase(undefined);
    const now = Date.now();
    if (done !== total && now - shownAt < 100) return;
    shownAt = now;
    status.setBase(`Reading keys: ${format(done)} / ${format(total)} deployments`);
  };
}

export async function runList(options: ListOptions, deps: CommandDeps): Promise<number> {
  if (!options.scope.all) return listAndWrite(options, deps);
  // Held until the output is written too, which is the end of the run.
  const letGrow = holdMemoryDown();
  try {
    return await listAndWrite(options, deps);
  } finally {
    letGrow();
  }
}

async function listAndWrite(options: ListOptions, { gateway, io }: CommandDeps): Promise<number> {
  const within = options.expiringWithin;
  const scope = options.scope;
  const all = scope.all;
  // To a pipe or a file, --all's rows go out as they arrive; a terminal gets a table cut to fit.
  const streaming = all && !options.json && !options.prometheus && !(io.stdout as { isTTY?: boolean }).isTTY;
  const {
    listed,
    streamer,
    unreadSubscriptions = [],
  } = scope.all
    ? await listEverywhere(gateway, scope, within, streaming, io)
    : await resolveDeployment(gateway, scope.target, io.signal).then(async (deployment) => ({
        listed: [withReadiness({ deployment, keys: await gateway.listKeys(deployment, { signal: io.signal }) })],
        streamer: undefined,
        unreadSubscriptions: [],
      }));
  const now = io.now();
  const summary = summarise(listed, now, within, unreadSubscriptions.length);
  if (options.json) writeListJson(shown(listed, now, within), summary, within, io);
  else if (options.prometheus) io.stdout.write(prometheusText(shown(listed, now, within), unreadSubscriptions, now));
  else if (streamer) streamer.finish(listed, summary);
  else writeListText(shown(listed, now, within), summary, all, io);
  // Blind is worse than flagged: a cron check that read nothing must not pass, nor say "expiring".
  if (blind(summary)) return EXIT.failed;
  return within !== undefined && flagged(summary) ? EXIT.expiring : EXIT.ok;
}
