/**
 * Who the run is signed in as, read from the claims of the ARM access token the run holds
 * anyway (no extra sign-in, no extra `az`): the user's name or the application's id, and the
 * tenant. The token is not verified here; it is only read to say who is acting.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { SignedIn } from '../port/gateway';

interface Claims {
  upn?: string;
  unique_name?: string;
  preferred_username?: string;
  email?: string;
  appid?: string;
  azp?: string;
  tid?: string;
}

export function claimsOf(token: string): Claims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return typeof claims === 'object' && claims !== null ? (claims as Claims) : undefined;
  } catch {
    return undefined;
  }
}

export async function signedInAs(
  credential: TokenCredential,
  scope: string,
  signal?: AbortSignal,
): Promise<SignedIn | undefined> {
  const token = await credential.getToken(scope, signal ? { abortSignal: signal } : {}).catch(() => null);
  const claims = token ? claimsOf(token.token) : undefined;
  if (!claims) return undefined;
  const user = claims.upn ?? claims.unique_name ?? claims.preferred_username ?? claims.email;
  const app = claims.appid ?? claims.azp;
  const account = user ?? (app ? `application ${app}` : undefined);
  if (!account) return undefined;
  return { account, ...(claims.tid ? { tenant: claims.tid } : {}) };
}
