/**
 * The credentials behind `--auth`. The only place that constructs one. @azure/identity is
 * loaded on demand, so modes that never sign in do not pay for it.
 *
 * `token` is ours: a bearer token from NGINXAAS_ACCESS_TOKEN (never from argv). It is how the
 * demo and `nginxaas-keys emulator` users sign in to the emulator, and it works on Azure with a
 * token from `az account get-access-token`.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { AuthMode } from '../domain/auth-modes';
import type { ArmTarget } from './cloud';

/** The Azure CLI's public client id, which device-code and browser sign-in use as az does. */
const AZURE_CLI_CLIENT_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

export interface CredentialSettings {
  target: ArmTarget;
  tenantId?: string;
  /** For device-code: where to show the "open this page and enter the code" message. */
  onDeviceCode?: (message: string) => void;
  /** For `token`. */
  accessToken?: string;
  env?: NodeJS.ProcessEnv;
  /** For `cli`: the token `az` was already asked for at the start of the run, for this scope. */
  early?: { scope: string; token: Promise<AccessToken> };
}

export function staticTokenCredential(token: string, lifetimeMs = 60 * 60 * 1000): TokenCredential {
  return {
    async getToken(): Promise<AccessToken> {
      return { token, expiresOnTimestamp: Date.now() + lifetimeMs, tokenType: 'Bearer' };
    },
  };
}

/**
 * Shares one token between the many clients of a run (one per subscription), so that
 * AzureCliCredential starts `az` once, not once per subscription.
 */
export function sharedTokenCredential(
  inner: TokenCredential,
  early?: { scope: string; token: Promise<AccessToken> },
): TokenCredential {
  const cache = new Map<string, Promise<AccessToken | null>>();
  // A token asked for early stands for the first request; if it failed, the credential asks
  // again itself and says what went wrong in its own words.
  if (early)
    cache.set(
      early.scope,
      early.token.catch(() => inner.getToken(early.scope)),
    );
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      const key = [scopes].flat().join(' ');
      const cached = cache.get(key);
      if (cached) {
        const token = await cached.catch(() => null);
        if (token && token.expiresOnTimestamp - Date.now() > 5 * 60 * 1000) return token;
      }
      const fresh = inner.getToken(scopes, options);
      cache.set(key, fresh);
      fresh.catch(() => cache.delete(key));
      return fresh;
    },
  };
}

export async function createCredential(mode: AuthMode, settings: CredentialSettings): Promise<TokenCredential> {
  const env = settings.env ?? process.env;
  if (mode === 'token') {
    const token = settings.accessToken ?? env.NGINXAAS_ACCESS_TOKEN;
    if (!token) throw new Error('--auth token needs the token in NGINXAAS_ACCESS_TOKEN');
    return staticTokenCredential(token);
  }
  const identity = await import('@azure/identity');
  const authorityHost = settings.target.authorityHost;
  const tenant = settings.tenantId ? { tenantId: settings.tenantId } : {};
  switch (mode) {
    case 'cli':
      // A Key Vault's challenge names its tenant: let az fetch a token for it.
      return sharedTokenCredential(
        new identity.AzureCliCredential({ ...tenant, processTimeoutInMs: 30_000, additionallyAllowedTenants: ['*'] }),
        settings.early,
      );
    case 'env':
      return sharedTokenCredential(new identity.EnvironmentCredential({ authorityHost }));
    case 'device-code':
      return sharedTokenCredential(
        new identity.DeviceCodeCredential({
          ...tenant,
          clientId: AZURE_CLI_CLIENT_ID,
          authorityHost,
          userPromptCallback: (info) => settings.onDeviceCode?.(info.message),
        }),
      );
    case 'browser':
      return sharedTokenCredential(
        new identity.InteractiveBrowserCredential({
          ...tenant,
          clientId: AZURE_CLI_CLIENT_ID,
          authorityHost,
          redirectUri: 'http://localhost',
        }),
      );
    default:
      return sharedTokenCredential(new identity.DefaultAzureCredential({ ...tenant, authorityHost }));
  }
}

/** The same credential, telling `onToken` of each token it hands out (so errors can mask it). */
export function tokenRecordingCredential(inner: TokenCredential, onToken: (token: string) => void): TokenCredential {
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      const token = await inner.getToken(scopes, options);
      if (token) onToken(token.token);
      return token;
    },
  };
}
