/** The emulator's own answers, read with plain HTTPS requests (no SDK in between). */
import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:https';
import { PRODUCTION, SANDBOX, sampleData } from '../../src/emulator/sample-data';
import { API, raw, useEmulator } from '../helpers/emulator';
import { inDays } from '../helpers/sample';
import { waitUntil } from '../helpers/wait';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('emulator-');

const web01 = `/subscriptions/${PRODUCTION}/resourceGroups/edge-rg/providers/Nginx.NginxPlus/nginxDeployments/web-01`;
const isoInDays = (days: number) => inDays(days).toISOString();
const put = (secretText: string | undefined, endDateTime?: string) => ({
  properties: { ...(secretText ? { secretText } : {}), ...(endDateTime ? { endDateTime } : {}) },
});

describe('emulator: ARM rules', () => {
  it.each([
    ['no token', { token: null }, 401, 'AuthenticationFailed'],
    ['a wrong token', { token: 'guess' }, 401, 'InvalidAuthenticationToken'],
  ])('refuses %s', async (_what, options, status, code) => {
    const emulator = await useEmulator();
    const answer = await raw(emulator, 'GET', `${web01}?${API}`, options);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
  });

  it('requires a supported api-version', async () => {
    const emulator = await useEmulator();
    expect((await raw(emulator, 'GET', web01)).body.error.code).toBe('MissingApiVersionParameter');
    const old = await raw(emulator, 'GET', `${web01}?api-version=2023-04-01`);
    expect(old.status).toBe(400);
    expect(old.body.error.code).toBe('NoRegisteredProviderFound');
    expect(old.body.error.message).toContain('2025-11-01');
  });

  it('matches provider and names without case, and answers 404 envelopes for what is missing', async () => {
    const emulator = await useEmulator();
    expect(
      (await raw(emulator, 'GET', `${web01.toUpperCase().replace(PRODUCTION.toUpperCase(), PRODUCTION)}?${API}`))
        .status,
    ).toBe(200);
    const group = await raw(emulator, 'GET', `${web01.replace('edge-rg', 'gone-rg')}?${API}`);
    expect([group.status, group.body.error.code]).toEqual([404, 'ResourceGroupNotFound']);
    const deployment = await raw(emulator, 'GET', `${web01}-x/apiKeys?${API}`);
    expect([deployment.status, deployment.body.error.code]).toEqual([404, 'ResourceNotFound']);
    const key = await raw(emulator, 'GET', `${web01}/apiKeys/none?${API}`);
    expect([key.status, key.body.error.code]).toEqual([404, 'ResourceNotFound']);
    const sub = await raw(
      emulator,
      'GET',
      `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Nginx.NginxPlus/nginxDeployments?${API}`,
    );
    expect(sub.body.error.code).toBe('SubscriptionNotFound');
  });

  it('lists subscriptions with one disabled', async () => {
    const emulator = await useEmulator();
    const answer = await raw(emulator, 'GET', '/subscriptions?api-version=2022-12-01');
    expect(answer.body.value.map((s: { state: string }) => s.state)).toEqual(['Enabled', 'Enabled', 'Disabled']);
  });

  it('PUT: 201 then 200, hint only, default expiry six months when omitted', { tags: ['clock'] }, async () => {
    const emulator = await useEmulator();
    const first = await raw(emulator, 'PUT', `${web01}/apiKeys/new-one?${API}`, { body: put('Abc-def-ghi-123') });
    expect(first.status).toBe(201);
    expect(first.body.properties).toEqual({ hint: 'Abc', endDateTime: expect.any(String) });
    expect(first.text).not.toContain('def-ghi');
    const days = (new Date(first.body.properties.endDateTime).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(180);
    expect(days).toBeLessThan(185);
    const second = await raw(emulator, 'PUT', `${web01}/apiKeys/new-one?${API}`, {
      body: put(undefined, isoInDays(9)),
    });
    expect(second.status).toBe(200);
    expect(second.body.properties.hint).toBe('Abc');
    expect(second.body.type).toBe('Nginx.NginxPlus/nginxDeployments/apiKeys');
  });

  it.each([
    ['a short key', 'InvalidApiKeySecret', put('Ab1-', isoInDays(9))],
    ['two classes', 'InvalidApiKeySecret', put('abcdefgh12345', isoInDays(9))],
    ['no key at all', 'InvalidApiKeySecret', put(undefined, isoInDays(9))],
    ['a past end', 'InvalidApiKeyEndDateTime', put('Abc-def-ghi-123', isoInDays(-1))],
    ['an end beyond two years', 'InvalidApiKeyEndDateTime', put('Abc-def-ghi-123', isoInDays(732))],
    ['a date that is no date', 'InvalidApiKeyEndDateTime', put('Abc-def-ghi-123', 'next tuesday')],
  ])('PUT with %s answers 400 %s', async (_what, code, body) => {
    const emulator = await useEmulator();
    const answer = await raw(emulator, 'PUT', `${web01}/apiKeys/bad?${API}`, { body });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.message.length).toBeGreaterThan(10);
  });

  it('refuses a bad key name, a disabled subscription and a failed deployment', async () => {
    const emulator = await useEmulator();
    const name = await raw(emulator, 'PUT', `${web01}/apiKeys/bad_name?${API}`, { body: put('Abc-def-ghi-123') });
    expect([name.status, name.body.error.code]).toEqual([400, 'InvalidResourceName']);
    const disabled = await raw(
      emulator,
      'PUT',
      `/subscriptions/${SANDBOX}/resourceGroups/sandbox-rg/providers/Nginx.NginxPlus/nginxDeployments/sandbox-nginx/apiKeys/k?${API}`,
      { body: put('Abc-def-ghi-123') },
    );
    expect([disabled.status, disabled.body.error.code]).toEqual([409, 'ReadOnlyDisabledSubscription']);
    const failed = await raw(
      emulator,
      'PUT',
      `/subscriptions/${PRODUCTION}/resourceGroups/platform-rg/providers/Nginx.NginxPlus/nginxDeployments/broken-01/apiKeys/k?${API}`,
      { body: put('Abc-def-ghi-123') },
    );
    expect(failed.status).toBe(409);
  });

  it('DELETE answers 200, then 204', async () => {
    const emulator = await useEmulator();
    expect((await raw(emulator, 'DELETE', `${web01}/apiKeys/nlk-prod?${API}`)).status).toBe(200);
    expect((await raw(emulator, 'DELETE', `${web01}/apiKeys/nlk-prod?${API}`)).status).toBe(204);
  });
});

