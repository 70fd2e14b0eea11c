/**
 * The NGINX Plus API calls the consumers make, as the emulator answers them: nginx-asg-sync's first
 * `GET …/nplus/9/{http|stream}/upstreams/<u>/servers`, and the server changes it and NLK send
 * (POST, PATCH, DELETE of `…/servers/<id>`), each behind the same ApiKey check as /packages (401 on
 * a bad key, nothing changed). Then the real client asks the same address with a key, as --apply's
 * pre-test does.
 */
import { describe, expect, it } from 'vitest';
import { gatewayFor, raw, sampleWeb, useEmulator } from '../helpers/emulator';

const apiKey = (secret: string) => ({ authorization: `ApiKey ${Buffer.from(secret).toString('base64')}` });

async function web() {
  const emulator = await useEmulator();
  const { secretOf, endpoint } = sampleWeb(emulator);
  const path = `${new URL(endpoint()).pathname}nplus/9`;
  return { emulator, key: secretOf('nlk-prod') as string, path, endpoint };
}

describe('emulator: the NGINX Plus API of upstreams', () => {
  it('lists an upstream’s servers with a good key, and refuses a bad one with 401', async () => {
    const { emulator, key, path } = await web();
    const servers = await raw(emulator, 'GET', `${path}/http/upstreams/backend-one/servers`, { headers: apiKey(key) });
    expect(servers.status).toBe(200);
    expect(servers.body.map((s: { server: string }) => s.server)).toEqual(['10.0.0.4:80', '10.0.0.5:80']);
    const stream = await raw(emulator, 'GET', `${path}/stream/upstreams/tcp-backend/servers`, { headers: apiKey(key) });
    expect(stream.body).toEqual([{ id: 0, server: '10.0.1.4:5432', max_fails: 1 }]);
    const refused = await raw(emulator, 'GET', `${path}/http/upstreams/backend-one/servers`, {
      headers: apiKey('not-a-key-of-web-01'),
    });
    expect([refused.status, refused.body.error.code]).toEqual([401, 'Unauthorized']);
    const listed = await raw(emulator, 'GET', `${path}/http/upstreams`, { headers: apiKey(key) });
    expect(Object.keys(listed.body)).toEqual(['backend-one']);
  });

  it('an upstream of the other kind, or none of that name, is 404', async () => {
    const { emulator, key, path } = await web();
    const wrongKind = await raw(emulator, 'GET', `${path}/stream/upstreams/backend-one/servers`, {
      headers: apiKey(key),
    });
    expect([wrongKind.status, wrongKind.body.error.code]).toEqual([404, 'UpstreamNotFound']);
    expect((await raw(emulator, 'GET', `${path}/http/upstreams/nope/servers`, { headers: apiKey(key) })).status).toBe(
      404,
    );
  });

  it('adds, changes and removes servers as nginx-asg-sync does; a bad key changes nothing', async () => {
    const { emulator, key, path } = await web();
    const servers = `${path}/http/upstreams/backend-one/servers`;
    const added = await raw(emulator, 'POST', servers, {
      headers: apiKey(key),
      body: { server: '10.0.0.6:80', max_fails: 1, fail_timeout: '10s', unknown: 'dropped' },
    });
    expect([added.status, added.body]).toEqual([
      201,
      { server: '10.0.0.6:80', max_fails: 1, fail_timeout: '10s', id: 2 },
    ]);
    const drained = await raw(emulator, 'PATCH', `${servers}/0`, { headers: apiKey(key), body: { drain: true } });
    expect([drained.status, drained.body.drain, drained.body.id]).toEqual([200, true, 0]);
    const left = await raw(emulator, 'DELETE', `${servers}/1`, { headers: apiKey(key) });
    expect(left.body.map((s: { id: number }) => s.id)).toEqual([0, 2]);
    const refused = await raw(emulator, 'DELETE', `${servers}/0`, { headers: apiKey('not-a-key-of-web-01') });
    expect(refused.status).toBe(401);
    const now = await raw(emulator, 'GET', servers, { headers: apiKey(key) });
    expect(now.body.map((s: { server: string }) => s.server)).toEqual(['10.0.0.4:80', '10.0.0.6:80']);
    expect((await raw(emulator, 'PATCH', `${servers}/9`, { headers: apiKey(key), body: {} })).status).toBe(404);
    expect((await raw(emulator, 'POST', servers, { headers: apiKey(key), body: { weight: 2 } })).status).toBe(400);
    expect((await raw(emulator, 'PUT', servers, { headers: apiKey(key), body: {} })).status).toBe(405);
  });

  it('the real client asks that address with a key, as the asg-sync pre-test does', async () => {
    const { emulator, key, endpoint } = await web();
    const gateway = gatewayFor(emulator);
    const url = `${endpoint()}nplus/9/http/upstreams/backend-one/servers`;
    expect(await gateway.verifyKey(endpoint(), key, { url })).toEqual({ ok: true, status: 200 });
    const refused = await gateway.verifyKey(endpoint(), 'not-a-key-of-web-01', { url });
    expect(refused).toMatchObject({ ok: false, status: 401 });
    const missing = await gateway.verifyKey(endpoint(), key, { url: url.replace('backend-one', 'nope') });
    expect(missing).toMatchObject({ ok: false, status: 404 });
    expect(
      emulator.requests.filter((r) => r.path.endsWith('/servers')).map((r) => `${r.authorization} ${r.status}`),
    ).toEqual(['apikey 200', 'apikey 401', 'apikey 404']);
  });
});
