/**
 * Finding NGINXaaS deployments: the subscriptions a credential can see, one Resource Graph query
 * across them (in batches under 300 subscriptions, following $skipToken), and per-subscription
 * listing with bounded concurrency when Resource Graph is unavailable or forbidden.
 */
import type { ArmClient } from './arm-client';
import { graphRowShape, pageShape, subscriptionShape } from './answer-shapes';
import { collect, PageGuard } from './paging';
import { mapBounded } from './bounded';
import type { NginxDeployment, NginxManagementClient } from './nginx-client';
import {
  RESOURCE_GRAPH_API_VERSION,
  SUBSCRIPTIONS_API_VERSION,
  type ResourceGraphDeploymentRow,
  type ResourceGraphRequest,
  type ResourceGraphResponse,
  type WireSubscription,
} from '../wire/types';
import {
  GatewayError,
  SEVERAL_SUBSCRIPTIONS,
  type Deployment,
  type Discovery,
  type Subscription,
} from '../port/gateway';
import { toGatewayError } from './errors';
import { byName, fromGraph, fromWire } from './mappers';

export const GRAPH_BATCH = 200;
export const LISTING_CONCURRENCY = 4;

export const DEPLOYMENTS_QUERY = [
  'resources',
  "| where type =~ 'nginx.nginxplus/nginxdeployments'",
  '| project id, name, subscriptionId, resourceGroup, location, sku = tostring(sku.name),',
  '  provisioningState = tostring(properties.provisioningState),',
  '  dataplaneApiEndpoint = tostring(properties.dataplaneApiEndpoint)',
  '| order by name asc',
].join('\n');

export async function listSubscriptions(arm: ArmClient, signal?: AbortSignal): Promise<Subscription[]> {
  const toSubscription = (s: WireSubscription): Subscription => ({
    subscriptionId: s.subscriptionId,
    displayName: s.displayName,
    state: s.state,
  });
  return collect(
    arm.listPaged(
      '/subscriptions',
      { 'api-version': SUBSCRIPTIONS_API_VERSION },
      toSubscription,
      signal,
      subscriptionShape,
    ),
  );
}

/**
 * The deployments Resource Graph knows of, in batches of subscriptions; with no list at all, in
 * every subscription the sign-in can read (what the wizard asks first, beside the subscription
 * list, so that both take one round trip together).
 */
export async function queryResourceGraph(
  arm: ArmClient,
  subscriptionIds: string[] | undefined,
  signal?: AbortSignal,
  onFound?: (deployments: Deployment[]) => void,
): Promise<ResourceGraphDeploymentRow[]> {
  const rows: ResourceGraphDeploymentRow[] = [];
  const batches: (string[] | undefined)[] = [];
  if (subscriptionIds === undefined) batches.push(undefined);
  else
    for (let start = 0; start < subscriptionIds.length; start += GRAPH_BATCH)
      batches.push(subscriptionIds.slice(start, start + GRAPH_BATCH));
  for (const batch of batches) {
    let skipToken: string | undefined;
    const guard = new PageGuard('Resource Graph');
    do {
      const body: ResourceGraphRequest = {
        subscriptions: batch,
        query: DEPLOYMENTS_QUERY,
        options: { resultFormat: 'objectArray', $skipToken: skipToken },
      };
      const answer = await arm.call<ResourceGraphResponse<ResourceGraphDeploymentRow>>(
        'POST',
        '/providers/Microsoft.ResourceGraph/resources',
        [200],
        {
          query: { 'api-version': RESOURCE_GRAPH_API_VERSION },
          body,
          abortSignal: signal,
          shape: pageShape(graphRowShape, 'data'),
        },
      );
      const data = answer.body.data;
      rows.push(...data);
      onFound?.(data.map(fromGraph));
      skipToken = answer.body.$skipToken || undefined;
      if (skipToken) guard.next(skipToken, data.length);
    } while (skipToken);
  }
  return rows;
}

export type ListingOutcome =
  { subscriptionId: string; deployments: NginxDeployment[] } | { subscriptionId: string; error: unknown };

export async function listPerSubscription(
  clientFor: (subscriptionId: string) => NginxManagementClient,
  subscriptionIds: string[],
  resourceGroup: string | undefined,
  signal?: AbortSignal,
): Promise<ListingOutcome[]> {
  return mapBounded(subscriptionIds, LISTING_CONCURRENCY, async (subscriptionId): Promise<ListingOutcome> => {
    const client = clientFor(subscriptionId);
    const options = signal ? { abortSignal: signal } : {};
    try {
      const iterator =
        resourceGroup === undefined
          ? client.deployments.list(options)
          : client.deployments.listByResourceGroup(resourceGroup, options);
      return { subscriptionId, deployments: await collect(iterator) };
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      return { subscriptionId, error };
    }
  });
}

/** The subscriptions a search covers: those named (an unknown one as 'Unknown'), else all visible. */
export function subscriptionsSearched(visible: Subscription[], named: string[] | undefined): Subscription[] {
  if (!named) return visible;
  return named.map((given) => {
    const id = given.toLowerCase();
    return (
      visible.find((s) => s.subscriptionId.toLowerCase() === id) ?? {
        subscriptionId: id,
        displayName: id,
        state: 'Unknown',
      }
    );
  });
}

