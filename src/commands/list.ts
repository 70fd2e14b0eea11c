/**
 * `nginxaas-keys list`: the keys of one deployment, or of every deployment with --all, with
 * their expiry. `--expiring-within N` exits 3 when a listed key expires within N days or has
 * expired, for cron and CI.
 */
import { printable } from '../domain/printable';
import { flag, text, type Values } from '../cli-options';
import { GatewayError, type Gateway } from '../gateway';
import { EXIT, type Io } from '../io';
import { UsageError } from '../usage-error';
import type { CommandDeps } from './deps';
import { mapBounded } from '../bounded';
import { shown, summarise, writeListJson, writeListText, type Listed } from './list-output';
import { parseTarget, resolveDeployment, type TargetOptions } from './target';

const KEY_LISTING_CONCURRENCY = 4;

export interface ListOptions {
  /** One deployment, or every one the sign-in can see (narrowed by subscription and group). */
  scope: { all: false; target: TargetOptions } | { all: true; subscription?: string; resourceGroup?: string };
  expiringWithin?: number;
  json: boolean;
}

export function parseListOptions(values: Values): ListOptions {
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
        ...(subscription !== undefined ? { subscription } : {}),
        ...(resourceGroup !== undefined ? { resourceGroup } : {}),
      }
    : { all: false, target: parseTarget(values) };
  return { scope, json: values.output === 'json', ...(within !== undefined ? { expiringWithin: Number(within) } : {}) };
}

async function listEverywhere(
  gateway: Gateway,
  scope: { subscription?: string; resourceGroup?: string },
  io: Io,
): Promise<Listed[]> {
  const subscription = scope.subscription;
  const group = scope.resourceGroup;
  const progress = (line: string) => {
    io.stderr.write(`${io.err('muted', line)}\n`);
  };
  const found = await gateway.discoverDeployments(
    { ...(subscription ? { subscriptions: [subscription] } : {}), ...(group ? { resourceGroup: group } : {}) },
    { signal: io.signal, onProgress: progress },
  );
  for (const problem of found.problems)
    io.stderr.write(`${io.err('warning', 'warning:')} ${problem.subscriptionId}: ${problem.message}\n`);
  const states = new Map(found.searched.map((s) => [s.subscriptionId.toLowerCase(), s.state]));
  const count = found.deployments.length;
  progress(`Reading the keys of ${count} deployment${count === 1 ? '' : 's'}…`);
  return mapBounded(found.deployments, KEY_LISTING_CONCURRENCY, async (deployment): Promise<Listed> => {
    try {
      return { deployment, keys: await gateway.listKeys(deployment, { signal: io.signal }) };
    } catch (error) {
      if (!(error instanceof GatewayError) || error.kind === 'cancelled') throw error;
      const state = states.get(deployment.subscriptionId.toLowerCase());
      return {
        deployment,
        keys: [],
        problem: `${error.plain}${state && state !== 'Enabled' ? ` (subscription ${state})` : ''}`,
      };
    }
  });
}

export async function runList(options: ListOptions, { gateway, io }: CommandDeps): Promise<number> {
  const within = options.expiringWithin;
  const scope = options.scope;
  const all = scope.all;
  const listed: Listed[] = scope.all
    ? await listEverywhere(gateway, scope, io)
    : await resolveDeployment(gateway, scope.target, io.signal).then(async (deployment) => [
        { deployment, keys: await gateway.listKeys(deployment, { signal: io.signal }) },
      ]);
  const now = io.now();
  const summary = summarise(listed, now, within);
  const visible = shown(listed, now, within);
  if (options.json) writeListJson(visible, summary, within, io);
  else writeListText(visible, summary, all, io);
  return within !== undefined && summary.expiring + summary.expired > 0 ? EXIT.expiring : EXIT.ok;
}
