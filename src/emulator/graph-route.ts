/**
 * Azure Resource Graph, as far as the program uses it: the one query for NGINXaaS deployments
 * across subscriptions, paged with $skipToken (1000 rows at most per page, as the real one).
 */
import { ArmFailure, type Reply } from './http';
import { GRAPH_API_VERSIONS } from './service-rules';
import type { ResourceGraphDeploymentRow, ResourceGraphRequest, ResourceGraphResponse } from '../wire/types';
import { deploymentPath, type ArmContext } from './arm-routes';

export type GraphContext = Omit<ArmContext, 'now'>;

export function routeGraph(ctx: GraphContext): Reply {
  if (ctx.method !== 'POST') throw new ArmFailure(405, 'MethodNotAllowed', 'Resource Graph queries are POST requests.');
  const version = ctx.url.searchParams.get('api-version');
  if (!version || !GRAPH_API_VERSIONS.includes(version)) {
    throw new ArmFailure(
      400,
      version ? 'NoRegisteredProviderFound' : 'MissingApiVersionParameter',
      `Unsupported api-version '${version ?? ''}' for Microsoft.ResourceGraph/resources.`,
    );
  }
  const request = ctx.body as ResourceGraphRequest | undefined;
  if (!request || typeof request.query !== 'string') {
    throw new ArmFailure(400, 'BadRequest', 'The request must carry a query.');
  }
  if (!/type\s*=~\s*'nginx\.nginxplus\/nginxdeployments'/i.test(request.query)) {
    throw new ArmFailure(
      400,
      'BadRequest',
      "This emulator answers only the query for type =~ 'nginx.nginxplus/nginxdeployments'.",
    );
  }
  const wanted = new Set((request.subscriptions ?? []).map((s) => s.toLowerCase()));
  const rows: ResourceGraphDeploymentRow[] = ctx.world
    .subscriptions()
    .filter((s) => wanted.size === 0 || wanted.has(s.subscriptionId.toLowerCase()))
    .flatMap((s) => ctx.world.deployments(s.subscriptionId))
    .map((d) => ({
      id: deploymentPath(d),
      name: d.name,
      subscriptionId: d.subscriptionId,
      resourceGroup: d.resourceGroup.toLowerCase(),
      location: d.location,
      sku: d.sku,
      provisioningState: d.provisioningState,
      dataplaneApiEndpoint: d.hasEndpoint ? `${ctx.baseUrl}/${ctx.world.endpointHost(d)}/` : '',
    }));

  const top = Math.min(Math.max(Number(request.options?.$top ?? 1000) || 1000, 1), 1000, ctx.pageSize);
  const start = Number(request.options?.$skipToken ?? request.options?.$skip ?? 0) || 0;
  const data = rows.slice(start, start + top);
  const response: ResourceGraphResponse<ResourceGraphDeploymentRow> = {
    totalRecords: rows.length,
    count: data.length,
    resultTruncated: 'false',
    data,
    facets: [],
    $skipToken: start + top < rows.length ? String(start + top) : undefined,
  };
  return { status: 200, body: response };
}
