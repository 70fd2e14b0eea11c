import { printable } from './printable';
import { commandLine, type StartedAs } from './started-as';

/**
 * ARM resource ids of NGINXaaS deployments and keys. Providers and types come back from Azure in
 * several casings (NGINX.NGINXPLUS, Nginx.NginxPlus, nginx.nginxplus), so ids are parsed and
 * compared without regard to case.
 */

export const PROVIDER = 'Nginx.NginxPlus';
export interface DeploymentRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

const DEPLOYMENT_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/nginx\.nginxplus\/nginxDeployments\/([^/]+)(?:\/apiKeys\/([^/]+))?\/?$/i;

export function parseDeploymentId(id: string): (DeploymentRef & { apiKeyName?: string }) | undefined {
  const match = DEPLOYMENT_ID.exec(id.trim());
  if (!match) return undefined;
  const [, subscriptionId, resourceGroup, name, apiKeyName] = match;
  let ref: DeploymentRef & { apiKeyName?: string };
  try {
    ref = {
      subscriptionId: decodeURIComponent(subscriptionId as string),
      resourceGroup: decodeURIComponent(resourceGroup as string),
      name: decodeURIComponent(name as string),
      apiKeyName: apiKeyName && decodeURIComponent(apiKeyName),
    };
  } catch {
    return undefined;
  }
  // `/resourceGroups/../` would be normalised into another ARM path: every part obeys ARM's rule.
  if (!checkSubscriptionId(ref.subscriptionId).ok || !checkResourceGroup(ref.resourceGroup).ok) return undefined;
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,28}[A-Za-z0-9]$|^[A-Za-z0-9]$/.test(ref.name)) return undefined;
  return ref;
}

export type NameCheck = { ok: true } | { ok: false; problem: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A subscription id is a GUID (ARM's `format: uuid`). */
export function checkSubscriptionId(id: string): NameCheck {
  return GUID.test(id)
    ? { ok: true }
    : {
        ok: false,
        problem: `'${printable(id)}' is not a subscription id (a GUID like 11111111-2222-4333-8444-555555555555)`,
      };
}

const RESOURCE_GROUP_CHARACTER = /^[\p{L}\p{N}_().-]$/u;
/**
 * The names almost every group has, checked without the Unicode classes: V8 builds those the first
 * time they are used, 5 ms of the demo's start, between the first frame and the list.
 */
const ASCII_RESOURCE_GROUP = /^[A-Za-z0-9_().-]*$/;

/** ARM's rule for a resource group: 1 to 90 letters, digits, `_ ( ) - .`, not ending in `.`. */
export function checkResourceGroup(name: string): NameCheck {
  const shown = `'${printable(name)}'`;
  if (name.length === 0 || name.length > 90)
    return { ok: false, problem: `the resource group ${shown} must be 1 to 90 characters long` };
  const bad = ASCII_RESOURCE_GROUP.test(name)
    ? -1
    : Array.from(name).findIndex((ch) => !RESOURCE_GROUP_CHARACTER.test(ch));
  if (bad >= 0)
    return {
      ok: false,
      problem: `the resource group ${shown} has '${printable(Array.from(name)[bad] ?? '')}' at position ${bad + 1}: only letters, digits, _ ( ) - and . are allowed`,
    };
  if (name.endsWith('.')) return { ok: false, problem: `the resource group ${shown} must not end in '.'` };
  return { ok: true };
}

/**
 * One casing for every id we print: the provider's own (`Nginx.NginxPlus`), the segment names as
 * ARM documents them. Names inside the id keep the casing Azure gave them.
 */
export function canonicalId(id: string): string {
  const parsed = parseDeploymentId(id);
  if (!parsed) return id;
  const deployment = deploymentId(parsed);
  return parsed.apiKeyName === undefined ? deployment : `${deployment}/apiKeys/${parsed.apiKeyName}`;
}

export function looksLikeResourceId(text: string): boolean {
  return text.trim().startsWith('/subscriptions/');
}

export function deploymentId(ref: DeploymentRef): string {
  return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/${PROVIDER}/nginxDeployments/${ref.name}`;
}

export function sameId(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}

export function sameType(a: string | undefined, b: string): boolean {
  return (a ?? '').toLowerCase() === b.toLowerCase();
}

/** The command that acts on one key, for messages that tell a person what to run next, as this run was started. */
export function keyCommand(
  verb: 'show' | 'delete' | 'rotate',
  ref: DeploymentRef,
  keyName: string,
  as: StartedAs = {},
): string {
  return commandLine(
    `${verb} -d ${ref.name} -g ${ref.resourceGroup} --subscription ${ref.subscriptionId} --name ${keyName}`,
    as,
  );
}
