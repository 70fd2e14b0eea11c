/**
 * ARM resource ids of NGINXaaS deployments and keys. Providers and types come back from Azure in
 * several casings (NGINX.NGINXPLUS, Nginx.NginxPlus, nginx.nginxplus), so ids are parsed and
 * compared without regard to case.
 */

export const PROVIDER = 'Nginx.NginxPlus';
export const DEPLOYMENT_TYPE = 'Nginx.NginxPlus/nginxDeployments';
export const API_KEY_TYPE = 'Nginx.NginxPlus/nginxDeployments/apiKeys';

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
  return {
    subscriptionId: decodeURIComponent(subscriptionId as string),
    resourceGroup: decodeURIComponent(resourceGroup as string),
    name: decodeURIComponent(name as string),
    ...(apiKeyName ? { apiKeyName: decodeURIComponent(apiKeyName) } : {}),
  };
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

/** The command that acts on one key, for messages that tell a person what to run next. */
export function keyCommand(verb: 'show' | 'delete', ref: DeploymentRef, keyName: string, demo = false): string {
  return `nginxaas-keys ${verb} -d ${ref.name} -g ${ref.resourceGroup} --subscription ${ref.subscriptionId} --name ${keyName}${demo ? ' --demo' : ''}`;
}
