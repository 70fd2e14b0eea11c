/**
 * Issue 19 through the built binary against the emulator: hostile or broken servers, pipes that
 * close, inputs that never end, names that would change the ARM path, and fleet checks that read
 * nothing. Every run ends by itself, in words, with the right exit code.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { cliWorld, runCli } from '../helpers/cli';
import { BIN, KEY, runInPty, walkToReview } from '../helpers/pty';
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

  it('an oversized body is not read past the cap', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'GET', path: '/apiKeys', oversizedMb: 40 });
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

describe('inputs that never end, and names that move the path', () => {
  it.each([
    [['--arm-ca', '/dev/zero'], "the CA file '/dev/zero' is not a regular file"],
    [['-g', '..'], "the resource group '..' must not end in '.'"],
    [['-g', 'a?b=c'], "the resource group 'a?b=c' has '?' at position 2"],
    [['--subscription', 'not-a-guid'], "'not-a-guid' is not a subscription id"],
    [['--name', 'a', '--name', 'b'], '--name is given twice'],
  ])('list %j is refused before any request (exit 2)', async (extra, words) => {
    const { env, emulator } = await cliWorld();
    const args = extra.includes('--name') ? ['show', '-d', 'web-01', ...extra] : ['list', '-d', 'web-01', ...extra];
    const result = await runCli(args, { env });
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(words)]);
    expect(emulator.requests).toHaveLength(0);
  });

  it('a resource id with /resourceGroups/../ is refused', async () => {
    const { env, emulator } = await cliWorld();
    const id = `/subscriptions/${PRODUCTION}/resourceGroups/../providers/Nginx.NginxPlus/nginxDeployments/web-01`;
    const result = await runCli(['list', '-d', id], { env });
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('is not the resource id')]);
    expect(emulator.requests).toHaveLength(0);
  });

  it('a FIFO as --secret-file is refused at once, and so is a FIFO as the demo world', async () => {
    const { env, emulator } = await cliWorld();
    const dir = tempDir();
    const fifo = join(dir, 'key.fifo');
    execFileSync('mkfifo', [fifo]);
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'fifo', '--secret-file', fifo], { env });
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('is not a regular file')]);
    expect(emulator.requests).toHaveLength(0);
    mkdirSync(join(dir, 'nginxaas-keys'));
    execFileSync('mkfifo', [join(dir, 'nginxaas-keys', 'demo-world.json')]);
    const demo = await runCli(['list', '--demo', '-d', 'web-01'], { env: { XDG_STATE_HOME: dir } });
    expect([demo.code, demo.stderr]).toEqual([1, expect.stringContaining('is not a regular file')]);
  });

  it('--secret-out x --emit env=./x is one file spelled twice', async () => {
    const { env } = await cliWorld();
    const dir = tempDir();
    const result = await runCli(
      ['create', ...WEB_ARGV, '--name', 'twice', '--secret-out', join(dir, 'x'), '--emit', `env=${dir}/./x`],
      { env },
    );
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('are the same file')]);
  });
});

describe('rotation and delete under faults', () => {
  it('a failing final DELETE: "stopped at retire", the command that finishes it, JSON on stdout', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({
      method: 'DELETE',
      status: 409,
      code: 'Conflict',
      message: 'deployment is updating',
      times: -1,
    });
    const file = join(tempDir(), 'new.key');
    const result = await runCli(
      ['rotate', ...WEB_ARGV, '--name', 'asg-sync', '--yes', '--secret-out', file, '-o', 'json'],
      {
        env: { ...env, NGINXAAS_KEYS_VERIFY_WAIT_MS: '2000' },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "Rotation stopped at retire: deleting 'asg-sync' failed: deployment is updating (Conflict)",
    );
    expect(result.stderr).toMatch(/To finish, once it is unused: nginxaas-keys delete .*--name asg-sync --yes/);
    const document = json(result.stdout);
    expect(document.stoppedAt).toMatchObject({ stage: 'retire' });
    expect(secretOf('asg-sync')).toBeDefined();
    expect(secretOf(document.name)).toBeDefined();
  });

  it('Ctrl+C during the final DELETE lets it finish; a second one leaves, saying the old key may be gone and how to check', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({ method: 'DELETE', delayMs: 4_000, times: -1 });
    const file = join(tempDir(), 'new.key');
    const rotate = (extra: string[]) =>
      runInPty(process.execPath, [BIN, 'rotate', ...WEB_ARGV, '--yes', '--secret-out', ...extra], env, {
        cols: 200,
        rows: 30,
      });
    const once = rotate([file, '--name', 'asg-sync']);
    // The status line says what is awaited once the DELETE has taken two seconds.
    await once.waitFor("waiting for Azure: deleting key 'asg-sync'");
    once.pty.write(KEY.ctrlC);
    expect(await once.exit).toBe(0);
    expect(once.text()).not.toContain('Cancelled');
    expect(secretOf('asg-sync')).toBeUndefined();

    const twice = rotate([`${file}2`, '--name', 'nlk-prod']);
    await twice.waitFor("waiting for Azure: deleting key 'nlk-prod'");
    await twice.type(KEY.ctrlC, KEY.ctrlC);
    expect(await twice.exit).toBe(130);
    expect(twice.text().replace(/\s+/g, ' ')).toMatch(
      /Rotation stopped at retire: deleting 'nlk-prod' got no answer \(.*\); it may be gone already: check with nginxaas-keys show .*--name nlk-prod/,
    );
  });

  it('a delete whose answer was lost and was retried says "Deleted", not "already gone"', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({ method: 'DELETE', commitThenDrop: true });
    const result = await runCli(['delete', ...WEB_ARGV, '--name', 'asg-sync', '--yes'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Deleted key 'asg-sync'");
    expect(secretOf('asg-sync')).toBeUndefined();
  });
});

describe('signals during every wait', () => {
  it('SIGTERM while the hidden prompt of --secret-stdin waits: exit 130 at once, nothing sent', async () => {
    const { env, emulator } = await cliWorld();
    const run = runInPty(process.execPath, [BIN, 'create', ...WEB_ARGV, '--name', 'typed', '--secret-stdin'], env, {
      cols: 100,
      rows: 20,
    });
    await run.waitFor('Key (hidden)');
    run.pty.kill('SIGTERM');
    expect(await run.exit).toBe(130);
    expect(emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('Ctrl+C while rotate checks the new key: stopped there, both keys named, exit 130, the old key kept', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    // The dataplane refuses for now, so the check keeps waiting.
    emulator.faults.add({ method: 'GET', path: '/packages', status: 401, times: -1 });
    const file = join(tempDir(), 'new.key');
    const run = runInPty(
      process.execPath,
      [BIN, 'rotate', ...WEB_ARGV, '--name', 'asg-sync', '--yes', '--secret-out', file],
      {
        ...env,
        NGINXAAS_KEYS_VERIFY_WAIT_MS: '60000',
      },
    );
    await run.waitFor('The dataplane does not take the key yet');
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
    expect(run.text().replace(/\s+/g, ' ')).toContain(
      'Rotation stopped at verify: cancelled while the new key was being checked. Both keys are in place',
    );
    expect(secretOf('asg-sync')).toBeDefined();
  });
});

describe('test hygiene', () => {
  it('the suite runs inside a temporary folder of its own, removed at the end', () => {
    expect(process.env.TMPDIR).toMatch(/nginxaas-keys-tests-/);
    writeFileSync(join(tempDir(), 'probe'), 'x');
  });
});

describe('every server string through printable()', () => {
  const OSC_TITLE = '\u001b]0;owned\u0007';
  const OSC_CLIPBOARD = '\u001b]52;c;b3duZWQ=\u0007';
  /** The sample world, with subscriptions whose id and name carry terminal commands. */
  async function hostileWorld(onlyTheHostile = false) {
    const { sampleData } = await import('../../src/emulator/sample-data');
    const data = sampleData(new Date());
    const hostile = {
      subscriptionId: `${OSC_TITLE}44444444-5555-4666-8777-888888888888`,
      displayName: `Billing ${OSC_CLIPBOARD}`,
      state: 'Enabled' as const,
      tenantId: data.subscriptions[0]!.tenantId,
      resourceGroups: ['evil-rg'],
    };
    data.subscriptions = onlyTheHostile ? [hostile] : [...data.subscriptions, hostile];
    data.deployments.push({
      ...data.deployments[0]!,
      subscriptionId: hostile.subscriptionId,
      resourceGroup: 'evil-rg',
      name: 'evil-01',
    });
    for (const subscription of data.subscriptions)
      if (subscription.subscriptionId === PRODUCTION) subscription.displayName = `Production ${OSC_TITLE}`;
    return cliWorld({ data });
  }

  it('the wizard draws a subscription whose id and name hold OSC sequences escaped, never raw', async () => {
    const { env } = await hostileWorld();
    const run = runInPty(process.execPath, [BIN], env, { cols: 120, rows: 30 });
    await run.waitFor('web-01');
    expect(run.screen()).toContain('Production \\x1b]0;owned');
    await run.type(...'evil', KEY.enter);
    await walkToReview(run, 'hostile');
    // The id itself, as GET /subscriptions gave it, escaped in the review.
    expect(run.screen()).toContain('Subscription ID  \\x1b]0;owned\\x0744444444-5555-4666-8777-888888888888\n');
    run.pty.write(KEY.ctrlC);
    await run.exit;
    expect(run.raw()).not.toContain('\u001b]0;');
    expect(run.raw()).not.toContain('\u001b]52;');
  });

  it("list -o json carries the subscription's real name (escaping is for the terminal only)", async () => {
    const { env } = await hostileWorld();
    const result = await runCli(['list', '--all', '-o', 'json'], { env });
    const document = json(result.stdout);
    const names = document.deployments.map(
      (d: { deployment: { subscriptionName?: string } }) => d.deployment.subscriptionName,
    );
    expect(names).toContain(`Production ${OSC_TITLE}`);
    expect(names).toContain(`Billing ${OSC_CLIPBOARD}`);
    // JSON writes the control characters as \u001b: nothing raw reaches a terminal.
    expect(result.stdout).not.toContain('\u001b');
  });

  it('show, with the only visible subscription named by such an id, says it escaped on stderr', async () => {
    const { env } = await hostileWorld(true);
    const result = await runCli(['show', '-d', 'web-01', '-g', 'edge-rg', '--name', 'nlk-prod'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('\\x1b]0;owned\\x07');
    expect(result.stderr).not.toContain('\u001b');
  });
});
