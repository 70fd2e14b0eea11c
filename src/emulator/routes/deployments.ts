/** NGINXaaS deployments: list by subscription or group, get one; the casing variants real ARM returns. */
import type { EmulatedDeployment } from '../data';
import { ArmFailure, type Reply } from '../http';
import { NGINX_API_VERSIONS, nameViolation } from '../service-rules';
import type { World } from '../world';
import type { WireDeployment } from '../../wire/types';
import { fail, page, requireApiVersion, requireMethod, type ArmContext } from './common';
import { findSubscription } from './subscriptions';

export function deploymentPath(d: EmulatedDeployment): string {
  const provider = d.providerCasing ?? 'Nginx.NginxPlus';
  return `/subscriptions/${d.subscriptionId}/resourceGroups/${d.resourceGroup}/providers/${provider}/nginxDeployments/${d.name}`;
}

export function wireDeployment(ctx: { world: World; baseUrl: string }, d: EmulatedDeployment): WireDeployment {
  const upperCased = d.providerCasing === 'NGINX.NGINXPLUS';
  return {
    id: deploymentPath(d),
    name: d.name,
    // Real responses have carried the type in lower case; compare it without case.
    type: upperCased ? 'nginx.nginxplus/nginxdeployments' : 'Nginx.NginxPlus/nginxDeployments',
    location: d.location,
    sku: { name: d.sku },
    tags: {},
    properties: {
      provisioningState: d.provisioningState,
      nginxVersion: d.nginxVersion,
      dataplaneApiEndpoint: d.hasEndpoint ? `${ctx.baseUrl}/${ctx.world.endpointHost(d)}/` : null,
      ipAddress: d.provisioningState === 'Failed' ? null : '20.0.0.4',
    },
  };
}

export function listDeployments(ctx: ArmContext, [subscriptionId, group]: string[]): Reply {
  requireMethod(ctx, ['GET']);
  requireApiVersion(ctx, NGINX_API_VERSIONS, 'nginxDeployments');
  findSubscription(ctx, subscriptionId as string);
  if (group !== undefined && !ctx.world.hasResourceGroup(subscriptionId as string, group)) {
    throw new ArmFailure(404, 'ResourceGroupNotFound', `Resource group '${group}' could not be found.`);
  }
  return page(
    ctx,
    ctx.world.deployments(subscriptionId as string, group).map((d) => wireDeployment(ctx, d)),
  );
}

export function findDeployment(
  ctx: ArmContext,
  subscriptionId: string,
  group: string,
  name: string,
): EmulatedDeployment {
  const violation = nameViolation('deploymentName', name);
  if (violation) fail(violation);
  findSubscription(ctx, subscriptionId);
  if (!ctx.world.hasResourceGroup(subscriptionId, group)) {
    throw new ArmFailure(404, 'ResourceGroupNotFound', `Resource group '${group}' could not be found.`);
  }
  const deployment = ctx.world.deployment(subscriptionId, group, name);
  if (!deployment) {
    throw new ArmFailure(
      404,
      'ResourceNotFound',
      `The Resource 'Nginx.NginxPlus/nginxDeployments/${name}' under resource group '${group}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
  }
  return deployment;
}

export function getDeployment(ctx: ArmContext, [subscriptionId, group, name]: string[]): Reply {
  requireMethod(ctx, ['GET']);
  requireApiVersion(ctx, NGINX_API_VERSIONS, 'nginxDeployments');
  return {
    status: 200,
    body: wireDeployment(ctx, findDeployment(ctx, subscriptionId as string, group as string, name as string)),
  };
}
