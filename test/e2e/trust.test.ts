/**
 * Issue 8's failures, each through the built binary against the HTTPS emulator: lost answers,
 * signals, paths that would fail after the key exists, oversized keys, the emulator's files,
 * unknown words on the command line, throttling, and text from the network on a terminal.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { cliWorld, envFor, runCli } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { makeFakeAz } from '../helpers/fake-az';
import { BIN } from '../helpers/pty';
import { WEB_ARGV } from '../helpers/sample';
import { waitUntil } from '../helpers/wait';

const world = cliWorld;

describe('6. unknown words on the command line', () => {
  it('help for an unknown command exits 2 with a message, not a crash', async () => {
    const result = await runCli(['help', 'bogus']);
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([
      2,
      "error: no help for unknown command 'bogus'; the commands are create, list, show, delete, rotate, extend, status, endpoint, emulator, config, history, completion",
    ]);
    expect(result.stderr).not.toMatch(/TypeError|\n\s+at /);
    expect((await runCli(['help', 'create'])).stdout).toContain('--secret-out');
  });

  it('a key pasted as the first word is never echoed; a typo gets the nearest command', async () => {
    const pasted = await runCli(['Zq7-secretABCDEF']);
    expect(pasted.code).toBe(2);
    expect(pasted.stderr).toContain('unknown command (not shown)');
    expect(pasted.stderr).not.toContain('Zq7');
    const typo = await runCli(['crate', '-d', 'x']);
    expect([typo.code, typo.stderr.split('\n')[0]]).toEqual([
      2,
      "error: unknown command 'crate'; did you mean 'create'?",
    ]);
    const flag = await runCli(['list', '--subscripton', 'x']);
    expect(flag.stderr.split('\n')[0]).toBe("error: unknown option '--subscripton'; did you mean '--subscription'?");
  });
});

describe('8. text from the network on a terminal', () => {
  it('an escape sequence in an ARM error message or a key hint is shown escaped', async () => {
    const { env, emulator, web } = await world();
    emulator.faults.add({
      method: 'GET',
      path: '/apiKeys/evil',
      status: 400,
      code: 'Bad\u001b[2J',
      message: 'owned \u001b]0;title\u0007 \u001b[31mred',
    });
    const failed = await runCli(['show', ...WEB_ARGV, '--name', 'evil'], { env });
    expect(failed.code).toBe(1);
    expect(failed.stderr).not.toContain('\u001b');
    expect(failed.stderr).toContain('owned \\x1b]0;title\\x07 \\x1b[31mred (Bad\\x1b[2J)');
    emulator.world.putKey(
      web(),
      'planted',
      '\u001b[2JAb1-planted-key',
      new Date(Date.now() + 86_400_000).toISOString(),
    );
    const listed = await runCli(['list', ...WEB_ARGV], { env });
    expect(listed.stdout).not.toContain('\u001b');
    expect(listed.stdout).toMatch(/planted\s+\\x1b\[2/);
  });
});

describe('7. throttling', () => {
  it('a 429 without Retry-After is retried with exponential backoff: each wait about twice the one before', async () => {
    const { env, emulator } = await world();
    emulator.faults.add({ method: 'GET', path: '/apiKeys', status: 429, times: 3 });
    const result = await runCli(['list', ...WEB_ARGV, '-o', 'json'], { env });
    expect(result.code, result.stderr).toBe(0);
    const reads = emulator.requests.filter((r) => r.path.endsWith('/apiKeys'));
    expect(reads.map((r) => r.status)).toEqual([429, 429, 429, 200]);
    // The gaps between attempts, measured at the emulator: doubling with a jitter of 0.8 to 1.2
    // puts each ratio between 1.33 and 3, and the third gap over the first between 2.67 and 6. A
    // constant wait gives ratios of 0.67 to 1.5 and a third gap at most 1.5 times the first.
    // (The exact waits at each end of the jitter: unit/throttling.test.ts.)
    const gaps = reads.slice(1).map((r, i) => r.at - reads[i]!.at);
    for (const ratio of gaps.slice(1).map((gap, i) => gap / gaps[i]!)) {
      expect(ratio).toBeGreaterThan(1.3);
      expect(ratio).toBeLessThan(3.2);
    }
    expect(gaps[2]! / gaps[0]!).toBeGreaterThan(2.5);
  });

  it('Retry-After: 3600 is not slept through: it fails at once and says how long Azure asked to wait', async () => {
    const { env, emulator } = await world();
    emulator.faults.add({
      method: 'GET',
      path: '/apiKeys',
      status: 429,
      retryAfter: 3600,
      message: 'Too many reads.',
      times: -1,
    });
    const result = await runCli(['list', ...WEB_ARGV], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: Too many reads\. Azure asked to wait 3600 s \(until \d{2}:\d{2} UTC\) before trying again; not waiting that long: try again then\. \(TooManyRequests\)\n/,
    );
    expect(result.stderr).toContain('Azure is limiting requests');
    expect(emulator.requests.filter((r) => r.path.endsWith('/apiKeys'))).toHaveLength(1);
  });
});

describe('1. the answer to the PUT is lost', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'lost-'));

  it('create and rotate, lost for good or unknowable: the emulator and what the user holds agree', async () => {
    const { env, emulator, secretOf } = await world();
    const dir = folder();
    // Lost for good, once each for --secret-out, --show-secret and rotate: settled by a GET.
    for (const name of ['lost-file', 'lost-shown', 'asg-sync-2'])
      emulator.faults.add({ method: 'PUT', path: `/apiKeys/${name}?`, commitThenDrop: true, times: -1 });
    // Unknowable: the first GET passes, the PUT is carried out but unanswered, then every GET breaks.
    emulator.faults.add({ method: 'GET', path: '/apiKeys/limbo?', delayMs: 1, times: 1 });
    emulator.faults.add({ method: 'PUT', path: '/apiKeys/limbo?', commitThenDrop: true, times: -1 });
    emulator.faults.add({ method: 'GET', path: '/apiKeys/limbo?', reset: true, times: -1 });

    const [file, shown, rotated, limbo] = await Promise.all([
      runCli(['create', ...WEB_ARGV, '--name', 'lost-file', '--secret-out', join(dir, 'lost.key')], { env }),
      runCli(['create', ...WEB_ARGV, '--name', 'lost-shown', '--show-secret'], { env }),
      runCli(
        [
          'rotate',
          ...WEB_ARGV,
          '--name',
          'asg-sync',
          '--new-name',
          'asg-sync-2',
          '--secret-out',
          join(dir, 'rotated.key'),
        ],
        { env },
      ),
      runCli(['create', ...WEB_ARGV, '--name', 'limbo', '--secret-out', join(dir, 'limbo.key')], { env }),
    ]);

    expect([file.code, readFileSync(join(dir, 'lost.key'), 'utf8')]).toEqual([0, secretOf('lost-file')]);
    expect(file.stderr).toContain('The answer was lost; a check found the key, so it was created.');
    expect(file.stdout).toContain("✔ Created key 'lost-file'");
    expect([shown.code, shown.stdout]).toEqual([0, `${secretOf('lost-shown')}\n`]);
    expect([rotated.code, readFileSync(join(dir, 'rotated.key'), 'utf8')]).toEqual([0, secretOf('asg-sync-2')]);
    expect(secretOf('asg-sync')).toBeDefined();

    expect(limbo.code).toBe(1);
    expect(readFileSync(join(dir, 'limbo.key'), 'utf8')).toBe(secretOf('limbo'));
    expect(limbo.stderr).toContain("the answer to creating key 'limbo' was lost");
    expect(limbo.stderr).toContain(
      `The key is in ${join(dir, 'limbo.key')} (mode 0600). Check with: nginxaas-keys show -d web-01 -g edge-rg --subscription ${PRODUCTION} --name limbo`,
    );
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('2. signals while the PUT is in flight', () => {
  /**
   * Runs create with the PUT held at the emulator; sends the first of `signals` once the PUT has
   * arrived, and each next one once the program has said it is finishing that request.
   */
  async function interrupted(signals: NodeJS.Signals[], holdMs: number) {
    const { env, emulator, secretOf } = await world();
    emulator.faults.add({ method: 'PUT', delayMs: holdMs });
    const dir = mkdtempSync(join(tmpdir(), 'signal-'));
    const file = join(dir, 'held.key');
    const [first, ...later] = signals;
    let child = 0;
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'held', '--secret-out', file], {
      env,
      onSpawn: (pid) => {
        child = pid;
        void waitUntil(() => emulator.requests.some((r) => r.method === 'PUT'), 20_000, 'the PUT').then(() =>
          process.kill(pid, first!),
        );
      },
      onStderr: (stderr) => {
        if (later.length > 0 && stderr.includes("Finishing the request that creates key 'held'"))
          process.kill(child, later.shift()!);
      },
    });
    return { result, dir, file, emulator, secretOf };
  }

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    '%s: the PUT is let finish; the key is in the file and the words say so (130)',
    async (signal) => {
      const { result, dir, file, secretOf } = await interrupted([signal], 700);
      expect(result.code).toBe(130);
      expect(readFileSync(file, 'utf8')).toBe(secretOf('held'));
      expect(result.stderr).toContain("Finishing the request that creates key 'held'");
      expect(result.stderr).toContain(`Cancelled, but only after Azure created key 'held'; it is in ${file}.`);
      expect(readdirSync(dir)).toEqual(['held.key']);
    },
  );

  it('a second signal leaves at once: the key may exist, the file holds its value and the words name it', async () => {
    const { result, dir, file, emulator, secretOf } = await interrupted(['SIGINT', 'SIGINT'], 1500);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "no answer came to creating key 'held' (cancelled), and Azure may still be carrying it out",
    );
    expect(result.stderr).toContain(`The key is in ${file} (mode 0600).`);
    // The emulator carries the held PUT out after the client left: the file holds that very key.
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    await waitUntil(() => emulator.world.key(web, 'held') !== undefined, 10_000, 'the held PUT to be carried out');
    expect(readFileSync(file, 'utf8')).toBe(secretOf('held'));
    expect(readdirSync(dir)).toEqual(['held.key']);
  });
});

