/**
 * The NGINXaaS client and the gateway over the real core-client pipeline, against the real
 * emulator over HTTPS: every operation, paging, every error kind, retries.
 */
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { NginxManagementClient } from '../../src/azure/nginx-client';
import { ArmClient } from '../../src/azure/arm-client';
import { staticTokenCredential } from '../../src/azure/credentials';
import { collect } from '../../src/azure/paging';
import { GatewayError } from '../../src/port/gateway';
import { PRODUCTION, SANDBOX, STAGING } from '../../src/emulator/sample-data';
import { gatewayFor, targetFor, useEmulator } from '../helpers/emulator';
import { WEB_REF, inDays } from '../helpers/sample';
import { waitUntil } from '../helpers/wait';

function clientFor(
  emulator: Awaited<ReturnType<typeof useEmulator>>,
  subscriptionId = PRODUCTION,
  token = emulator.token,
) {
  const target = targetFor(emulator);
  const arm = new ArmClient(staticTokenCredential(token), {
    endpoint: target.endpoint,
    credentialScopes: [target.scope],
    tlsOptions: { ca: [emulator.caPem] },
    retryOptions: { maxRetries: 2, retryDelayInMs: 20, maxRetryDelayInMs: 50 },
  });
  return new NginxManagementClient(arm, subscriptionId);
}

async function expectGatewayError(promise: Promise<unknown>, kind: string, code?: string): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  expect((error as GatewayError).kind).toBe(kind);
  if (code) expect((error as GatewayError).code).toBe(code);
  expect((error as GatewayError).message).not.toMatch(/\n\s+at /);
  return error as GatewayError;
}

describe('NginxManagementClient (arm-nginx method names) over HTTPS', () => {
  it('lists deployments across pages by following nextLink', async () => {
    const emulator = await useEmulator({ pageSize: 1 });
    const client = clientFor(emulator);
    const names = (await collect(client.deployments.list())).map((d) => d.name);
    expect(names).toEqual(['web-01', 'api-gateway', 'broken-01']);
    const pages = await collect(client.deployments.list().byPage());
    expect(pages.map((p) => p.length)).toEqual([1, 1, 1]);
    const lists = emulator.requests.filter((r) => r.path.endsWith('/nginxDeployments'));
    expect(lists.length).toBe(6);
  });

  it('lists by resource group and gets one, with its dataplane endpoint', async () => {
    const emulator = await useEmulator();
    const client = clientFor(emulator);
    expect((await collect(client.deployments.listByResourceGroup('platform-rg'))).map((d) => d.name)).toEqual([
      'broken-01',
    ]);
    const web = await client.deployments.get('edge-rg', 'web-01');
    expect(web.properties?.provisioningState).toBe('Succeeded');
    expect(web.properties?.dataplaneApiEndpoint).toMatch(
      /^https:\/\/127\.0\.0\.1:\d+\/web-01-[0-9a-f]{12}\.eastus2\.nginxaas\.net\/$/,
    );
    const broken = await client.deployments.get('platform-rg', 'broken-01');
    // The wire's own null: the mappers turn it into no endpoint.
    expect(broken.properties?.dataplaneApiEndpoint).toBeNull();
  });

  it('creates (201), replaces (200), reads, lists and deletes (200, then 204) a key; the secret never comes back', async () => {
    const emulator = await useEmulator({ pageSize: 1 });
    const client = clientFor(emulator);
    const statuses: number[] = [];
    const end = inDays(40);
    const created = await client.apiKeys.createOrUpdate('edge-rg', 'web-01', 'ci-key', {
      body: { properties: { secretText: 'Zx9-first-secret-value', endDateTime: end } },
      onStatus: (s) => statuses.push(s),
    });
    expect(created.properties?.hint).toBe('Zx9');
    expect(new Date(created.properties.endDateTime ?? '').toISOString()).toBe(end.toISOString());
    expect(JSON.stringify(created)).not.toContain('first-secret');

    const replaced = await client.apiKeys.createOrUpdate('edge-rg', 'web-01', 'ci-key', {
      body: { properties: { secretText: 'Qq1-second-secret-value', endDateTime: end } },
      onStatus: (s) => statuses.push(s),
    });
    expect(replaced.properties?.hint).toBe('Qq1');
    expect(statuses).toEqual([201, 200]);
    expect(emulator.world.key(emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!, 'ci-key')?.secret).toBe(
      'Qq1-second-secret-value',
    );

    expect((await client.apiKeys.get('edge-rg', 'web-01', 'CI-KEY')).name).toBe('ci-key');
    const listed = await collect(client.apiKeys.list('edge-rg', 'web-01'));
    expect(listed.map((k) => k.name).sort()).toEqual(['asg-sync', 'ci-2025', 'ci-key', 'nlk-prod']);
    expect(JSON.stringify(listed)).not.toMatch(/secret/i);

    const deletes: number[] = [];
    await client.apiKeys.delete('edge-rg', 'web-01', 'ci-key', { onStatus: (s) => deletes.push(s) });
    await client.apiKeys.delete('edge-rg', 'web-01', 'ci-key', { onStatus: (s) => deletes.push(s) });
    expect(deletes).toEqual([200, 204]);
  });

  it('sends api-version 2025-11-01 and a bearer token on every call', async () => {
    const emulator = await useEmulator();
    const client = clientFor(emulator);
    await client.deployments.get('edge-rg', 'web-01');
    expect(client.apiVersion).toBe('2025-11-01');
    expect(emulator.requests.every((r) => r.authorization === 'bearer')).toBe(true);
  });
});

