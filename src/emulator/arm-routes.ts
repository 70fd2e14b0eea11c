/**
 * ARM routes of the emulator: the route table. Each resource's handlers live in ./routes —
 * subscriptions, NGINXaaS deployments and their API keys — as described in
 * shared/docs/nginxaas-api.md (201 new / 200 replaced, 200 / 204 deletes, hint = first 3
 * characters, paging through an absolute nextLink, ARM error envelopes).
 */
import { ArmFailure, type Reply } from './http';
import { listKeys, oneKey } from './routes/api-keys';
import { deploymentPermissions } from './routes/permissions';
import type { ArmContext } from './routes/common';
import { getDeployment, listDeployments } from './routes/deployments';
import { getSubscription, listSubscriptions } from './routes/subscriptions';

export type { ArmContext } from './routes/common';
export { deploymentPath, wireDeployment } from './routes/deployments';

const SEGMENT = '([^/]+)';
const PROVIDER = '/providers/nginx\\.nginxplus/nginxdeployments';
const ROUTES: { pattern: RegExp; handler: (ctx: ArmContext, params: string[]) => Reply }[] = [
  { pattern: /^\/subscriptions\/?$/i, handler: listSubscriptions },
  { pattern: new RegExp(`^/subscriptions/${SEGMENT}/?$`, 'i'), handler: getSubscription },
  { pattern: new RegExp(`^/subscriptions/${SEGMENT}${PROVIDER}/?$`, 'i'), handler: listDeployments },
  {
    pattern: new RegExp(`^/subscriptions/${SEGMENT}/resourcegroups/${SEGMENT}${PROVIDER}/?$`, 'i'),
    handler: listDeployments,
  },
  {
    pattern: new RegExp(`^/subscriptions/${SEGMENT}/resourcegroups/${SEGMENT}${PROVIDER}/${SEGMENT}/?$`, 'i'),
    handler: getDeployment,
  },
  {
    pattern: new RegExp(`^/subscriptions/${SEGMENT}/resourcegroups/${SEGMENT}${PROVIDER}/${SEGMENT}/apikeys/?$`, 'i'),
    handler: listKeys,
  },
  {
    pattern: new RegExp(
      `^/subscriptions/${SEGMENT}/resourcegroups/${SEGMENT}${PROVIDER}/${SEGMENT}/apikeys/${SEGMENT}/?$`,
      'i',
    ),
    handler: oneKey,
  },
  {
    pattern: new RegExp(
      `^/subscriptions/${SEGMENT}/resourcegroups/${SEGMENT}${PROVIDER}/${SEGMENT}/providers/microsoft\\.authorization/permissions/?$`,
      'i',
    ),
    handler: deploymentPermissions,
  },
];

export function routeArm(ctx: ArmContext): Reply {
  for (const route of ROUTES) {
    const match = route.pattern.exec(ctx.url.pathname);
    if (match)
      return route.handler(
        ctx,
        match.slice(1).map((p) => decodeURIComponent(p)),
      );
  }
  throw new ArmFailure(
    404,
    'InvalidResourceType',
    `The resource path '${ctx.url.pathname}' is not served by this emulator.`,
  );
}
