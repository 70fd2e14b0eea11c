/**
 * ARM routes of the emulator: subscriptions, NGINXaaS deployments and their API keys, as
 * described in shared/docs/nginxaas-api.md (201 new / 200 replaced, 200 / 204 deletes, hint =
 * first 3 characters, paging through an absolute nextLink, ARM error envelopes).
 */
import type { EmulatedDeployment, EmulatedKey } from './data';
import { ArmFailure, type Reply } from './http';
import {
  NGINX_API_VERSIONS,
  SUBSCRIPTION_API_VERSIONS,
  defaultEndDate,
  endDateViolation,
  nameViolation,
  secretViolation,
  type RuleViolation,
} from './service-rules';
import type { World } from './world';
import type { PagedList, WireApiKey, WireApiKeyRequest, WireDeployment, WireSubscription } from '../wire/types';

export interface ArmContext {
  method: string;
  url: URL;
  body: unknown;
  world: World;
  baseUrl: string;
  pageSize: number;
  now: Date;
}

const SEGMENT = '([^/]+)';
const PROVIDER = '/providers/nginx\\.nginxplus/nginxdeployments';
const ROUTES: { pattern: RegExp; handler: (ctx: ArmContext, params: string[]) => Reply }[] = [
  { pattern: /^\/subscriptions\/?$/i, handler: listSubscriptions },
  { pattern: new RegExp(`^/subscriptions/${SEGMENT}/?$`, 'i'), handler: getSubscription },
  { pattern: new RegExp(`^/subscriptions/${SEGMENT}${PROVIDER}/?$`, 'i'), handler: listDeployments },
  { pattern: new RegExp(`^/subscriptions/${SEGMENT}/resourcegroups/${SEGMENT}${PROVIDER}/?$`, 'i'), handler: listDeployments },
  { pattern: new RegExp(`^/subscriptions/${SEGMENT}/resourcegroups/${SEGMENT}${PROVIDER}/${SEGMENT}/?$`, 'i'), handler: getDeployment },
  { pattern: new RegExp(`^/subscriptions/${SEGMENT}/resourcegroups/${SEGMENT}${PROVIDER}/${SEGMENT}/apikeys/?$`, 'i'), handler: listKeys },
  { pattern: new RegExp(`^/subscriptions/${SEGMENT}/resourcegroups/${SEGMENT}${PROVIDER}/${SEGMENT}/apikeys/${SEGMENT}/?$`, 'i'), handler: oneKey },
];

export function routeArm(ctx: ArmContext): Reply {
  for (const route of ROUTES) {
    const match = route.pattern.exec(ctx.url.pathname);
    if (match) return route.handler(ctx, match.slice(1).map((p) => decodeURIComponent(p)));
  }
  throw new ArmFailure(404, 'InvalidResourceType', `The resource path '${ctx.url.pathname}' is not served by this emulator.`);
}