describe('the pipeline', () => {
  it('leaves out the policies that cost every request and do nothing here, and keeps retries, throttling and the cap', async () => {
    const emulator = await useEmulator();
    const arm = new ArmClient(staticTokenCredential(emulator.token), {
      endpoint: targetFor(emulator).endpoint,
      credentialScopes: [targetFor(emulator).scope],
      tlsOptions: { ca: [emulator.caPem] },
    });
    const names = arm.pipeline.getOrderedPolicies().map((policy) => policy.name);
    for (const idle of ['formDataPolicy', 'tracingPolicy', 'serializationPolicy', 'deserializationPolicy'])
      expect(names).not.toContain(idle);
    expect(names).toEqual(expect.arrayContaining(['defaultRetryPolicy', 'bearerTokenAuthenticationPolicy']));
    expect(names.length).toBeGreaterThanOrEqual(9);
    // And it still reads what it asks for.
    const deployments = await collect(new NginxManagementClient(arm, PRODUCTION).deployments.list());
    expect(deployments.length).toBeGreaterThan(0);
  });
});

describe('gateway errors: each ARM failure becomes our kind, with the ARM code', () => {
  it('notFound for a missing deployment and a missing group', async () => {
    const emulator = await useEmulator();
    const gateway = gatewayFor(emulator);
    const missing = await expectGatewayError(
      gateway.getDeployment({ ...WEB_REF, name: 'nope' }),
      'notFound',
      'ResourceNotFound',
    );
    expect(missing.plain).toContain("nginxDeployments/nope' under resource group 'edge-rg' was not found");
    await expectGatewayError(
      gateway.getDeployment({ ...WEB_REF, resourceGroup: 'nope-rg' }),
      'notFound',
      'ResourceGroupNotFound',
    );
    await expectGatewayError(
      gateway.getKey({ ...WEB_REF, resourceGroup: 'nope-rg' }, 'k'),
      'notFound',
      'ResourceGroupNotFound',
    );
  });

  it('getKey answers undefined for a free name', async () => {
    const emulator = await useEmulator();
    expect(await gatewayFor(emulator).getKey(WEB_REF, 'free-name')).toBeUndefined();
  });

  it('invalid for what the service refuses (weak key, far expiry, disabled subscription)', async () => {
    const emulator = await useEmulator();
    const gateway = gatewayFor(emulator);
    await expectGatewayError(
      gateway.putKey(WEB_REF, 'k1', { secret: 'weakweakweakweak', endDateTime: inDays(10) }),
      'invalid',
      'InvalidApiKeySecret',
    );
    await expectGatewayError(
      gateway.putKey(WEB_REF, 'k1', { secret: 'Strong-Key-123', endDateTime: inDays(800) }),
      'invalid',
      'InvalidApiKeyEndDateTime',
    );
    const sandbox = { subscriptionId: SANDBOX, resourceGroup: 'sandbox-rg', name: 'sandbox-nginx' };
    await expectGatewayError(
      gateway.putKey(sandbox, 'k1', { secret: 'Strong-Key-123', endDateTime: inDays(10) }),
      'invalid',
      'ReadOnlyDisabledSubscription',
    );
  });

  it('unauthenticated for a wrong token', async () => {
    const emulator = await useEmulator();
    const gateway = gatewayFor(emulator, { credential: staticTokenCredential('not-the-token') });
    await expectGatewayError(gateway.listSubscriptions(), 'unauthenticated', 'InvalidAuthenticationToken');
  });

  it('alreadyExists for a 409 that says so; unknown for a 5xx that does not stop', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({
      method: 'PUT',
      status: 409,
      code: 'ResourceAlreadyExists',
      message: 'The key already exists.',
    });
    await expectGatewayError(
      gatewayFor(emulator).putKey(WEB_REF, 'k1', { secret: 'Strong-Key-123', endDateTime: inDays(10) }),
      'alreadyExists',
      'ResourceAlreadyExists',
    );
    emulator.faults.add({ method: 'GET', status: 500, code: 'InternalServerError', times: -1 });
    const error = await expectGatewayError(
      gatewayFor(emulator).getDeployment(WEB_REF),
      'unknown',
      'InternalServerError',
    );
    expect(error.status).toBe(500);
  });

  it('forbidden for a 403', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({
      path: '/apiKeys/',
      status: 403,
      code: 'AuthorizationFailed',
      message:
        "The client does not have authorization to perform action 'Nginx.NginxPlus/nginxDeployments/apiKeys/read'.",
    });
    const error = await expectGatewayError(
      gatewayFor(emulator).getKey(WEB_REF, 'nlk-prod'),
      'forbidden',
      'AuthorizationFailed',
    );
    expect(error.plain).toContain('does not have authorization');
  });

  it('a 429 with Retry-After is retried by the SDK policy and then succeeds', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ method: 'GET', path: '/nginxDeployments/web-01', status: 429, retryAfter: 1, times: 1 });
    const web = await gatewayFor(emulator).getDeployment(WEB_REF);
    expect(web.name).toBe('web-01');
    expect(emulator.requests.filter((r) => r.path.endsWith('/web-01')).map((r) => r.status)).toEqual([429, 200]);
  });

  it('throttled when the 429s do not stop', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ path: '/nginxDeployments/web-01', status: 429, retryAfter: 0, times: -1 });
    const error = await expectGatewayError(gatewayFor(emulator).getDeployment(WEB_REF), 'throttled', 'TooManyRequests');
    expect(error.status).toBe(429);
  });

  it('network when nothing listens, and when the connection is reset', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const port = (probe.address() as { port: number }).port;
        probe.close(() => resolve(port));
      });
    });
    const emulator = await useEmulator();
    const nowhere = gatewayFor({ ...emulator, url: `https://127.0.0.1:${closed}` });
    await expectGatewayError(nowhere.listSubscriptions(), 'network', 'ECONNREFUSED');

    emulator.faults.add({ path: '/nginxDeployments/web-01', reset: true, times: -1 });
    await expectGatewayError(gatewayFor(emulator).getDeployment(WEB_REF), 'network');
  });

  it('a PUT committed before the connection dropped is retried by the SDK and answered 200 (replaced)', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ method: 'PUT', path: '/apiKeys/dropped', commitThenDrop: true, times: 1 });
    const gateway = gatewayFor(emulator);
    // So a caller that saw the name free (GET 404) must not trust 200 to mean "replaced".
    const result = await gateway.putKey(WEB_REF, 'dropped', { secret: 'Dropped-Key-123', endDateTime: inDays(5) });
    expect(result.created).toBe(false);
    expect(emulator.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['PUT dropped', 'PUT 200']);
    expect((await gateway.getKey(WEB_REF, 'dropped'))?.hint).toBe('Dro');
  });

  it('network, not cancelled, when Azure does not answer in time', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ path: '/nginxDeployments/web-01', delayMs: 2000, times: -1 });
    const error = await expectGatewayError(
      gatewayFor(emulator, { timeoutMs: 200 }).getDeployment(WEB_REF),
      'network',
      'ETIMEDOUT',
    );
    expect(error.message).toBe(`could not reach ${emulator.url}: no answer within 200 ms`);
  });

  it('cancelled when the signal aborts', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ path: '/nginxDeployments/web-01', delayMs: 2000 });
    const controller = new AbortController();
    const pending = gatewayFor(emulator).getDeployment(WEB_REF, { signal: controller.signal });
    // Aborted once the request is at the emulator (held there), not after a guessed 50 ms.
    void waitUntil(() => emulator.requests.length > 0, 10_000, 'the request').then(() => controller.abort());
    await expectGatewayError(pending, 'cancelled');
  });
});

