/**
 * A few runs of each command through the built binary, spawned as a script would, against the
 * emulator over HTTPS: what only a real process shows — exit codes, stdout and stderr as a shell
 * sees them, file modes, /proc. The rest of each command is tested in-process
 * (test/integration/commands.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRODUCTION, STAGING } from '../../src/emulator/sample-data';
import { monthsOn, sixMonthDays } from '../helpers/calendar';
import { cliWorld, runCli } from '../helpers/cli';
import { makeFakeAz } from '../helpers/fake-az';
import { closedPort } from '../helpers/ports';
import { ROOT } from '../helpers/pty';
import { expectSchema, json } from '../helpers/schemas';
import { WEB_ARGV } from '../helpers/sample';
import { useTempDir } from '../helpers/temp';
import { expectAbsent } from '../helpers/secrets';

const folder = useTempDir('cmd-e2e-');

const world = cliWorld;

describe('create', () => {
  it(
    'generates a key into a 0600 file; text output names hint, expiry, endpoint and /nplus',
    { tags: ['clock'] },
    async () => {
      const { env, secretOf, emulator } = await world();
      const file = join(folder(), 'key.txt');
      const madeAt = new Date();
      const result = await runCli(['create', ...WEB_ARGV, '--name', 'ci-key', '--secret-out', file], { env });
      expect(result.code).toBe(0);
      const secret = secretOf('ci-key')!;
      expect(readFileSync(file, 'utf8')).toBe(secret);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(result.stdout).toContain("✔ Created key 'ci-key' on web-01 (edge-rg)");
      expect(result.stdout).toContain(`hint      ${secret.slice(0, 3)}`);
      // Six calendar months from today, counted apart from the code under test: 181 to 184 days.
      const sixMonths = monthsOn(madeAt, 6).toISOString().slice(0, 10);
      expect(result.stdout).toMatch(
        new RegExp(`expires   ${sixMonths} \\d{2}:\\d{2} UTC.* \\(in ${sixMonthDays(madeAt)} days\\)`),
      );
      expect(result.stdout).toMatch(
        /nplus     https:\/\/127\.0\.0\.1:\d+\/web-01-[0-9a-f]{12}\.eastus2\.nginxaas\.net\/nplus/,
      );
      expectAbsent(secret, result.stdout, result.stderr);
      const methods = emulator.requests
        .filter((r) => r.path.includes('/apiKeys/'))
        .map((r) => `${r.method} ${r.status}`);
      expect(methods).toEqual(['GET 404', 'PUT 201']);
    },
  );

  it.each([
    [['--name', 'bad_name', '--show-secret'], "character '_' at position 4"],
    [['--name', 'ok-name'], 'a generated key must go somewhere'],
  ])('refuses %j with exit 2 before any request', async (extra, words) => {
    const { env, emulator } = await world();
    const result = await runCli(['create', ...WEB_ARGV, ...extra], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
    expect(emulator.requests).toHaveLength(0);
  });

  it('a --secret-out file that appears while the key is created is not overwritten, and the key is not lost', async () => {
    const { env, emulator, secretOf } = await world();
    emulator.faults.add({ method: 'PUT', delayMs: 800 });
    const dir = folder();
    const file = join(dir, 'raced.key');
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'raced', '--secret-out', file], {
      env,
      // As soon as the PUT reaches the emulator (it is held there 800 ms), the file appears.
      onSpawn: () => {
        const poll = setInterval(() => {
          if (!emulator.requests.some((r) => r.method === 'PUT')) return;
          clearInterval(poll);
          writeFileSync(file, 'someone else\n');
        }, 5);
      },
    });
    expect(result.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('someone else\n');
    const staging = /the key is in (\S+) \(mode 0600\)/.exec(result.stderr)?.[1];
    expect(result.stderr).toContain(
      `key 'raced' was created, but its file could not be moved to ${file} (a file of that name appeared meanwhile)`,
    );
    expect(readFileSync(staging!, 'utf8')).toBe(secretOf('raced'));
    expect(statSync(staging!).mode & 0o777).toBe(0o600);
  });

  it('the key never shows in the argv or environment of the process, nor in --verbose logs', async () => {
    const { env, emulator } = await world();
    emulator.faults.add({ method: 'PUT', delayMs: 700 });
    let seen = '';
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'watched', '--secret-stdin', '--verbose'], {
      env,
      input: 'Watched-Secret-77',
      // Read while the PUT is held at the emulator: the key is in the process's memory then.
      onSpawn: (pid) => {
        const poll = setInterval(() => {
          if (!emulator.requests.some((r) => r.method === 'PUT')) return;
          clearInterval(poll);
          seen += readFileSync(`/proc/${pid}/cmdline`, 'utf8') + readFileSync(`/proc/${pid}/environ`, 'utf8');
        }, 5);
      },
    });
    expect(result.code).toBe(0);
    expect(seen.length).toBeGreaterThan(50);
    expectAbsent('Watched-Secret-77', seen, result.stdout, result.stderr);
    expect(result.stderr).toMatch(
      /→ PUT https:\/\/127\.0\.0\.1:\d+\/subscriptions\/.*\/apiKeys\/watched\?api-version=2025-11-01/,
    );
    expect(result.stderr).toMatch(/← 201 PUT/);
    expectAbsent(emulator.token, result.stderr);
  });
});

describe('list, show, endpoint, delete', () => {
  it('list shows name, hint, expiry and status; --expiring-within exits 3', async () => {
    const { env } = await world();
    const list = await runCli(['list', ...WEB_ARGV], { env });
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^NAME\s+HINT\s+EXPIRES\s+STATUS$/);
    expect(list.stdout).toMatch(
      /nlk-prod\s+\w{3}\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC(?: · [^(]+)? \(in 20 days\)\s+expiring$/m,
    );
    expect(list.stdout).toMatch(/asg-sync .*ok/);
    expect((await runCli(['list', ...WEB_ARGV, '--expiring-within', '30'], { env })).code).toBe(3);
    // Within 10 days only the expired ci-2025 is flagged, not nlk-prod (20 days).
    const soon = await runCli(['list', ...WEB_ARGV, '--expiring-within', '10'], { env });
    expect([soon.code, soon.stdout.includes('ci-2025'), soon.stdout.includes('nlk-prod')]).toEqual([3, true, false]);
    const bad = await runCli(['list', ...WEB_ARGV, '--expiring-within', 'soon'], { env });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('whole number of days')]);
  });

  it('show and endpoint, in text and JSON', async () => {
    const { env, emulator, web } = await world();
    const endpoint = `${emulator.url}/${emulator.world.endpointHost(web())}/`;
    const show = await runCli(['show', ...WEB_ARGV, '--name', 'asg-sync', '-o', 'json'], { env });
    expectSchema('show', json(show.stdout));
    expect(json(show.stdout)).toMatchObject({
      name: 'asg-sync',
      status: 'ok',
      dataplaneApiEndpoint: endpoint,
      nplusEndpoint: `${endpoint}nplus`,
    });
    const text = await runCli(['show', ...WEB_ARGV, '--name', 'nlk-prod'], { env });
    expect(text.stdout).toContain('status    expiring (within 30 days)');
    const missing = await runCli(['show', ...WEB_ARGV, '--name', 'missing'], { env });
    expect([missing.code, missing.stderr]).toEqual([
      1,
      "error: no key named 'missing' on web-01 (edge-rg) (ResourceNotFound)\n",
    ]);
    expect((await runCli(['endpoint', ...WEB_ARGV], { env })).stdout).toBe(`${endpoint}\n`);
    expect((await runCli(['endpoint', ...WEB_ARGV, '--nplus'], { env })).stdout).toBe(`${endpoint}nplus\n`);
    const asJson = await runCli(['endpoint', ...WEB_ARGV, '-o', 'json'], { env });
    expectSchema('endpoint', json(asJson.stdout));
    const none = await runCli(['endpoint', '-d', 'broken-01', '--subscription', PRODUCTION], { env });
    expect([none.code, none.stderr]).toEqual([1, expect.stringContaining('has no dataplane API endpoint')]);
  });

  it('delete needs --yes without a terminal; a name with no key is exit 1, or 0 with --if-exists', async () => {
    const { env, secretOf } = await world();
    const asked = await runCli(['delete', ...WEB_ARGV, '--name', 'asg-sync'], { env });
    expect([asked.code, asked.stderr]).toEqual([2, expect.stringContaining('pass --yes')]);
    expect(secretOf('asg-sync')).toBeDefined();
    const deleted = await runCli(['delete', ...WEB_ARGV, '--name', 'asg-sync', '--yes', '-o', 'json'], { env });
    expectSchema('delete', json(deleted.stdout));
    expect(json(deleted.stdout).result).toBe('deleted');
    const again = await runCli(['delete', ...WEB_ARGV, '--name', 'asg-sync', '--yes'], { env });
    expect([again.code, again.stderr]).toEqual([
      1,
      expect.stringContaining("there is no key 'asg-sync' on web-01 (edge-rg); nothing was deleted"),
    ]);
    const ifExists = await runCli(['delete', ...WEB_ARGV, '--name', 'asg-sync', '--yes', '--if-exists'], { env });
    expect([ifExists.code, ifExists.stdout]).toEqual([
      0,
      "Key 'asg-sync' is not on web-01 (edge-rg); nothing to delete.\n",
    ]);
  });
});

describe('rotate', () => {
  it('--yes: a new key beside the old one, then the old one deleted; JSON matches the schema', async () => {
    const { env, secretOf } = await world();
    const keyFile = join(folder(), 'new.key');
    const result = await runCli(
      [
        'rotate',
        ...WEB_ARGV,
        '--name',
        'nlk-prod',
        '--new-name',
        'nlk-prod-2',
        '--show-secret',
        '--secret-out',
        keyFile,
        '--yes',
        '-o',
        'json',
      ],
      { env },
    );
    expect(result.code).toBe(0);
    const document = json(result.stdout);
    expectSchema('rotate', document);
    expect(document).toMatchObject({
      name: 'nlk-prod-2',
      action: 'created',
      rotatedFrom: { name: 'nlk-prod', action: 'deleted' },
    });
    expect(document.secret).toBe(secretOf('nlk-prod-2'));
    expect(secretOf('nlk-prod')).toBeUndefined();
  });

  it('--yes -o json with the new key only in the document is refused: the old key would go before anyone holds the new one', async () => {
    const { env, emulator } = await world();
    const result = await runCli(['rotate', ...WEB_ARGV, '--name', 'nlk-prod', '--show-secret', '--yes', '-o', 'json'], {
      env,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('add --secret-out <file> or --emit');
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('Azure errors, sign-in and subscriptions', () => {
  it('nothing listening is a network error, exit 1', async () => {
    const { env } = await world();
    const port = await closedPort();
    const result = await runCli(['list', ...WEB_ARGV], {
      env: { ...env, NGINXAAS_ARM_ENDPOINT: `https://127.0.0.1:${port}` },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^error: could not reach https://127\\.0\\.0\\.1:${port}: .*\\(ECONNREFUSED\\)\nCheck the network, a proxy, or --arm-endpoint\\.\n$`,
      ),
    );
  });

  it('--auth cli takes the Azure CLI default subscription, through a fake az', async () => {
    const { env, emulator } = await world();
    const az = makeFakeAz({ token: emulator.token, subscription: STAGING });
    const result = await runCli(['endpoint', '-d', 'stage-web', '-g', 'staging-rg', '--auth', 'cli', '-o', 'json'], {
      env: { ...env, NGINXAAS_ACCESS_TOKEN: undefined, PATH: az.path },
    });
    expect(result.code).toBe(0);
    expect(json(result.stdout).deployment.subscriptionId).toBe(STAGING);
    // Once: the token is asked for first, while the command gets ready, and its answer names the
    // default subscription too.
    expect(az.calls()).toEqual(['account get-access-token --output json --resource https://management.azure.com']);
  });

  it("--arm-audience reaches az as the token's resource; a public audience for another host is refused first", async () => {
    const { env, emulator } = await world();
    const az = makeFakeAz({ token: emulator.token, subscription: PRODUCTION });
    const audience = 'https://management.adfs.azurestack.local/0aa1b2c3-0000-4000-8000-000000000000';
    const result = await runCli(['endpoint', ...WEB_ARGV, '--auth', 'cli', '--arm-audience', audience], {
      env: { ...env, NGINXAAS_ACCESS_TOKEN: undefined, PATH: az.path },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(az.calls()).toContain(`account get-access-token --output json --resource ${audience}`);
    expect(az.calls().join('\n')).not.toContain('management.azure.com');
    const refused = await runCli(
      [
        'list',
        ...WEB_ARGV,
        '--auth',
        'cli',
        '--arm-endpoint',
        'https://arm.contoso.example',
        '--arm-audience',
        'https://management.azure.com',
      ],
      { env: { ...env, NGINXAAS_ACCESS_TOKEN: undefined, NGINXAAS_ARM_ENDPOINT: undefined, PATH: az.path } },
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('a token for AzureCloud is never sent to another host');
  });

  it('--auth cli when signed out says to run az login', async () => {
    const { env } = await world();
    const az = makeFakeAz({ token: 'x', loggedOut: true });
    const result = await runCli(['list', ...WEB_ARGV, '--auth', 'cli'], { env: { ...env, PATH: az.path } });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      [
        'error: not signed in to the Azure CLI (AzureCliSignedOut)',
        'To sign in:',
        '  az login',
        '  az login --use-device-code   (where no browser can open)',
        // The same command again, its --auth cli taken out.
        `  nginxaas-keys list ${WEB_ARGV.join(' ')} --auth device-code   (no Azure CLI needed)`,
        '  nginxaas-keys --demo   (the local emulator, no Azure account)',
        '',
      ].join('\n'),
    );
    // az was asked once, and nothing reached Azure.
    expect(az.calls()).toHaveLength(1);
  });

  it.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['list', '--arm-endpoint', 'http://127.0.0.1:1'], 'must use https'],
  ])('%j is bad usage: exit 2', async (args, words) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(result.stderr).toContain(`See 'nginxaas-keys ${args[0] === 'frobnicate' ? '' : `${args[0]} `}--help'.`);
  });
});

describe('the program as a whole', () => {
  it('--help, command help and --version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['create', 'list', 'show', 'delete', 'rotate', 'endpoint', 'emulator'])
      expect(help.stdout).toContain(`  ${command} `);
    expect(help.stdout).toContain('Exit codes: 0 done, 1 the operation failed, 2 bad usage or input');
    for (const command of [
      '',
      'create',
      'list',
      'show',
      'delete',
      'rotate',
      'endpoint',
      'emulator',
      'config',
      'history',
    ]) {
      const text = (await runCli(command ? [command, '--help'] : ['--help'])).stdout;
      expect(text).toContain('EXAMPLES\n  $ nginxaas-keys');
      expect(text.split('\n').filter((line) => line.length > 80)).toEqual([]);
    }
    const own = (await runCli(['create', '--help'])).stdout;
    expect(own.indexOf('--secret-out')).toBeLessThan(own.indexOf('INHERITED FLAGS'));
    expect(own.indexOf('INHERITED FLAGS')).toBeLessThan(own.indexOf('--subscription'));
    const create = await runCli(['create', '--help']);
    for (const flag of [
      '--secret-stdin',
      '--secret-file',
      '--generate',
      '--secret-out',
      '--replace',
      '--show-secret',
      '--expires',
    ])
      expect(create.stdout).toContain(flag);
    // The npm command names the Node it runs on (the one running these tests).
    const version = (await runCli(['--version'])).stdout;
    expect(version).toMatch(/^nginxaas-keys \d+\.\d+\.\d+ \(node v\d+\.\d+\.\d+, npm package\)\n$/);
    expect(version).toContain(`(node ${process.version}, npm package)`);
    // Alone it is answered before the program loads; with other flags, after they are all checked:
    // the same line either way, and a bad flag beside it is still refused.
    expect((await runCli(['--version', '--no-color'])).stdout).toBe(version);
    const refused = await runCli(['--version', '--colour']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
  });

  it('the wizard without a terminal exits 2 and names the command that does the same', async () => {
    const result = await runCli([], { env: { CI: undefined } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'nginxaas-keys create -d <deployment> -g <resource-group> --name <key-name> --secret-out <file>',
    );
  });

  it('--demo runs any command on the embedded emulator', async () => {
    const result = await runCli(['list', '--all', '--demo', '-o', 'json']);
    expect(result.code).toBe(0);
    expect(json(result.stdout).deployments).toHaveLength(6);
  });

  it('`emulator` prints its URL, CA file and token; curl-style access lists the subscriptions', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(ROOT, 'bin/nginxaas-keys.js'), 'emulator', '-o', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = await new Promise<string>((resolve) =>
      child.stdout.once('data', (d: Buffer) => resolve(d.toString())),
    );
    const { url, caFile, token } = JSON.parse(line) as { url: string; caFile: string; token: string };
    const result = await runCli(['list', '--all', '-o', 'json'], {
      env: { NGINXAAS_ARM_ENDPOINT: url, NGINXAAS_ARM_CA: caFile, NGINXAAS_ACCESS_TOKEN: token },
    });
    expect(json(result.stdout).deployments).toHaveLength(6);
    const { request } = await import('node:https');
    const body = await new Promise<string>((resolve, reject) => {
      request(
        `${url}/subscriptions?api-version=2022-12-01`,
        { ca: readFileSync(caFile), headers: { authorization: `Bearer ${token}` } },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve(text));
        },
      )
        .on('error', reject)
        .end();
    });
    expect(JSON.parse(body).value.map((s: { displayName: string }) => s.displayName)).toEqual([
      'Contoso Production',
      'Contoso Staging',
      'Old Sandbox',
    ]);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });
});

describe('one JSON shape (issue 12, #8)', () => {
  it('text and JSON say the same days and status; ids in one casing; a deployment carries its state', async () => {
    const { env } = await world();
    const text = await runCli(['show', 'web-01', 'nlk-prod', '-g', 'edge-rg', '--subscription', PRODUCTION], { env });
    const shown = json(
      (
        await runCli(['show', 'web-01', 'nlk-prod', '-g', 'edge-rg', '--subscription', PRODUCTION, '-o', 'json'], {
          env,
        })
      ).stdout,
    );
    expect(text.stdout).toContain(`(in ${shown.daysLeft} days)`);
    expect(text.stdout).toContain(`status    ${shown.status}`);

    const all = json((await runCli(['list', '--all', '-o', 'json'], { env })).stdout);
    expectSchema('list', all);
    const ids = all.deployments.flatMap((d: any) => [d.deployment.id, ...d.keys.map((k: any) => k.id)]);
    // The emulator answers api-gateway's ids as NGINX.NGINXPLUS, the others as Nginx.NginxPlus.
    expect(ids.length).toBeGreaterThan(4);
    for (const id of ids) expect(id).toContain('/providers/Nginx.NginxPlus/nginxDeployments/');
    const broken = all.deployments.find((d: any) => d.deployment.name === 'broken-01');
    expect(broken.deployment.provisioningState).toBe('Failed');

    const deleted = json(
      (
        await runCli(
          ['delete', 'web-01', 'asg-sync', '-g', 'edge-rg', '--subscription', PRODUCTION, '--yes', '-o', 'json'],
          { env },
        )
      ).stdout,
    );
    expectSchema('delete', deleted);
    expect(deleted.deployment).toEqual(shown.deployment);
  });
});