describe('TLS through the binary', () => {
  it('without the emulator’s CA the certificate is refused, said in words, and nothing reaches it', async () => {
    const { env, emulator } = await world();
    const result = await runCli(['list', ...WEB_ARGV], { env: { ...env, NGINXAAS_ARM_CA: undefined } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: the certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted \(\w+\); pass its CA with --arm-ca/,
    );
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('which deployment, which cloud', () => {
  it('a deployment name shared by two subscriptions is refused with both listed, never the wrong one chosen', async () => {
    const { sampleData, STAGING } = await import('../../src/emulator/sample-data');
    const data = sampleData(new Date());
    data.deployments.push({ ...data.deployments[0]!, subscriptionId: STAGING, resourceGroup: 'staging-rg' });
    const emulator = await useEmulator({ data });
    const result = await runCli(['endpoint', '-d', 'web-01'], { env: envFor(emulator) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("more than one deployment is named 'web-01'");
    expect(result.stderr).toContain(
      `/subscriptions/${PRODUCTION}/resourceGroups/edge-rg/providers/Nginx.NginxPlus/nginxDeployments/web-01`,
    );
    expect(result.stderr).toContain(
      `/subscriptions/${STAGING}/resourceGroups/staging-rg/providers/Nginx.NginxPlus/nginxDeployments/web-01`,
    );
    expect(result.stdout).toBe('');
  });

  it.each([
    ['AzureChinaCloud', 'https://management.chinacloudapi.cn'],
    ['AzureUSGovernment', 'https://management.usgovcloudapi.net'],
  ])('--cloud %s asks az for a token of that cloud, and --tenant reaches the credential', async (cloud, resource) => {
    const { emulator, env } = await world();
    const az = makeFakeAz({ token: emulator.token });
    const result = await runCli(
      ['endpoint', ...WEB_ARGV, '--cloud', cloud, '--tenant', '72f988bf-0000-4000-8000-000000000009', '--auth', 'cli'],
      {
        env: { ...env, NGINXAAS_ACCESS_TOKEN: undefined, PATH: az.path },
      },
    );
    expect(result.code).toBe(0);
    expect(az.calls()).toContain(
      `account get-access-token --output json --resource ${resource} --tenant 72f988bf-0000-4000-8000-000000000009`,
    );
  });
});

describe('--demo keeps its world', () => {
  it('create, then show, list and delete in later runs see the same world; --demo-reset starts over', async () => {
    const state = mkdtempSync(join(tmpdir(), 'demo-world-'));
    const env = { XDG_STATE_HOME: state, NGINXAAS_ACCESS_TOKEN: undefined };
    const created = await runCli(['create', '--demo', '-d', 'web-01', '--name', 'demo1', '--show-secret'], { env });
    expect(created.code).toBe(0);
    const file = join(state, 'nginxaas-keys', 'demo-world.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
    const shown = await runCli(['show', '--demo', '-d', 'web-01', '--name', 'demo1', '-o', 'json'], { env });
    expect([shown.code, JSON.parse(shown.stdout).hint]).toEqual([0, created.stdout.slice(0, 3)]);
    const deleted = await runCli(['delete', '--demo', '-d', 'web-01', '--name', 'demo1', '--yes'], { env });
    expect(deleted.stdout).toContain("Deleted key 'demo1'");
    await runCli(['create', '--demo', '-d', 'web-01', '--name', 'demo2', '--show-secret'], { env });
    const reset = await runCli(['show', '--demo', '--demo-reset', '-d', 'web-01', '--name', 'demo2'], { env });
    expect([reset.code, reset.stderr]).toEqual([1, expect.stringContaining("no key named 'demo2'")]);
  });

  it('the commands it suggests on --demo say --demo', async () => {
    const env = { NGINXAAS_ACCESS_TOKEN: undefined };
    const result = await runCli(['rotate', '--demo', '-d', 'web-01', '--name', 'asg-sync', '--show-secret'], { env });
    expect(result.stderr).toMatch(/retire it: nginxaas-keys delete -d web-01 .* --name asg-sync --demo/);
  });
});