describe('discovery', () => {
  it('finds every deployment in one Resource Graph query, with subscription names', async () => {
    const emulator = await useEmulator();
    const found = await gatewayFor(emulator).discoverDeployments({});
    expect(found.via).toBe('resource-graph');
    expect(found.searched.map((s) => s.displayName)).toEqual(['Contoso Production', 'Contoso Staging', 'Old Sandbox']);
    expect(found.deployments.map((d) => d.name)).toEqual([
      'api-gateway',
      'broken-01',
      'sandbox-nginx',
      'stage-upgrading',
      'stage-web',
      'web-01',
    ]);
    const api = found.deployments.find((d) => d.name === 'api-gateway');
    expect(api).toMatchObject({
      resourceGroup: 'edge-rg',
      subscriptionName: 'Contoso Production',
      provisioningState: 'Succeeded',
    });
    expect(emulator.requests.filter((r) => /resourcegraph/i.test(r.path))).toHaveLength(1);
  });

  it('follows $skipToken through Resource Graph pages', async () => {
    const emulator = await useEmulator({ pageSize: 2 });
    const found = await gatewayFor(emulator).discoverDeployments({ subscriptions: [PRODUCTION, STAGING] });
    expect(found.deployments).toHaveLength(5);
    expect(emulator.requests.filter((r) => /resourcegraph/i.test(r.path))).toHaveLength(3);
  });

  it('falls back to listing each subscription when Resource Graph is forbidden', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ path: 'Microsoft.ResourceGraph', status: 403, code: 'AuthorizationFailed', times: -1 });
    const lines: string[] = [];
    const found = await gatewayFor(emulator, { log: (l) => lines.push(l) }).discoverDeployments({});
    expect(found.via).toBe('per-subscription');
    expect(found.deployments).toHaveLength(6);
    expect(lines.join('\n')).toContain('Resource Graph unavailable');
  });

  it('a resource group across every subscription: those without it are not problems', async () => {
    const emulator = await useEmulator();
    const found = await gatewayFor(emulator).discoverDeployments({ resourceGroup: 'STAGING-RG' });
    expect(found.deployments.map((d) => d.name)).toEqual(['stage-upgrading', 'stage-web']);
    expect(found.problems).toEqual([]);
    const missing = await gatewayFor(emulator)
      .discoverDeployments({ subscriptions: [PRODUCTION], resourceGroup: 'nope-rg' })
      .catch((e: GatewayError) => e);
    expect((missing as GatewayError).code).toBe('ResourceGroupNotFound');
  });

  it('lists one resource group directly', async () => {
    const emulator = await useEmulator();
    const found = await gatewayFor(emulator).discoverDeployments({
      subscriptions: [STAGING],
      resourceGroup: 'staging-rg',
    });
    expect(found.via).toBe('direct');
    expect(found.deployments.map((d) => d.name)).toEqual(['stage-upgrading', 'stage-web']);
  });

  it('the default subscription is the only enabled one, or a clear error listing them', async () => {
    const emulator = await useEmulator();
    const error = await expectGatewayError(gatewayFor(emulator).defaultSubscription(), 'invalid');
    expect(error.message).toContain('Contoso Production');
    expect(error.message).toContain('--subscription');
    const single = await useEmulator({
      data: {
        subscriptions: [
          { subscriptionId: STAGING, displayName: 'Only', state: 'Enabled', tenantId: 't', resourceGroups: [] },
        ],
        deployments: [],
        keys: [],
      },
    });
    expect(await gatewayFor(single).defaultSubscription()).toBe(STAGING);
  });
});

describe('the dataplane check', () => {
  it('accepts the key it was created with, and refuses another', async () => {
    const emulator = await useEmulator();
    const gateway = gatewayFor(emulator);
    await gateway.putKey(WEB_REF, 'verify-me', { secret: 'Verify-Me-12345', endDateTime: inDays(3) });
    const endpoint = (await gateway.getDeployment(WEB_REF)).dataplaneApiEndpoint as string;
    expect(await gateway.verifyKey(endpoint, 'Verify-Me-12345')).toEqual({ ok: true, status: 200 });
    const wrong = await gateway.verifyKey(endpoint, 'Verify-Me-99999');
    expect(wrong).toMatchObject({ ok: false, status: 401 });
    expect(emulator.requests.filter((r) => r.authorization === 'apikey')).toHaveLength(2);
  });
});
