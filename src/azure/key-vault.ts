/**
 * Storing a key as a Key Vault secret with @azure/keyvault-secrets and the run's own credential:
 * content type text/plain, the key's expiry, tags naming the deployment and the key. Each store is
 * a new version of the secret, so a rotation keeps the history. Loaded only when a hand-off asks.
 */
import type { TokenCredential } from '@azure/core-auth';
import { tlsOptionsFor, vaultUrlFor, type ArmTarget } from './cloud';
import { toGatewayError } from './errors';
import { GatewayError, STORE_OUTCOME_UNKNOWN } from '../port/gateway';

export interface StoredSecret {
  id: string;
  version: string;
}

type Destination = { vaultHost: string; secretName: string };

async function secretClient(credential: TokenCredential, target: ArmTarget, vaultHost: string) {
  const { SecretClient } = await import('@azure/keyvault-secrets');
  const vault = vaultUrlFor(target, vaultHost);
  const tlsOptions = vault.emulated ? tlsOptionsFor(target) : undefined;
  return new SecretClient(vault.url, credential, {
    serviceVersion: '7.6',
    // An emulated vault is reached on loopback, whose host cannot match the challenge's resource.
    disableChallengeResourceVerification: vault.emulated,
    // No blind retries of a store: a retry after a lost answer adds a version each time. A lost
    // answer is settled below by reading the newest version instead.
    retryOptions: { maxRetries: 0 },
    tlsOptions,
  });
}

/** The newest version's value, or undefined when the vault has no such secret. */
export async function readVaultSecret(
  credential: TokenCredential,
  target: ArmTarget,
  destination: Destination,
  signal?: AbortSignal,
): Promise<{ value: string; version: string } | undefined> {
  const client = await secretClient(credential, target, destination.vaultHost);
  try {
    const newest = await client.getSecret(destination.secretName, signal ? { abortSignal: signal } : {});
    return { value: newest.value ?? '', version: newest.properties.version ?? '' };
  } catch (error) {
    const failure = toGatewayError(error, { endpoint: `https://${destination.vaultHost}` });
    if (failure.kind === 'notFound' && failure.code === 'SecretNotFound') return undefined;
    throw failure;
  }
}

export async function storeVaultSecret(
  credential: TokenCredential,
  target: ArmTarget,
  destination: Destination,
  value: string,
  options: { expiresOn: Date; tags: Record<string, string>; signal?: AbortSignal },
): Promise<StoredSecret> {
  const client = await secretClient(credential, target, destination.vaultHost);
  const endpoint = `https://${destination.vaultHost}`;
  const store = async (): Promise<StoredSecret> => {
    const stored = await client.setSecret(destination.secretName, value, {
      contentType: 'text/plain',
      expiresOn: options.expiresOn,
      tags: options.tags,
      abortSignal: options.signal,
    });
    return { id: stored.properties.id ?? '', version: stored.properties.version ?? '' };
  };
  /** The newest version, when it holds our value: the store that lost its answer was carried out. */
  const ours = async (): Promise<StoredSecret | undefined | 'unreadable'> => {
    try {
      const newest = await client.getSecret(destination.secretName, { abortSignal: options.signal });
      return newest.value === value
        ? { id: newest.properties.id ?? '', version: newest.properties.version ?? '' }
        : undefined;
    } catch (error) {
      return toGatewayError(error).kind === 'notFound' ? undefined : 'unreadable';
    }
  };
  let failure: GatewayError | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await store();
    } catch (error) {
      failure = toGatewayError(error, { endpoint });
      // Stopped while the store was under way: the vault may have carried it out all the same.
      if (failure.kind === 'cancelled')
        throw new GatewayError(
          'cancelled',
          'the run was stopped while the vault was storing it, so it is not known whether its newest version now holds this key',
          STORE_OUTCOME_UNKNOWN,
        );
      if (!mayHaveBeenStored(failure)) throw failure;
    }
    const found = await ours();
    if (found === 'unreadable') {
      throw new GatewayError(
        'unknown',
        `${failure.message}; the answer was lost and the secret could not be read back, so it is not known whether its newest version now holds this key`,
        STORE_OUTCOME_UNKNOWN,
        failure.status,
      );
    }
    if (found) return found;
  }
  throw failure ?? new GatewayError('unknown', 'the secret was not stored');
}

/** A store whose answer may have been lost after the vault carried it out. */
function mayHaveBeenStored(failure: GatewayError): boolean {
  if (failure.kind === 'network') return true;
  return failure.kind === 'unknown' && (failure.status === undefined || failure.status >= 500);
}
