/**
 * API keys of a deployment: list, get, PUT (201 new / 200 replaced, only the hint returned) and
 * DELETE (200, then 204), with the service's validation and its write refusals.
 */
import type { EmulatedDeployment, EmulatedKey } from '../data';
import { ArmFailure, type Reply } from '../http';
import { NGINX_API_VERSIONS, defaultEndDate, endDateViolation, nameViolation, secretViolation } from '../service-rules';
import type { WireApiKey, WireApiKeyRequest } from '../../wire/types';
import { fail, page, requireApiVersion, requireMethod, type ArmContext } from './common';
import { deploymentPath, findDeployment } from './deployments';
import { requirePermission } from './permissions';

function wireKey(d: EmulatedDeployment, key: EmulatedKey): WireApiKey {
  return {
    id: `${deploymentPath(d)}/apiKeys/${key.name}`,
    name: key.name,
    type: 'Nginx.NginxPlus/nginxDeployments/apiKeys',
    properties: { hint: key.secret.slice(0, 3), endDateTime: key.endDateTime },
  };
}

export function listKeys(ctx: ArmContext, [subscriptionId, group, name]: string[]): Reply {
  requireMethod(ctx, ['GET']);
  requireApiVersion(ctx, NGINX_API_VERSIONS, 'nginxDeployments/apiKeys');
  const deployment = findDeployment(ctx, subscriptionId as string, group as string, name as string);
  return page(
    ctx,
    ctx.world.keys(deployment).map((k) => wireKey(deployment, k)),
  );
}

export function oneKey(ctx: ArmContext, [subscriptionId, group, name, keyName]: string[]): Reply {
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
  requirePermission(
    ctx,
    deployment,
    `Nginx.NginxPlus/nginxDeployments/apiKeys/${ctx.method === 'DELETE' ? 'delete' : 'write'}`,
  );
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
    throw new ArmFailure(
      409,
      'Conflict',
      `The deployment '${d.name}' is in state '${d.provisioningState}' and cannot take API key changes now.`,
    );
  }
}

function putKey(ctx: ArmContext, d: EmulatedDeployment, keyName: string, existing: EmulatedKey | undefined): Reply {
  const request = (ctx.body ?? {}) as WireApiKeyRequest;
  const secret = request.properties?.secretText;
  const end = request.properties?.endDateTime;
  if (secret !== undefined && typeof secret !== 'string') {
    throw new ArmFailure(
      400,
      'InvalidRequestContent',
      'properties.secretText must be a string.',
      'properties.secretText',
    );
  }
  // Our choice where the service is silent: a PUT without secretText keeps an existing key's
  // secret (as `az … api-key update` expects), unless the test of a refusal asks otherwise.
  const keeps = ctx.behaviour?.secretlessPut !== 'refuse';
  const newSecret = secret ?? (keeps ? existing?.secret : undefined);
  if (newSecret === undefined) {
    throw new ArmFailure(
      400,
      'InvalidApiKeySecret',
      existing
        ? 'properties.secretText is required: an API key is written whole.'
        : 'properties.secretText is required to create an API key.',
      'properties.secretText',
    );
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
  // ARM's conditional create, decided where the write is (under the state file's lock).
  const onlyIfAbsent = ctx.ifNoneMatch?.trim() === '*';
  const written = ctx.world.putKey(d, existing?.name ?? keyName, newSecret, endDateTime, { onlyIfAbsent });
  if (!written) {
    throw new ArmFailure(
      412,
      'PreconditionFailed',
      `The API key '${keyName}' already exists, and the request's If-None-Match header asked not to replace it.`,
    );
  }
  return { status: written.created ? 201 : 200, body: wireKey(d, written.key) };
}
