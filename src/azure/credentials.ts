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
import { tlsOptionsFor, type ArmTarget } from './cloud';
import { printable } from '../domain/printable';
import { isCredentialFailure } from './sign-in-failure';

/** The Azure CLI's public client id, which device-code and browser sign-in use as az does. */
const AZURE_CLI_CLIENT_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

/** What Microsoft Entra ID says a person does with a device code (as @azure/identity passes it on). */
export interface DeviceCodeInfo {
  message: string;
  userCode: string;
  verificationUri: string;
}

export interface CredentialSettings {
  target: ArmTarget;
  tenantId?: string;
  /** For device-code: where to show the "open this page and enter the code" message. */
  onDeviceCode?: (info: DeviceCodeInfo) => void;
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

/** A credential shared by a run, which can be told to forget (after a sign-in in the same run). */
export interface SharedCredential extends TokenCredential {
  forget(): void;
}

/**
 * Shares one token between the many clients of a run (one per subscription), so that
 * AzureCliCredential starts `az` once, not once per subscription. A sign-in that is not there
 * (signed out, no `az`) is not there for the rest of the run either: it is said again, not asked
 * again, until `forget` (the wizard's sign-in screen calls it after signing in).
 */
export function sharedTokenCredential(
  inner: TokenCredential,
  early?: { scope: string; token: Promise<AccessToken> },
): SharedCredential {
  const cache = new Map<string, Promise<AccessToken | null>>();
  const keep = (key: string, answer: Promise<AccessToken | null>) => {
    cache.set(key, answer);
    answer.catch((error: unknown) => {
      if (!isCredentialFailure(error)) cache.delete(key);
    });
  };
  // A token asked for early stands for the first request.
  if (early) keep(early.scope, early.token);
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      const key = [scopes].flat().join(' ');
      const cached = cache.get(key);
      if (cached) {
        const token = await cached.catch((error: unknown) => {
          if (isCredentialFailure(error)) throw error;
          return null;
        });
        if (token && token.expiresOnTimestamp - Date.now() > 5 * 60 * 1000) return token;
      }
      const fresh = inner.getToken(scopes, options);
      keep(key, fresh);
      return fresh;
    },
    forget: () => cache.clear(),
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
  const authority = authorityOptions(settings.target);
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
          ...authority,
          // The authority's words reach a terminal (stderr, the loading screen, the sign-in screen):
          // a control sequence in them would retitle the window or write to the clipboard.
          userPromptCallback: (info) =>
            settings.onDeviceCode?.({
              message: printable(info.message),
              userCode: printable(info.userCode),
              verificationUri: printable(info.verificationUri),
            }),
        }),
      );
    case 'browser':
      return sharedTokenCredential(
        new identity.InteractiveBrowserCredential({
          ...tenant,
          clientId: AZURE_CLI_CLIENT_ID,
          ...authority,
          redirectUri: 'http://localhost',
        }),
      );
    default:
      return sharedTokenCredential(new identity.DefaultAzureCredential({ ...tenant, authorityHost }));
  }
}

/**
 * Where the interactive credentials sign in. Another authority than the cloud's (an emulator's)
 * is not in Microsoft's instance list: discovery is off for it, and when it is the ARM endpoint's
 * own host, the extra CA of that endpoint is trusted for it too — for that host only.
 */
function authorityOptions(target: ArmTarget) {
  const sameHost = target.customAuthority && new URL(target.authorityHost).origin === new URL(target.endpoint).origin;
  return {
    authorityHost: target.authorityHost,
    disableInstanceDiscovery: target.customAuthority,
    tlsOptions: sameHost ? tlsOptionsFor(target) : undefined,
  };
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
