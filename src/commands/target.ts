/**
 * Which deployment a command means: a full resource id, or a name (with or without -g), in the
 * named subscription, the Azure CLI's default one, or — when neither says — the one deployment
 * of that name among all the subscriptions the sign-in can see.
 */
import { UsageError, type Values } from '../cli-options';
import { checkKeyName } from '../domain/key-name';
import { looksLikeResourceId, parseDeploymentId } from '../domain/resource-id';
import { GatewayError, type Deployment, type Gateway } from '../gateway';

export function stringOption(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requireKeyName(values: Values): string {
  const name = stringOption(values, 'name');
  if (name === undefined) throw new UsageError('--name <key-name> is required');
  const check = checkKeyName(name);
  if (!check.ok) throw new UsageError(check.problem);
  return name;
}

export async function resolveDeployment(gateway: Gateway, values: Values, signal: AbortSignal): Promise<Deployment> {
  const given = stringOption(values, 'deployment');
  if (given === undefined) throw new UsageError('--deployment (-d) <name or resource id> is required');
  const group = stringOption(values, 'resource-group');
  const subscription = stringOption(values, 'subscription');

  if (looksLikeResourceId(given)) {
    const ref = parseDeploymentId(given);
    if (!ref || ref.apiKeyName) throw new UsageError(`'${given}' is not the resource id of an NGINXaaS deployment`);
    return gateway.getDeployment(ref, { signal });
  }
  const check = checkKeyName(given, 'deployment name');
  if (!check.ok) throw new UsageError(check.problem);

  let subscriptionId = subscription;
  if (subscriptionId === undefined) {
    try {
      subscriptionId = await gateway.defaultSubscription({ signal });
    } catch (error) {
      // Several subscriptions and no default: find the deployment by name among all of them.
      if (!(error instanceof GatewayError) || error.kind !== 'invalid') throw error;
    }
  }
  if (subscriptionId !== undefined && group !== undefined) {
    return gateway.getDeployment({ subscriptionId, resourceGroup: group, name: given }, { signal });
  }

  const found = await gateway.discoverDeployments(
    { ...(subscriptionId ? { subscriptions: [subscriptionId] } : {}), ...(group ? { resourceGroup: group } : {}) },
    { signal },
  );
  const matches = found.deployments.filter((d) => d.name.toLowerCase() === given.toLowerCase());
  if (matches.length === 1) return matches[0] as Deployment;
  const where = found.searched.map((s) => s.displayName || s.subscriptionId).join(', ') || 'no subscription';
  if (matches.length === 0) {
    throw new GatewayError('notFound', `no NGINXaaS deployment named '${given}'${group ? ` in resource group '${group}'` : ''} (searched: ${where})`);
  }
  const ids = matches.map((d) => d.id).join('\n  ');
  throw new UsageError(`more than one deployment is named '${given}'; pass -g and --subscription, or a resource id:\n  ${ids}`);
}
