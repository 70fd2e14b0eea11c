/**
 * Finding NGINXaaS deployments: the subscriptions a credential can see, one Resource Graph query
 * across them (in batches under 300 subscriptions, following $skipToken), and per-subscription
 * listing with bounded concurrency when Resource Graph is unavailable or forbidden.
 */
import type { ArmClient } from './arm-client';
import { collect } from './paging';
import { mapBounded } from '../bounded';
import type { NginxDeployment, NginxManagementClient } from './nginx-client';
import {
  RESOURCE_GRAPH_API_VERSION,
  SUBSCRIPTIONS_API_VERSION,
  type ResourceGraphDeploymentRow,
  type ResourceGraphRequest,
  type ResourceGraphResponse,
  type WireSubscription,
} from '../wire/types';
import type { Subscription } from '../gateway';

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
  const toSubscription = (s: WireSubscription): Subscription => ({ subscriptionId: s.subscriptionId, displayName: s.displayName, state: s.state });
  return collect(arm.listPaged('/subscriptions', { 'api-version': SUBSCRIPTIONS_API_VERSION }, toSubscription, signal));
}

export async function queryResourceGraph(arm: ArmClient, subscriptionIds: string[], signal?: AbortSignal): Promise<ResourceGraphDeploymentRow[]> {
  const rows: ResourceGraphDeploymentRow[] = [];
  for (let start = 0; start < subscriptionIds.length; start += GRAPH_BATCH) {
    const batch = subscriptionIds.slice(start, start + GRAPH_BATCH);
    let skipToken: string | undefined;
    do {
      const body: ResourceGraphRequest = {
        subscriptions: batch,
        query: DEPLOYMENTS_QUERY,
        options: { resultFormat: 'objectArray', ...(skipToken ? { $skipToken: skipToken } : {}) },
      };
      const answer = await arm.call<ResourceGraphResponse<ResourceGraphDeploymentRow>>('POST', '/providers/Microsoft.ResourceGraph/resources', [200], {
        query: { 'api-version': RESOURCE_GRAPH_API_VERSION },
        body,
        abortSignal: signal,
      });
      rows.push(...(answer.body.data ?? []));
      skipToken = answer.body.$skipToken || undefined;
    } while (skipToken);
  }
  return rows;
}

export type ListingOutcome = { subscriptionId: string; deployments: NginxDeployment[] } | { subscriptionId: string; error: unknown };

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
      const iterator = resourceGroup === undefined ? client.deployments.list(options) : client.deployments.listByResourceGroup(resourceGroup, options);
      return { subscriptionId, deployments: await collect(iterator) };
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      return { subscriptionId, error };
    }
  });
}
