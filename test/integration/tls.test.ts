/**
 * Where the token and the key may go: only to an endpoint whose certificate is trusted, and the
 * token only to the ARM endpoint itself. Two emulators, each with its own certificate.
 */
import { describe, expect, it } from 'vitest';
import { AzureGateway } from '../../src/azure/azure-gateway';
import { resolveArmTarget } from '../../src/azure/cloud';
import { staticTokenCredential } from '../../src/azure/credentials';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { gatewayFor, useEmulator } from '../helpers/emulator';
import { WEB_REF } from '../helpers/sample';

function gatewayTrusting(url: string, caPem: string | undefined, token: string) {
  const resolved = resolveArmTarget({ armEndpoint: url, ...(caPem ? { caPem } : {}) });
  if (!resolved.ok) throw new Error(resolved.problem);
  return new AzureGateway({
    credential: staticTokenCredential(token),
    target: resolved.target,
    authDescription: 'test',
    useCliDefaultSubscription: false,
    retryOptions: { maxRetries: 0 },
  });
}

describe('TLS', () => {
  it.each([
    ['no CA at all', false],
    ['the CA of another emulator', true],
  ])('ARM with %s is refused before any request reaches it', async (_what, other) => {
    const emulator = await useEmulator();
    const stranger = await useEmulator();
    const gateway = gatewayTrusting(emulator.url, other ? stranger.caPem : undefined, emulator.token);
    await expect(gateway.getDeployment(WEB_REF)).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringContaining('is not trusted'),
    });
    expect(emulator.requests).toHaveLength(0);
  });

  it('the dataplane check never sends the key to an endpoint whose certificate failed', async () => {
    const trusted = await useEmulator();
    const impostor = await useEmulator();
    const web = impostor.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    const endpoint = `${impostor.url}/${impostor.world.endpointHost(web)}/`;
    const result = await gatewayFor(trusted).verifyKey(endpoint, 'Never-Sent-Key-1');
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('is not trusted') });
    expect(impostor.requests).toHaveLength(0);
  });

  it('a nextLink to another host is not followed with the token', async () => {
    const emulator = await useEmulator();
    const elsewhere = await useEmulator({ token: emulator.token });
    const foreign = `${elsewhere.url}/subscriptions/${PRODUCTION}/resourceGroups/edge-rg/providers/Nginx.NginxPlus/nginxDeployments/web-01/apiKeys?api-version=2025-11-01&$skipToken=1`;
    emulator.faults.add({ method: 'GET', path: '/apiKeys?', status: 200, body: { value: [], nextLink: foreign } });
    // Trust both certificates: only the host rule stands between the token and the other server.
    const gateway = gatewayTrusting(emulator.url, `${emulator.caPem}${elsewhere.caPem}`, emulator.token);
    await expect(gateway.listKeys(WEB_REF)).rejects.toMatchObject({
      code: 'ForeignNextLink',
      message: expect.stringContaining('was not followed'),
    });
    expect(elsewhere.requests).toHaveLength(0);
  });
});