function requireApiVersion(ctx: ArmContext, supported: string[], type: string): void {
  const version = ctx.url.searchParams.get('api-version');
  if (!version) {
    throw new ArmFailure(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
  }
  if (!supported.includes(version)) {
    throw new ArmFailure(
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for location 'global' and API version '${version}' for type '${type}'. The supported api-versions are '${supported.join(', ')}'.`,
    );
  }
}

function requireMethod(ctx: ArmContext, allowed: string[]): void {
  if (!allowed.includes(ctx.method)) {
    throw new ArmFailure(405, 'MethodNotAllowed', `The method '${ctx.method}' is not allowed on this resource.`);
  }
}

function fail(violation: RuleViolation): never {
  throw new ArmFailure(violation.status, violation.code, violation.message, violation.target);
}

/** One page of `items`, with an absolute nextLink that keeps api-version. */
function page<T>(ctx: ArmContext, items: T[]): Reply {
  const start = Number(ctx.url.searchParams.get('$skipToken') ?? '0') || 0;
  const slice = items.slice(start, start + ctx.pageSize);
  const body: PagedList<T> = { value: slice };
  if (start + ctx.pageSize < items.length) {
    const next = new URL(ctx.url.pathname, ctx.baseUrl);
    next.searchParams.set('api-version', ctx.url.searchParams.get('api-version') ?? '');
    next.searchParams.set('$skipToken', String(start + ctx.pageSize));
    body.nextLink = next.toString();
  }
  return { status: 200, body };
}

function wireSubscription(s: ReturnType<World['subscriptions']>[number]): WireSubscription {
  return { id: `/subscriptions/${s.subscriptionId}`, subscriptionId: s.subscriptionId, displayName: s.displayName, state: s.state, tenantId: s.tenantId };
}

function listSubscriptions(ctx: ArmContext): Reply {
  requireMethod(ctx, ['GET']);
  requireApiVersion(ctx, SUBSCRIPTION_API_VERSIONS, 'subscriptions');
  return page(ctx, ctx.world.subscriptions().map(wireSubscription));
}

function findSubscription(ctx: ArmContext, id: string) {
  const subscription = ctx.world.subscription(id);
  if (!subscription) throw new ArmFailure(404, 'SubscriptionNotFound', `The subscription '${id}' could not be found.`);
  return subscription;
}

function getSubscription(ctx: ArmContext, [id]: string[]): Reply {
  requireMethod(ctx, ['GET']);
  requireApiVersion(ctx, SUBSCRIPTION_API_VERSIONS, 'subscriptions');
  return { status: 200, body: wireSubscription(findSubscription(ctx, id as string)) };
}

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

function listDeployments(ctx: ArmContext, [subscriptionId, group]: string[]): Reply {
  requireMethod(ctx, ['GET']);
  requireApiVersion(ctx, NGINX_API_VERSIONS, 'nginxDeployments');
  findSubscription(ctx, subscriptionId as string);
  if (group !== undefined && !ctx.world.hasResourceGroup(subscriptionId as string, group)) {
    throw new ArmFailure(404, 'ResourceGroupNotFound', `Resource group '${group}' could not be found.`);
  }
  return page(ctx, ctx.world.deployments(subscriptionId as string, group).map((d) => wireDeployment(ctx, d)));
}

function findDeployment(ctx: ArmContext, subscriptionId: string, group: string, name: string): EmulatedDeployment {
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

function getDeployment(ctx: ArmContext, [subscriptionId, group, name]: string[]): Reply {
  requireMethod(ctx, ['GET']);
  requireApiVersion(ctx, NGINX_API_VERSIONS, 'nginxDeployments');
  return { status: 200, body: wireDeployment(ctx, findDeployment(ctx, subscriptionId as string, group as string, name as string)) };
}

function wireKey(d: EmulatedDeployment, key: EmulatedKey): WireApiKey {
  return {
    id: `${deploymentPath(d)}/apiKeys/${key.name}`,
    name: key.name,
    type: 'Nginx.NginxPlus/nginxDeployments/apiKeys',
    properties: { hint: key.secret.slice(0, 3), endDateTime: key.endDateTime },
  };
}

function listKeys(ctx: ArmContext, [subscriptionId, group, name]: string[]): Reply {
  requireMethod(ctx, ['GET']);
  requireApiVersion(ctx, NGINX_API_VERSIONS, 'nginxDeployments/apiKeys');
  const deployment = findDeployment(ctx, subscriptionId as string, group as string, name as string);
  return page(ctx, ctx.world.keys(deployment).map((k) => wireKey(deployment, k)));
}

function oneKey(ctx: ArmContext, [subscriptionId, group, name, keyName]: string[]): Reply {
  requireMethod(ctx, ['GET', 'PUT', 'DELETE']);
  requireApiVersion(ctx, NGINX_API_VERSIONS, 'nginxDeployments/apiKeys');
  const deployment = findDeployment(ctx, subscriptionId as string, group as string, name as string);
  const violation = nameViolation('apiKeyName', keyName as string);
  if (violation) fail(violation);
  const existing = ctx.world.key(deployment, keyName as string);

  if (ctx.method === 'GET') {
    if (!existing) throw missingKey(deployment, keyName as string);
    return { status: 200, body: wireKey(deployment, existing) };
  }

  requireWritable(ctx, deployment);
  if (ctx.method === 'DELETE') {
    return { status: ctx.world.deleteKey(deployment, keyName as string) ? 200 : 204 };
  }
  return putKey(ctx, deployment, keyName as string, existing);
}

function missingKey(d: EmulatedDeployment, keyName: string): ArmFailure {
  return new ArmFailure(
    404,
    'ResourceNotFound',
    `The Resource 'Nginx.NginxPlus/nginxDeployments/${d.name}/apiKeys/${keyName}' under resource group '${d.resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

function requireWritable(ctx: ArmContext, d: EmulatedDeployment): void {
  const subscription = ctx.world.subscription(d.subscriptionId);
  if (subscription && (subscription.state === 'Disabled' || subscription.state === 'Deleted')) {
    throw new ArmFailure(
      409,
      'ReadOnlyDisabledSubscription',
      `The subscription '${d.subscriptionId}' is disabled and therefore marked as read only. You cannot perform any write actions on this subscription until it is re-enabled.`,
    );
  }
  // Our choice: the real behaviour for a deployment that is not Succeeded is not published.
  if (d.provisioningState !== 'Succeeded') {
    throw new ArmFailure(409, 'Conflict', `The deployment '${d.name}' is in state '${d.provisioningState}' and cannot take API key changes now.`);
  }
}

function putKey(ctx: ArmContext, d: EmulatedDeployment, keyName: string, existing: EmulatedKey | undefined): Reply {
  const request = (ctx.body ?? {}) as WireApiKeyRequest;
  const secret = request.properties?.secretText;
  const end = request.properties?.endDateTime;
  if (secret !== undefined && typeof secret !== 'string') {
    throw new ArmFailure(400, 'InvalidRequestContent', 'properties.secretText must be a string.', 'properties.secretText');
  }
  // Our choice where the service is silent: a PUT without secretText keeps an existing key's secret.
  const newSecret = secret ?? existing?.secret;
  if (newSecret === undefined) {
    throw new ArmFailure(400, 'InvalidApiKeySecret', 'properties.secretText is required to create an API key.', 'properties.secretText');
  }
  if (secret !== undefined) {
    const weak = secretViolation(secret);
    if (weak) fail(weak);
  }
  let endDateTime: string;
  if (end === undefined) {
    endDateTime = defaultEndDate(ctx.now).toISOString();
  } else {
    const bad = endDateViolation(String(end), ctx.now);
    if (bad) fail(bad);
    endDateTime = new Date(String(end)).toISOString();
  }
  const { key, created } = ctx.world.putKey(d, existing?.name ?? keyName, newSecret, endDateTime);
  return { status: created ? 201 : 200, body: wireKey(d, key) };
}