describe('emulator: dataplane', () => {
  async function withKey() {
    const emulator = await useEmulator();
    await raw(emulator, 'PUT', `${web01}/apiKeys/dp?${API}`, { body: put('Dataplane-Key-1', isoInDays(3)) });
    const endpoint = (await raw(emulator, 'GET', `${web01}?${API}`)).body.properties.dataplaneApiEndpoint as string;
    return { emulator, endpoint, path: new URL(endpoint).pathname };
  }
  const apiKey = (secret: string) => ({ authorization: `ApiKey ${Buffer.from(secret).toString('base64')}` });

  it('lets in only ApiKey base64(secret) of a live key of that deployment', async () => {
    const { emulator, path } = await withKey();
    const ok = await raw(emulator, 'GET', `${path}packages`, { headers: apiKey('Dataplane-Key-1') });
    expect(ok.status).toBe(200);
    expect(ok.body.packages[0].name).toBe('nginx-plus');
    expect(
      (await raw(emulator, 'GET', `${path}nplus/9/http/upstreams`, { headers: apiKey('Dataplane-Key-1') })).status,
    ).toBe(200);
    expect((await raw(emulator, 'GET', `${path}packages`, { headers: apiKey('Dataplane-Key-2') })).status).toBe(401);
    expect(
      (await raw(emulator, 'GET', `${path}packages`, { headers: { authorization: 'ApiKey Dataplane-Key-1' } })).status,
    ).toBe(401);
    expect((await raw(emulator, 'GET', `${path}packages`)).status).toBe(401);
    // A bearer token is not a dataplane key.
    expect((await raw(emulator, 'GET', `${path}packages`, { token: emulator.token })).status).toBe(401);
  });

  it('refuses an expired key and a key of another deployment', async () => {
    const { emulator, path } = await withKey();
    const apiGateway = emulator.world.deployment(PRODUCTION, 'edge-rg', 'api-gateway')!;
    const expired = emulator.world.key(apiGateway, 'old-ci')!;
    const otherPath = `/${emulator.world.endpointHost(apiGateway)}/`;
    const answer = await raw(emulator, 'GET', `${otherPath}packages`, { headers: apiKey(expired.secret) });
    expect([answer.status, answer.body.error.code]).toEqual([401, 'KeyExpired']);
    const webKey = emulator.world.key(emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!, 'nlk-prod')!;
    expect((await raw(emulator, 'GET', `${otherPath}packages`, { headers: apiKey(webKey.secret) })).status).toBe(401);
    expect((await raw(emulator, 'GET', `${path}packages`, { headers: apiKey(webKey.secret) })).status).toBe(200);
  });

  it('serves a deployment by its Host header too', async () => {
    const { emulator, path } = await withKey();
    const host = path.split('/')[1] as string;
    const status = await new Promise<number>((resolve, reject) => {
      request(
        `${emulator.url}/packages`,
        { ca: emulator.caPem, checkServerIdentity: () => undefined, headers: { host, ...apiKey('Dataplane-Key-1') } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
  });
});

describe('emulator: faults and state', () => {
  it('answers an injected status with Retry-After N times, then normally', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ method: 'GET', path: '/subscriptions', status: 429, retryAfter: 7, times: 2 });
    const first = await raw(emulator, 'GET', '/subscriptions?api-version=2022-12-01');
    expect([first.status, first.headers['retry-after'], first.body.error.code]).toEqual([429, '7', 'TooManyRequests']);
    expect((await raw(emulator, 'GET', '/subscriptions?api-version=2022-12-01')).status).toBe(429);
    expect((await raw(emulator, 'GET', '/subscriptions?api-version=2022-12-01')).status).toBe(200);
  });

  it('takes faults over its control route, with the token', async () => {
    const emulator = await useEmulator();
    expect((await raw(emulator, 'POST', '/_emulator/faults', { token: null, body: { status: 500 } })).status).toBe(401);
    expect(
      (await raw(emulator, 'POST', '/_emulator/faults', { body: { path: 'web-01', status: 503, times: 1 } })).status,
    ).toBe(201);
    expect((await raw(emulator, 'GET', `${web01}?${API}`)).status).toBe(503);
    expect((await raw(emulator, 'GET', `${web01}?${API}`)).status).toBe(200);
    const log = await raw(emulator, 'GET', '/_emulator/requests');
    expect(
      log.body.filter((r: { path: string }) => r.path.endsWith('web-01')).map((r: { status: number }) => r.status),
    ).toEqual([503, 200]);
  });

  it('delays, and resets the connection', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ path: 'web-01', delayMs: 300 });
    const answer = raw(emulator, 'GET', `${web01}?${API}`);
    // Held: the request is in the log, its answer not yet given.
    await waitUntil(() => emulator.requests.length > 0, 10_000, 'the request to arrive');
    expect(emulator.requests[0]?.status).toBe('dropped');
    expect((await answer).status).toBe(200);
    emulator.faults.add({ path: 'web-01', reset: true });
    await expect(raw(emulator, 'GET', `${web01}?${API}`)).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('holds a request at a barrier until another has been answered, then carries it out', async () => {
    const emulator = await useEmulator();
    const key = `${web01}/apiKeys/raced`;
    emulator.faults.add({
      method: 'PUT',
      path: '/apiKeys/raced',
      holdUntil: { method: 'GET', path: '/apiKeys/raced', count: 1 },
    });
    let getSent = false;
    const held = raw(emulator, 'PUT', `${key}?${API}`, { body: put('Raced-Secret-001', isoInDays(9)) }).then(
      (answer) => ({ status: answer.status, getSent }),
    );
    await waitUntil(() => emulator.requests.some((r) => r.method === 'PUT'), 10_000, 'the PUT to arrive');
    expect(emulator.requests.find((r) => r.method === 'PUT')?.status).toBe('dropped');
    getSent = true;
    expect((await raw(emulator, 'GET', `${key}?${API}`)).status).toBe(404);
    expect(await held).toEqual({ status: 201, getSent: true });
  });

  it('lets a request held at a barrier go on after its deadline', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ method: 'PUT', holdUntil: { method: 'GET', path: '/never', count: 1, timeoutMs: 200 } });
    const answer = await raw(emulator, 'PUT', `${web01}/apiKeys/late?${API}`, {
      body: put('Late-Secret-0001', isoInDays(9)),
    });
    expect(answer.status).toBe(201);
  });

  it('keeps its world in a --state file written with mode 0600', async () => {
    const file = join(tempDir(), 'state.json');
    const emulator = await useEmulator({ statePath: file });
    await raw(emulator, 'PUT', `${web01}/apiKeys/kept?${API}`, { body: put('Kept-Key-12345', isoInDays(9)) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.keys.find((k: { name: string }) => k.name === 'kept').secret).toBe('Kept-Key-12345');
  });
});

describe('emulator: the sample world', () => {
  it('its keys never share a hint, however the values fall: each re-sent value can be proven', () => {
    // Values that begin alike by turns: every other draw repeats the hint of the one before.
    let draw = 0;
    const alike = () => {
      draw += 1;
      const lead = Math.floor(draw / 2)
        .toString(16)
        .padStart(3, '0');
      return `${lead}${'0'.repeat(5)}-1111-4222-8333-444455556666`;
    };
    const hints = sampleData(new Date(), alike).keys.map((k) => k.secret.slice(0, 3));
    expect(hints.length).toBeGreaterThan(3);
    expect(new Set(hints).size).toBe(hints.length);
  });
});
