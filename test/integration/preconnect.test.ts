/**
 * While a slow sign-in (az) fetches the token, the gateway opens its connections to ARM, so the
 * first requests skip the handshakes: the same number of connections either way, the early ones
 * made before the token arrived, and no credential ever sent on them.
 */
import type { TokenCredential } from '@azure/core-auth';
import { describe, expect, it } from 'vitest';
import { ArmClient } from '../../src/azure/arm-client';
import { tlsOptionsFor } from '../../src/azure/cloud';
import { gatewayFor, targetFor, useEmulator } from '../helpers/emulator';

/** A credential that, like az, takes a while to answer. */
function slowCredential(token: string, ms: number): TokenCredential {
  const answer = new Promise<{ token: string; expiresOnTimestamp: number }>((resolve) =>
    setTimeout(() => resolve({ token, expiresOnTimestamp: Date.now() + 3_600_000 }), ms),
  );
  return { getToken: () => answer };
}

async function discoverWith(preconnect: boolean) {
  const emulator = await useEmulator();
  const gateway = gatewayFor(emulator, { credential: slowCredential(emulator.token, 300), preconnect });
  gateway.warmUp();
  const found = await gateway.discoverDeployments({});
  return { emulator, found };
}

describe('connections opened while the token is fetched', () => {
  it('are the ones the first requests use, made early, and carry no credential', async () => {
    const cold = await discoverWith(false);
    const warm = await discoverWith(true);
    expect(warm.found.deployments.map((d) => d.name)).toEqual(cold.found.deployments.map((d) => d.name));
    expect(cold.emulator.requests.some((r) => r.method === 'HEAD')).toBe(false);

    const early = warm.emulator.requests.filter((r) => r.method === 'HEAD');
    expect(early).toEqual([
      { method: 'HEAD', path: '/', status: expect.any(Number), authorization: 'none', at: expect.any(Number) },
      { method: 'HEAD', path: '/', status: expect.any(Number), authorization: 'none', at: expect.any(Number) },
    ]);
    const firstSigned = warm.emulator.requests.findIndex((r) => r.authorization === 'bearer');
    expect(warm.emulator.requests.slice(0, firstSigned).map((r) => r.method)).toEqual(['HEAD', 'HEAD']);
    // Reused, not added: the early connections carried the requests that followed.
    expect(warm.emulator.connections()).toBe(cold.emulator.connections());
  });

  it('are left to the proxy when one is configured', async () => {
    const emulator = await useEmulator();
    const tlsOptions = tlsOptionsFor(targetFor(emulator));
    const arm = new ArmClient(slowCredential(emulator.token, 0), {
      endpoint: emulator.url,
      credentialScopes: [targetFor(emulator).scope],
      ...(tlsOptions ? { tlsOptions } : {}),
    });
    arm.preconnect(2, { HTTPS_PROXY: 'http://proxy.example:3128' });
    // A request of the client's own, answered: HEADs sent before it would be in the log by now.
    await arm.call('GET', '/subscriptions?api-version=2022-12-01', [200]);
    expect(emulator.requests.map((r) => r.method)).toEqual(['GET']);
    expect(emulator.connections()).toBe(1);
  });
});
