/**
 * The emulator's world: subscriptions, resource groups, deployments and their keys. This is
 * also the JSON format of `--seed FILE` and `--state FILE` (keys carry their secrets, so a state
 * file is written with mode 0600).
 */

export interface EmulatedSubscription {
  subscriptionId: string;
  displayName: string;
  state: 'Enabled' | 'Disabled' | 'Warned' | 'PastDue' | 'Deleted';
  tenantId: string;
  resourceGroups: string[];
}

export interface EmulatedDeployment {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  provisioningState: string;
  /** false for a deployment that never got a dataplane endpoint (a failed one). */
  hasEndpoint: boolean;
  sku: string;
  nginxVersion: string | null;
  /** Real responses have used NGINX.NGINXPLUS in ids; some sample data keeps that casing. */
  providerCasing?: 'Nginx.NginxPlus' | 'NGINX.NGINXPLUS';
  /** The upstreams its NGINX Plus API serves (what NLK and nginx-asg-sync change); none when absent. */
  upstreams?: EmulatedUpstream[];
}

/** An upstream of the NGINX Plus API (`/nplus/9/{http|stream}/upstreams/<name>/servers`). */
export interface EmulatedUpstream {
  name: string;
  kind: 'http' | 'stream';
  servers: EmulatedServer[];
}

/** One server of an upstream, as the NGINX Plus API shows it (the fields NLK and nginx-asg-sync send). */
export interface EmulatedServer {
  id: number;
  server: string;
  max_conns?: number;
  max_fails?: number;
  fail_timeout?: string;
  slow_start?: string;
  weight?: number;
  down?: boolean;
  drain?: boolean;
  backup?: boolean;
}

export interface EmulatedKey {
  subscriptionId: string;
  resourceGroup: string;
  deployment: string;
  name: string;
  secret: string;
  endDateTime: string;
}

/** One version of a Key Vault secret (the emulator's vaults hold key hand-offs). */
export interface EmulatedVaultSecret {
  /** The vault's host, e.g. contoso-keys.vault.azure.net. */
  vault: string;
  name: string;
  version: string;
  value: string;
  contentType?: string;
  tags?: Record<string, string>;
  /** Expiry, seconds since 1970 (as Key Vault's attributes carry it). */
  exp?: number;
  created: number;
}

export interface EmulatorData {
  subscriptions: EmulatedSubscription[];
  deployments: EmulatedDeployment[];
  keys: EmulatedKey[];
  /** Hosts of the Key Vaults that exist (others answer as a vault that is not there). */
  vaults?: string[];
  vaultSecrets?: EmulatedVaultSecret[];
}

export function isEmulatorData(value: unknown): value is EmulatorData {
  const data = value as EmulatorData;
  return (
    typeof data === 'object' &&
    data !== null &&
    Array.isArray(data.subscriptions) &&
    Array.isArray(data.deployments) &&
    Array.isArray(data.keys ?? [])
  );
}

/** Where the service's behaviour is not published, the emulator's choice; tests may change it. */
export interface Behaviour {
  /** A PUT without secretText for an existing key: keep its secret (our guess), or refuse with 400. */
  secretlessPut: 'keep' | 'refuse';
  /** How many polls of a device code answer `authorization_pending` before it is approved by itself. */
  deviceCodePolls: number;
  /** What Entra's device code answer says in place of its usual `message` (a hostile one, say). */
  deviceCodeMessage?: string;
  /** What the caller's role assignments allow (ARM's permissions API); every action when absent. */
  permissions?: { actions: string[]; notActions: string[] }[];
}
