/**
 * Which deployment and key a command means. Parsing (`parseTarget`, `parseKeyName`) checks the
 * flags before any sign-in; `resolveDeployment` then finds the deployment: a full resource id, or
 * a name (with or without -g) in the named subscription, the Azure CLI's default one, or — when
 * neither says — the one deployment of that name among all the subscriptions the sign-in can see.
 */
import { printable } from '../../domain/printable';
import { text, type TargetValues, type Values } from './flags';
import { checkKeyName } from '../../domain/key-name';
import { looksLikeResourceId, parseDeploymentId, type DeploymentRef } from '../../domain/resource-id';
import { GatewayError, SEVERAL_SUBSCRIPTIONS, type ApiKey, type Deployment, type Gateway } from '../../port/gateway';
import { describeDeployment } from './format';
import { UsageError } from '../../port/usage-error';

export interface TargetOptions {
  /** A deployment name, or the parsed resource id. */
  deployment: string | DeploymentRef;
  resourceGroup?: string;
  subscription?: string;
}

export function parseTarget(values: TargetValues): TargetOptions {
  const given = text(values, 'deployment');
  if (given === undefined) throw new UsageError('--deployment (-d) <name or resource id> is required');
  const resourceGroup = text(values, 'resource-group');
  const subscription = text(values, 'subscription');
  if (looksLikeResourceId(given)) {
    const ref = parseDeploymentId(given);
    if (!ref || ref.apiKeyName)
      throw new UsageError(`'${printable(given)}' is not the resource id of an NGINXaaS deployment`);
    return {
      deployment: { subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, name: ref.name },
      resourceGroup,
      subscription,
    };
  }
  const check = checkKeyName(given, 'deployment name');
  if (!check.ok) throw new UsageError(check.problem);
  return { deployment: given, resourceGroup, subscription };
}

export function parseKeyName(values: Values<'name' | 'new-name'>, option: 'name' | 'new-name' = 'name'): string {
  const name = text(values, option);
  if (name === undefined) throw new UsageError(`--${option} <key-name> is required`);
  const check = checkKeyName(name, option === 'name' ? 'key name' : 'new key name');
  if (!check.ok) throw new UsageError(check.problem);
  return name;
}

export async function resolveDeployment(
  gateway: Gateway,
  target: TargetOptions,
  signal: AbortSignal,
): Promise<Deployment> {
  if (typeof target.deployment !== 'string') return gateway.getDeployment(target.deployment, { signal });
  const name = target.deployment;
  const group = target.resourceGroup;
  let subscriptionId = target.subscription;
  if (subscriptionId === undefined) {
    try {
      subscriptionId = await gateway.defaultSubscription({ signal });
    } catch (error) {
      // Several subscriptions and no default: find the deployment by name among all of them.
      if (!(error instanceof GatewayError) || error.code !== SEVERAL_SUBSCRIPTIONS) throw error;
    }
  }
  if (subscriptionId !== undefined && group !== undefined) {
    return gateway.getDeployment({ subscriptionId, resourceGroup: group, name }, { signal });
  }

  const found = await gateway.discoverDeployments(
    // Never empty: parse checks the group (1 to 90 characters), the subscription is a GUID or az's default.
    { subscriptions: subscriptionId ? [subscriptionId] : undefined, resourceGroup: group },
    { signal },
  );
  const matches = found.deployments.filter((d) => d.name.toLowerCase() === name.toLowerCase());
  if (matches.length === 1) return matches[0] as Deployment;
  const where = found.searched.map((s) => s.displayName || s.subscriptionId).join(', ') || 'no subscription';
  if (matches.length === 0) {
    throw new GatewayError(
      'notFound',
      `no NGINXaaS deployment named '${name}'${group ? ` in resource group '${group}'` : ''} (searched: ${where})`,
    );
  }
  const ids = matches.map((d) => d.id).join('\n  ');
  throw new UsageError(
    `more than one deployment is named '${name}'; pass -g and --subscription, or a resource id:\n  ${ids}`,
  );
}

/** The key a command acts on; a name that is not there is said as every command says it. */
export async function existingKey(
  gateway: Gateway,
  deployment: Deployment,
  name: string,
  signal: AbortSignal,
  purpose = '',
): Promise<ApiKey> {
  const key = await gateway.getKey(deployment, name, { signal });
  if (key) return key;
  throw new GatewayError(
    'notFound',
    `no key named '${name}' on ${describeDeployment(deployment)}${purpose}`,
    'ResourceNotFound',
    404,
  );
}
