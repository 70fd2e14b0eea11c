/**
 * The flags that say where a run goes — which Azure, signed in how — and, for the wizard and
 * plain mode, which deployment and key name to start from. Read into typed options before any
 * credential is built or request sent, so a usage error always comes first.
 */
import { homedir } from 'node:os';
import { stateFolder } from '../domain/platform';
import { join } from 'node:path';
import { flag, text, type Values } from './options';
import { armAudience, isCloudName } from '../domain/clouds';
import { checkKeyName } from '../domain/key-name';
import type { AuthMode } from '../domain/auth-modes';
import { printable } from '../domain/printable';
import { looksLikeResourceId, parseDeploymentId } from '../domain/resource-id';
import { readSmallFile } from '../files/small-file';
import { UsageError } from '../port/usage-error';
import type { WizardScope } from '../wizard/state';

export interface ConnectOptions {
  demo: boolean;
  /** Where --demo keeps its world between runs (0600), and whether to start it over. */
  demoState?: { path: string; reset: boolean };
  auth: AuthMode;
  cloud?: string;
  armEndpoint?: string;
  /** The audience of the ARM token, where it cannot be derived (Azure Stack). */
  armAudience?: string;
  caPem?: string;
  tenant?: string;
  /** Microsoft Entra ID's host where it is not the cloud's (NGINXAAS_AUTHORITY_HOST: an emulator's). */
  authorityHost?: string;
}

/** A CA bundle is a few kilobytes; a megabyte is far more than any. */
const MAX_CA_BYTES = 1024 * 1024;

function readCa(path: string): string {
  let pem: string;
  try {
    pem = readSmallFile(path, MAX_CA_BYTES, 'the CA file');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`'${path}' holds no PEM certificate`);
  return pem;
}

/** How the run signs in: --auth, else the token in NGINXAAS_ACCESS_TOKEN when there is one, else the Azure CLI. */
export function authModeOf(values: Values, env: NodeJS.ProcessEnv): AuthMode {
  return (text(values, 'auth') ?? (env.NGINXAAS_ACCESS_TOKEN ? 'token' : 'cli')) as AuthMode;
}

export function parseConnectOptions(values: Values, env: NodeJS.ProcessEnv): ConnectOptions {
  const auth = authModeOf(values, env);
  // An empty one (NGINXAAS_ARM_ENDPOINT=) is no endpoint.
  const armEndpoint = (text(values, 'arm-endpoint') ?? env.NGINXAAS_ARM_ENDPOINT) || undefined;
  const caPath = text(values, 'arm-ca') ?? env.NGINXAAS_ARM_CA;
  const cloud = text(values, 'cloud');
  const tenant = text(values, 'tenant');
  // The characters Microsoft Entra ID allows in a tenant (as @azure/identity checks them); they
  // are also the only ones passed to az, through cmd.exe on Windows.
  if (tenant !== undefined && !/^[0-9A-Za-z.-]+$/.test(tenant))
    throw new UsageError(
      `--tenant '${printable(tenant)}' is not a tenant: give its id (a GUID) or a domain such as contoso.onmicrosoft.com`,
    );
  if (armEndpoint) {
    let url: URL;
    try {
      url = new URL(armEndpoint);
    } catch {
      throw new UsageError(`--arm-endpoint '${armEndpoint}' is not a URL`);
    }
    if (url.protocol !== 'https:')
      throw new UsageError(
        `--arm-endpoint must use https (a bearer token is never sent over ${url.protocol.replace(':', '')})`,
      );
  }
  const armAudienceText = text(values, 'arm-audience') ?? env.NGINXAAS_ARM_AUDIENCE;
  if (armAudienceText !== undefined) {
    if (!URL.canParse(armAudienceText))
      throw new UsageError(`--arm-audience '${printable(armAudienceText)}' is not a URI`);
    const audience = armAudience({
      cloud: cloud !== undefined && isCloudName(cloud) ? cloud : 'AzureCloud',
      armEndpoint,
      audience: armAudienceText,
    });
    if (!audience.ok) throw new UsageError(audience.problem);
  }
  const authorityHost = env.NGINXAAS_AUTHORITY_HOST;
  if (authorityHost !== undefined && !/^https:\/\/[^/\s]+\/?$/.test(authorityHost))
    throw new UsageError(`NGINXAAS_AUTHORITY_HOST must be an https origin such as https://login.microsoftonline.com`);
  if (auth === 'token' && !env.NGINXAAS_ACCESS_TOKEN && !flag(values, 'demo')) {
    throw new UsageError('--auth token needs the token in NGINXAAS_ACCESS_TOKEN');
  }
  return {
    demo: flag(values, 'demo'),
    demoState: flag(values, 'demo') ? { path: demoStatePath(env), reset: flag(values, 'demo-reset') } : undefined,
    auth,
    cloud,
    armEndpoint,
    armAudience: armAudienceText,
    caPem: caPath && !flag(values, 'demo') ? readCa(caPath) : undefined,
    tenant,
    // Checked above: an https origin, never empty.
    authorityHost: authorityHost?.replace(/\/$/, ''),
  };
}

/** The demo's world, in the user's state folder (see domain/platform.ts for each system's). */
export function demoStatePath(env: NodeJS.ProcessEnv): string {
  return join(stateFolder(process.platform, env, homedir()), 'demo-world.json');
}

/** -d, -g, --subscription and --name for the wizard and plain mode: each optional, each checked. */
export function parseWizardScope(values: Values): WizardScope {
  const deployment = text(values, 'deployment');
  if (deployment !== undefined) {
    if (looksLikeResourceId(deployment)) {
      const ref = parseDeploymentId(deployment);
      if (!ref || ref.apiKeyName)
        throw new UsageError(`'${printable(deployment)}' is not the resource id of an NGINXaaS deployment`);
    } else {
      const check = checkKeyName(deployment, 'deployment name');
      if (!check.ok) throw new UsageError(check.problem);
    }
  }
  const name = text(values, 'name');
  if (name !== undefined) {
    const check = checkKeyName(name);
    if (!check.ok) throw new UsageError(check.problem);
  }
  const subscription = text(values, 'subscription');
  const resourceGroup = text(values, 'resource-group');
  return { subscription, resourceGroup, deployment, name };
}
