/**
 * Hostile or broken servers, through the built binary against the emulator: pages that loop, a
 * body that trickles or never ends, answers far too large, 2xx without what was asked for, a
 * fleet check that read nothing. Every run ends by itself, in words, with the right exit code.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorld, runCli } from '../helpers/cli';
import { json } from '../helpers/schemas';
import { useTempDir } from '../helpers/temp';
import { WEB_ARGV } from '../helpers/sample';

const tempDir = useTempDir('ends-');
const keyRequests = (emulator: Awaited<ReturnType<typeof cliWorld>>['emulator']) =>
  emulator.requests.filter((r) => r.path.includes('/apiKeys'));

describe('hostile or broken servers', () => {
  it('a list whose nextLink names itself is followed once, then stopped in words', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'GET', path: '/apiKeys?', loopPages: true, times: -1 });
    const result = await runCli(['list', ...WEB_ARGV], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('named a page it had already given');
    expect(keyRequests(emulator).length).toBeLessThan(5);
  });

  it('Resource Graph giving the same $skipToken again is stopped too (then each subscription is listed)', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'POST', path: 'resourcegraph', loopPages: true, times: -1 });
    const result = await runCli(['list', '--all', '--verbose'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(emulator.requests.filter((r) => r.method === 'POST').length).toBeLessThan(5);
    expect(result.stdout).toContain('nlk-prod');
  });

  it('a body that trickles a byte a second ends at the request deadline', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'GET', path: '/apiKeys', trickle: true, times: -1 });
    const started = Date.now();
    const result = await runCli(['list', ...WEB_ARGV], { env: { ...env, NGINXAAS_KEYS_REQUEST_TIMEOUT_MS: '1500' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no complete answer within 5 s');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a 600 MB answer is not read past the 32 MiB cap', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'GET', path: '/apiKeys', oversizedMb: 600 });
    const result = await runCli(['list', ...WEB_ARGV], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the answer from 127\.0\.0\.1:\d+ was larger than 32 MiB; it was not read/);
    expect(result.stderr).not.toContain('ERR_STRING_TOO_LONG');
  });

  it.each([
    ['an empty body', ''],
    ['an HTML page', '<html><body>Service Unavailable</body></html>'],
  ])('a 200 with %s names the operation, no stack', async (what, text) => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'GET', path: '/apiKeys', status: 200, text, times: -1 });
    const result = await runCli(['list', ...WEB_ARGV], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`answered GET /subscriptions/.*/apiKeys with HTTP 200 but ${what}`));
    expect(result.stderr).not.toMatch(/Cannot read properties|at .*\.js:\d+/);
  });

  it.each([
    ['a list without its value', ['list'], '/apiKeys?', {}, "no 'value' list"],
    ['a listed key without a name', ['list'], '/apiKeys?', { value: [{ properties: {} }] }, 'a key without a name'],
    ['a key without a name', ['show', '--name', 'nlk-prod'], '/apiKeys/nlk-prod', {}, 'a key without a name'],
    ['a deployment without an id', ['show', '--name', 'nlk-prod'], /web-01\?/.source, {}, 'a deployment without an id'],
  ])(
    'a 200 with %s is named, never shown as empty or as a key called nothing (exit 1)',
    async (_l, args, path, body, what) => {
      const { env, emulator } = await cliWorld();
      emulator.faults.add({ method: 'GET', path, status: 200, body, times: -1 });
      const [command, ...rest] = args;
      const result = await runCli([command!, ...WEB_ARGV, ...rest], { env });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`answered GET /subscriptions/\\S+ with HTTP 200 but ${what}`));
      expect(result.stdout).toBe('');
    },
  );

  it('a subscription without an id in GET /subscriptions is named too', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'GET', path: '^/subscriptions\\?', status: 200, body: { value: [{}] }, times: -1 });
    const result = await runCli(['list', '--all'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('answered GET /subscriptions with HTTP 200 but a subscription without an id');
    expect(result.stderr).not.toMatch(/Cannot read properties/);
  });

  it.each([
    ['an HTML page after a PUT that was carried out', { method: 'PUT', text: '<html>ok</html>' }],
    ['202 Accepted on the PUT', { method: 'PUT', okStatus: 202 }],
  ])('%s: settled with a GET, the key file kept, exit 0', async (_label, fault) => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add(fault);
    const file = join(tempDir(), 'k.key');
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'settled', '--secret-out', file], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('a check found the key, so it was created');
    expect(secretOf('settled')).toBeDefined();
  });

  it('one key with an expiry that is no time is shown as unknown; the rest of the fleet is listed', async () => {
    const { env, emulator, web } = await cliWorld();
    emulator.world.putKey(web(), 'bad-date', 'Bad-Date-Secret-1', 'not a time');
    emulator.world.putKey(web(), 'far-away', 'Far-Away-Secret-1', '+275760-09-13T00:00:00.000Z');
    const result = await runCli(['list', '--all'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/bad-date .*unknown \(expiry unknown\)\s+unknown/);
    expect(result.stdout).toContain('+275760-09-13 00:00 UTC');
    expect(result.stdout).toContain('nlk-prod');
    const window = await runCli(['list', '--all', '--expiring-within', '30', '-o', 'json'], { env });
    expect(window.code).toBe(3);
    const bad = json(window.stdout)
      .deployments.flatMap((d: { keys: { name: string }[] }) => d.keys)
      .find((k: { name: string }) => k.name === 'bad-date');
    expect(bad).toMatchObject({ status: 'unknown', endDateTime: null, daysLeft: null });
  });
});

describe('a fleet check that read nothing is not fine', () => {
  it('every key read refused: exit 1 in text and JSON, with the unread count', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'GET', path: '/apiKeys', status: 403, code: 'AuthorizationFailed', times: -1 });
    const text = await runCli(['list', '--all', '--expiring-within', '30'], { env });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('The keys of 6 deployments could not be read: this check is incomplete.');
    const asJson = await runCli(['list', '--all', '--expiring-within', '30', '-o', 'json'], { env });
    expect(asJson.code).toBe(1);
    expect(json(asJson.stdout).summary).toMatchObject({ keys: 0, unreadDeployments: 6 });
  });
});