/** Each deployment with its subscription's display name, where that subscription is visible. */
export function withSubscriptionNames(deployments: Deployment[], visible: Subscription[]): Deployment[] {
  const names = new Map(visible.map((s) => [s.subscriptionId.toLowerCase(), s.displayName]));
  return deployments.map((d) => {
    const subscriptionName = names.get(d.subscriptionId.toLowerCase());
    return subscriptionName ? { ...d, subscriptionName } : d;
  });
}

export interface FindContext {
  arm: ArmClient;
  clientFor: (subscriptionId: string) => NginxManagementClient;
  /** A GET of one deployment, for a Resource Graph row that lacks its endpoint. */
  readDeployment: (d: Deployment, signal?: AbortSignal) => Promise<Deployment>;
  log?: (line: string) => void;
}

/**
 * The deployments in `ids`: one Resource Graph query when no group is named; listing each
 * subscription when a group is named, or when Resource Graph is forbidden or unavailable. Lists
 * come back sorted by name; subscriptions that could not be read are named in `problems`.
 */
export async function findDeployments(
  ctx: FindContext,
  ids: string[],
  resourceGroup: string | undefined,
  options: {
    signal?: AbortSignal;
    onProgress?: (message: string) => void;
    onFound?: (deployments: Deployment[]) => void;
    /** Rows of a query already sent for every readable subscription (undefined: ask now, by `ids`). */
    everywhere?: Promise<ResourceGraphDeploymentRow[]>;
  },
): Promise<Omit<Discovery, 'searched'>> {
  const plural = ids.length === 1 ? '' : 's';
  if (resourceGroup === undefined) {
    options.onProgress?.(`Finding NGINXaaS deployments in ${ids.length} subscription${plural} (Resource Graph)…`);
    try {
      const wanted = new Set(ids.map((id) => id.toLowerCase()));
      const rows = options.everywhere
        ? (await options.everywhere).filter((row) => wanted.has(row.subscriptionId.toLowerCase()))
        : await queryResourceGraph(ctx.arm, ids, options.signal, options.onFound);
      // Resource Graph may answer a row twice (across pages, say): each deployment is listed once.
      const unique = [...new Map(rows.map((row) => [row.id.toLowerCase(), row])).values()];
      const deployments = await mapBounded(unique.map(fromGraph), LISTING_CONCURRENCY, (d) =>
        withEndpoint(ctx, d, options.signal),
      );
      return { deployments: deployments.sort(byName), via: 'resource-graph', problems: [] };
    } catch (error) {
      const kind = toGatewayError(error).kind;
      if (kind === 'cancelled' || kind === 'unauthenticated' || kind === 'network') throw error;
      ctx.log?.(`Resource Graph unavailable (${toGatewayError(error).plain}); listing each subscription`);
    }
  }

  options.onProgress?.(`Listing NGINXaaS deployments in ${ids.length} subscription${plural}…`);
  const outcomes = await listPerSubscription(ctx.clientFor, ids, resourceGroup, options.signal);
  const deployments: Deployment[] = [];
  const problems: Discovery['problems'] = [];
  for (const outcome of outcomes) {
    if (!('error' in outcome)) {
      deployments.push(...outcome.deployments.map((d) => fromWire(d)));
      continue;
    }
    const failure = toGatewayError(outcome.error);
    // With -g across subscriptions, most of them simply have no such group.
    if (resourceGroup !== undefined && failure.code === 'ResourceGroupNotFound' && ids.length > 1) continue;
    problems.push({ subscriptionId: outcome.subscriptionId, message: failure.plain });
  }
  if (deployments.length === 0 && problems.length === ids.length && problems.length > 0) {
    throw toGatewayError(outcomes.map((o) => ('error' in o ? o.error : undefined)).find(Boolean));
  }
  return {
    deployments: deployments.sort(byName),
    via: resourceGroup === undefined ? 'per-subscription' : 'direct',
    problems,
  };
}

/** Resource Graph's snapshot may lack the endpoint of a ready deployment: ask ARM for those. */
async function withEndpoint(ctx: FindContext, d: Deployment, signal?: AbortSignal): Promise<Deployment> {
  if (d.dataplaneApiEndpoint || d.provisioningState !== 'Succeeded') return d;
  try {
    return { ...d, ...(await ctx.readDeployment(d, signal)) };
  } catch {
    return d;
  }
}

/** The subscription to use when none is named and the Azure CLI has no default: the only enabled one. */
export function onlySubscription(subscriptions: Subscription[]): string {
  const enabled = subscriptions.filter((s) => s.state === 'Enabled');
  if (enabled.length === 1) return (enabled[0] as Subscription).subscriptionId;
  if (subscriptions.length === 0) throw new GatewayError('notFound', 'this sign-in can see no subscriptions');
  const names = subscriptions.map((s) => `${s.subscriptionId} (${s.displayName}, ${s.state})`).join(', ');
  if (enabled.length === 0)
    throw new GatewayError(
      'notFound',
      `no enabled subscription is visible to this sign-in: ${names}; name one with --subscription to read it anyway`,
    );
  throw new GatewayError(
    'invalid',
    `more than one subscription is visible: name one with --subscription (${names})`,
    SEVERAL_SUBSCRIPTIONS,
  );
}
