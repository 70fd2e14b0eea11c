/**
 * Storing a key as a Key Vault secret with @azure/keyvault-secrets and the run's own credential:
 * content type text/plain, the key's expiry, tags naming the deployment and the key. Each store is
 * a new version of the secret, so a rotation keeps the history. Loaded only when a hand-off asks.
 */
import type { TokenCredential } from '@azure/core-auth';
import { tlsOptionsFor, vaultUrlFor, type ArmTarget } from './cloud';
import { toGatewayError } from './errors';

export interface StoredSecret {
  id: string;
  version: string;
}

export async function storeVaultSecret(
  credential: TokenCredential,
  target: ArmTarget,
  destination: { vaultHost: string; secretName: string },
  value: string,
  options: { expiresOn: Date; tags: Record<string, string>; signal?: AbortSignal },
): Promise<StoredSecret> {
  const { SecretClient } = await import('@azure/keyvault-secrets');
  const vault = vaultUrlFor(target, destination.vaultHost);
  const tlsOptions = vault.emulated ? tlsOptionsFor(target) : undefined;
  const client = new SecretClient(vault.url, credential, {
    serviceVersion: '7.6',
    // An emulated vault is reached on loopback, whose host cannot match the challenge's resource.
    disableChallengeResourceVerification: vault.emulated,
    retryOptions: { maxRetries: 2 },
    ...(tlsOptions ? { tlsOptions } : {}),
  });
  try {
    const stored = await client.setSecret(destination.secretName, value, {
      contentType: 'text/plain',
      expiresOn: options.expiresOn,
      tags: options.tags,
      ...(options.signal ? { abortSignal: options.signal } : {}),
    });
    return { id: stored.properties.id ?? '', version: stored.properties.version ?? '' };
  } catch (error) {
    throw toGatewayError(error, { endpoint: `https://${destination.vaultHost}` });
  }
}
