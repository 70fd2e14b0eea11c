/**
 * Every command in-process, as gh tests its commands: argv parsed as cli.ts parses it, the run
 * handed a test I/O and the real gateway over HTTPS to the emulator. Output, JSON against the
 * schemas, exit codes, what was sent, and the key absent from every channel unless asked for.
 * (test/e2e/commands.test.ts keeps a few runs of the real binary per command.)
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from '../../src/term/display-width';
import { staticTokenCredential } from '../../src/azure/credentials';
import { AzureGateway } from '../../src/azure/azure-gateway';
import { PRODUCTION, STAGING } from '../../src/emulator/sample-data';
import { gatewayFor, sampleWeb, targetFor, useEmulator } from '../helpers/emulator';
import { runInProcess } from '../helpers/in-process';
import { expectSchema, json } from '../helpers/schemas';
import { WEB_ARGV } from '../helpers/sample';
import { useTempDir } from '../helpers/temp';
import { expectAbsent } from '../helpers/secrets';

const folder = useTempDir('cmd-in-process-');

async function world() {
  const emulator = await useEmulator();
  const gateway = gatewayFor(emulator);
  const { web, secretOf } = sampleWeb(emulator);
  const run = (argv: string[], options: Parameters<typeof runInProcess>[2] = {}) =>
    runInProcess(argv, gateway, options);
  return { emulator, gateway, web, secretOf, run };
}

describe('create', () => {
  it('-o json matches the schema, without the secret', async () => {
    const { run, secretOf } = await world();
    const result = await run([
      'create',
      ...WEB_ARGV,
      '--name',
      'json-key',
      '--secret-out',
      join(folder(), 'k'),
      '-o',
      'json',
    ]);
    expect(result.code).toBe(0);
    const document = json(result.stdout);
    expectSchema('create', document);
    expect(document).toMatchObject({
      name: 'json-key',
      action: 'created',
      deployment: { name: 'web-01', resourceGroup: 'edge-rg', subscriptionId: PRODUCTION },
    });
    expect(document.secret).toBeUndefined();
    expectAbsent(secretOf('json-key')!, result.stdout, result.stderr);
  });

  it('--show-secret prints only the key on stdout (text) or as "secret" (json)', async () => {
    const { run, secretOf } = await world();
    const text = await run(['create', ...WEB_ARGV, '--name', 'shown', '--show-secret']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(`${secretOf('shown')}\n`);
    expect(text.stderr).toContain("Created key 'shown'");
    const asJson = await run(['create', ...WEB_ARGV, '--name', 'shown-json', '--show-secret', '-o', 'json']);
    const document = json(asJson.stdout);
    expectSchema('create', document);
    expect(document.secret).toBe(secretOf('shown-json'));
  });

  it('takes a key from stdin or a file, never from an argument, and checks it first', async () => {
    const { run, secretOf, emulator } = await world();
    const stdin = await run(['create', ...WEB_ARGV, '--name', 'from-stdin', '--secret-stdin', '--expires', '30d'], {
      stdin: 'Stdin-Secret-2026\n',
    });
    expect(stdin.code).toBe(0);
    expect(secretOf('from-stdin')).toBe('Stdin-Secret-2026');
    expectAbsent('Stdin-Secret-2026', stdin.stdout, stdin.stderr);
    const file = join(folder(), 'mine');
    writeFileSync(file, 'File-Secret-2026\r\n');
    expect((await run(['create', ...WEB_ARGV, '--name', 'from-file', '--secret-file', file])).code).toBe(0);
    expect(secretOf('from-file')).toBe('File-Secret-2026');
    const positional = await run(['create', ...WEB_ARGV, '--name', 'argv', 'Argv-Secret-2026']);
    expect(positional.code).toBe(2);
    expect(positional.stderr).toContain('a key is never taken from the command line');
    expectAbsent('Argv-Secret-2026', positional.stderr);
    const weak = await run(['create', ...WEB_ARGV, '--name', 'weak', '--secret-stdin'], { stdin: 'weakweakweak' });
    expect([weak.code, weak.stderr]).toEqual([2, expect.stringContaining('mix at least 3 of')]);
    expectAbsent('weakweakweak', weak.stderr);
    expect(
      emulator.requests.filter((r) => r.path.includes('/apiKeys/weak') || r.path.includes('/apiKeys/argv')),
    ).toHaveLength(0);
  });

  it('a key longer than 256 characters is refused without reading the rest, and nothing is sent', async () => {
    const { run, emulator } = await world();
    const file = join(folder(), 'huge');
    writeFileSync(file, `Aa1-${'x'.repeat(5_000_000)}`);
    const fromFile = await run(['create', ...WEB_ARGV, '--name', 'huge', '--secret-file', file]);
    expect([fromFile.code, fromFile.stderr]).toEqual([2, expect.stringContaining('is longer than 256 characters')]);
    const fromStdin = await run(['create', ...WEB_ARGV, '--name', 'huge', '--secret-stdin'], {
      stdin: `Aa1-${'y'.repeat(300)}`,
    });
    expect([fromStdin.code, fromStdin.stderr]).toEqual([
      2,
      expect.stringContaining('standard input is longer than 256 characters'),
    ]);
    expect(emulator.requests).toHaveLength(0);
  });

  it.each([
    [['--name', 'bad_name', '--show-secret'], "character '_' at position 4"],
    [['--name', 'ok-name', '--show-secret', '--expires', '3y'], 'more than two years away'],
    [['--name', 'ok-name', '--show-secret', '--expires', '2020-01-01'], 'in the past'],
    [['--name', 'ok-name', '--show-secret', '--expires', 'tomorrowish'], 'is not an expiry'],
    [['--name', 'ok-name'], 'a generated key must go somewhere'],
    [['--name', 'ok-name', '--secret-stdin', '--generate'], 'choose one of'],
    [['--show-secret'], '--name <key-name> is required'],
    [['--name', 'ok-name', '--show-secret', '--bogus'], "unknown option '--bogus'"],
  ])('refuses %j with exit 2 before any request', async (extra, words) => {
    const { run, emulator } = await world();
    const result = await run(['create', ...WEB_ARGV, ...extra]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
    expect(emulator.requests).toHaveLength(0);
  });

  it('the deployment is asked for before the key name and its destination', async () => {
    const { run } = await world();
    const result = await run(['create', '--name', 'x']);
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([
      2,
      'error: --deployment (-d) <name or resource id> is required',
    ]);
  });

  it('an existing key is not replaced without --replace (exit 1, names hint and expiry); --replace replaces', async () => {
    const { run, secretOf } = await world();
    const before = secretOf('nlk-prod')!;
    const refused = await run(['create', ...WEB_ARGV, '--name', 'nlk-prod', '--show-secret']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `a key named 'nlk-prod' already exists on web-01 (edge-rg): hint ${before.slice(0, 3)}, expires `,
    );
    // One pair of parentheses at most, never one inside another.
    expect(refused.stderr).not.toMatch(/\([^)]*\(/);
    expect(refused.stderr).toMatch(/UTC, in \d+ days\. Nothing was changed\. Pass --replace to replace it\./);
    expect(refused.stdout).toBe('');
    expect(secretOf('nlk-prod')).toBe(before);
    const replaced = await run([
      'create',
      ...WEB_ARGV,
      '--name',
      'nlk-prod',
      '--replace',
      '--show-secret',
      '-o',
      'json',
    ]);
    expect(replaced.code).toBe(0);
    expect(json(replaced.stdout).action).toBe('replaced');
    expect(secretOf('nlk-prod')).not.toBe(before);
  });

  it('--secret-out never overwrites without --force, --force over a 0644 file ends 0600, and no file is left when Azure refuses', async () => {
    const { run, emulator } = await world();
    const dir = folder();
    const file = join(dir, 'exists.txt');
    writeFileSync(file, 'keep me\n', { mode: 0o644 });
    const refused = await run(['create', ...WEB_ARGV, '--name', 'out-key', '--secret-out', file]);
    expect([refused.code, readFileSync(file, 'utf8')]).toEqual([2, 'keep me\n']);
    expect((await run(['create', ...WEB_ARGV, '--name', 'out-key', '--secret-out', file, '--force'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe('keep me\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    emulator.faults.add({
      method: 'PUT',
      status: 403,
      code: 'AuthorizationFailed',
      message: 'The client does not have authorization to perform this action.',
    });
    const fresh = join(dir, 'fresh.txt');
    const denied = await run(['create', ...WEB_ARGV, '--name', 'denied', '--secret-out', fresh]);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toBe(
      "error: The client does not have authorization to perform this action; this sign-in lacks Nginx.NginxPlus/nginxDeployments/apiKeys/write on 'web-01': ask for the Contributor role on the deployment (or a custom role with that action) (AuthorizationFailed)\nYour sign-in lacks access: ask for Reader on the subscription and Contributor on the deployment.\n",
    );
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a --secret-out that is a symbolic link (even dangling) or a folder is refused before any request', async () => {
    const { run, emulator } = await world();
    const dir = folder();
    const link = join(dir, 'link.key');
    symlinkSync(join(dir, 'nowhere'), link);
    const dangling = await run(['create', ...WEB_ARGV, '--name', 'linked', '--secret-out', link]);
    expect([dangling.code, dangling.stderr]).toEqual([2, expect.stringContaining('is a symbolic link')]);
    const forced = await run(['create', ...WEB_ARGV, '--name', 'linked', '--secret-out', link, '--force']);
    expect([forced.code, forced.stderr]).toEqual([2, expect.stringContaining('is a symbolic link')]);
    mkdirSync(join(dir, 'sub'));
    const folderOut = await run([
      'create',
      ...WEB_ARGV,
      '--name',
      'foldered',
      '--secret-out',
      join(dir, 'sub'),
      '--force',
    ]);
    expect([folderOut.code, folderOut.stderr]).toEqual([2, expect.stringContaining('is a folder')]);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
    expect(emulator.requests).toHaveLength(0);
  });

  it('a deployment that cannot take a key is refused with exit 1 before the key is sent', async () => {
    const { run, emulator } = await world();
    const result = await run([
      'create',
      '-d',
      'broken-01',
      '--subscription',
      PRODUCTION,
      '--name',
      'x',
      '--show-secret',
    ]);
    expect([result.code, result.stderr]).toEqual([
      1,
      'error: broken-01 (platform-rg, Contoso Production) cannot take a key now: deployment failed\n',
    ]);
    expect(emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });
});

describe('list, show, endpoint, delete', () => {
  it('list shows name, hint, expiry and status; --expiring-within exits 3', async () => {
    const { run } = await world();
    const list = await run(['list', ...WEB_ARGV]);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^NAME\s+HINT\s+EXPIRES\s+STATUS$/);
    expect(list.stdout).toMatch(
      /nlk-prod\s+\S{3}\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC(?: · [^(]+)? \(in 20 days\)\s+expiring$/m,
    );
    expect(list.stdout).toMatch(/asg-sync .*ok/);
    expect((await run(['list', ...WEB_ARGV, '--expiring-within', '30'])).code).toBe(3);
    // Within 10 days only the expired ci-2025 is flagged, not nlk-prod (20 days).
    const soon = await run(['list', ...WEB_ARGV, '--expiring-within', '10']);
    expect([soon.code, soon.stdout.includes('ci-2025'), soon.stdout.includes('nlk-prod')]).toEqual([3, true, false]);
    const bad = await run(['list', ...WEB_ARGV, '--expiring-within', 'soon']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('whole number of days')]);
  });

  it('list --all covers every deployment, progress goes to stderr only on a terminal, JSON matches the schema', async () => {
    const { run } = await world();
    const all = await run(['list', '--all', '-o', 'json', '--expiring-within', '1']);
    expect(all.code).toBe(3);
    const document = json(all.stdout);
    expectSchema('list', document);
    expect(document.expiringFound).toBe(true);
    const names = document.deployments.map((d: { deployment: { name: string } }) => d.deployment.name);
    expect(names).toEqual(['api-gateway', 'broken-01', 'sandbox-nginx', 'stage-upgrading', 'stage-web', 'web-01']);
    expect(document.deployments[0].keys[0]).toMatchObject({ name: 'old-ci', status: 'expired', flagged: true });
    expect(document.summary).toEqual({
      keys: 5,
      withinDays: 1,
      expiring: 0,
      expired: 2,
      unknownExpiry: 0,
      unreadDeployments: 0,
      unreadSubscriptions: 0,
    });
    // Only the keys inside the window are listed.
    expect(document.deployments.flatMap((d: { keys: { name: string }[] }) => d.keys.map((k) => k.name))).toEqual([
      'old-ci',
      'ci-2025',
    ]);
    const text = await run(['list', '--all']);
    expect(text.stdout).toMatch(/^DEPLOYMENT\s+RESOURCE GROUP\s+SUBSCRIPTION\s+NAME\s+HINT\s+EXPIRES\s+STATUS/);
    expect(text.stdout).toMatch(/api-gateway\s+edge-rg\s+Contoso Production\s+old-ci .*expired 3 days ago\)\s+expired/);
    expect(text.stdout.trimEnd().split('\n').pop()).toBe('⚠ 1 of 5 keys expires within 30 days; 2 have expired.');
    // Progress is for a terminal: a pipe's stderr has none.
    expect(text.stderr).not.toContain('Reading the keys of 6 deployments');
    expect(text.stderr).not.toContain('Finding NGINXaaS deployments');
    const onTerminal = await run(['list', '--all'], { tty: true });
    expect(onTerminal.stderr).toContain('Finding NGINXaaS deployments');
    expect(onTerminal.stderr).toContain('Reading the keys of 6 deployments');
  });

  it.each([60, 80, 120])(
    'list --all at %i columns: a line for each deployment, its keys under it with names whole and STATUS on their line',
    async (columns) => {
      const { emulator, gateway } = await world();
      const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
      const far = new Date(Date.now() + 100 * 86_400_000).toISOString();
      for (const name of ['key-10', 'key-2', 'key-1', 'nlk-production-eastus2-primary'])
        emulator.world.putKey(web, name, `Nat-${name.slice(0, 20)}-Secret1`, far);
      const result = await runInProcess(['list', '--all'], gateway, { tty: true, columns });
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines.filter((line) => stringWidth(line) > columns)).toEqual([]);
      // Its progress on stderr too: laid out at spaces, never broken by the terminal.
      const progress = result.stderr.trimEnd().split('\n');
      expect(progress.join(' ')).toContain('Finding NGINXaaS deployments in 3 subscriptions (Resource Graph)…');
      expect(progress.filter((line) => stringWidth(line) >= columns)).toEqual([]);
      const keyRow = (name: string) => lines.find((line) => line.startsWith(`  ${name} `));
      for (const name of ['key-1', 'key-2', 'key-10', 'nlk-production-eastus2-primary', 'asg-sync', 'old-ci'])
        expect(keyRow(name), name).toMatch(/ (ok|expiring|expired)$/);
      const keyNames = lines.map((line) => /^ {2}(key-\d+) /.exec(line)?.[1]).filter(Boolean);
      expect(keyNames).toEqual(['key-1', 'key-2', 'key-10']);
      // The keys follow their deployment's line; the deployments come in natural order.
      const at = (start: string) => lines.findIndex((line) => line.startsWith(start));
      expect(at('web-01  ')).toBeLessThan(at('  key-1 '));
      expect(at('api-gateway  ')).toBeLessThan(at('  old-ci '));
      expect(at('api-gateway  ')).toBeLessThan(at('web-01  '));
      expect(lines[at('web-01  ')]).toContain(columns >= 80 ? 'edge-rg · Contoso Production' : 'edge-rg');
      const piped = await runInProcess(['list', '--all'], gateway);
      expect(piped.stdout).not.toContain('…');
    },
  );

  it('list --all says which deployments cannot take keys and why, in text, to a pipe and in JSON', async () => {
    const { gateway } = await world();
    const text = await runInProcess(['list', '--all'], gateway, { tty: true, columns: 80 });
    const lines = text.stdout.split('\n');
    for (const [name, why] of [
      ['broken-01', 'deployment failed'],
      ['sandbox-nginx', 'subscription disabled'],
      ['stage-upgrading', 'deployment updating'],
    ] as const) {
      const at = lines.findIndex((line) => line.startsWith(`${name}  `));
      expect(lines[at + 1], name).toBe(`  ✖ cannot take keys: ${why}`);
    }
    const piped = await runInProcess(['list', '--all'], gateway);
    expect(piped.stderr).toContain('note: sandbox-nginx cannot take keys: subscription disabled');
    const asJson = await runInProcess(['list', '--all', '-o', 'json'], gateway);
    const problems = Object.fromEntries(
      (json(asJson.stdout).deployments as { deployment: { name: string }; problem?: string }[]).map((d) => [
        d.deployment.name,
        d.problem,
      ]),
    );
    expect(problems).toMatchObject({
      'sandbox-nginx': 'cannot take keys: subscription disabled',
      'broken-01': 'cannot take keys: deployment failed',
      'web-01': undefined,
    });
    const one = await runInProcess(['list', '-d', 'broken-01', '--subscription', PRODUCTION], gateway, { tty: true });
    expect(one.stdout).toContain('✖ broken-01 cannot take keys: deployment failed');
  });

  it('a choice is taken in any case: -o JSON is JSON', async () => {
    const { run } = await world();
    const result = await run(['endpoint', ...WEB_ARGV, '-o', 'JSON']);
    expect([result.code, typeof json(result.stdout).dataplaneApiEndpoint]).toEqual([0, 'string']);
  });

  it('a deployment given by resource id needs no -g or --subscription', async () => {
    const { run } = await world();
    const id = `/subscriptions/${STAGING}/resourceGroups/staging-rg/providers/NGINX.NGINXPLUS/nginxDeployments/stage-web`;
    const result = await run(['list', '-d', id, '-o', 'json']);
    expect(json(result.stdout).deployments[0].keys[0].name).toBe('nlk-staging');
    const notAnId = await run(['list', '-d', '/subscriptions/x/resourceGroups/y']);
    expect([notAnId.code, notAnId.stderr]).toEqual([
      2,
      expect.stringContaining('is not the resource id of an NGINXaaS deployment'),
    ]);
  });

  it('a name alone is found across the subscriptions; an unknown one is a clear error', async () => {
    const { run } = await world();
    expect((await run(['endpoint', '-d', 'stage-web'])).code).toBe(0);
    const unknown = await run(['endpoint', '-d', 'nowhere']);
    expect([unknown.code, unknown.stderr]).toEqual([
      1,
      expect.stringContaining(
        "no NGINXaaS deployment named 'nowhere' (searched: Contoso Production, Contoso Staging, Old Sandbox)",
      ),
    ]);
  });

  it('delete: JSON matches the schema; a second delete is exit 1, "already-gone" with --if-exists', async () => {
    const { run } = await world();
    const deleted = await run(['delete', ...WEB_ARGV, '--name', 'asg-sync', '--yes', '-o', 'json']);
    expectSchema('delete', json(deleted.stdout));
    expect(json(deleted.stdout).result).toBe('deleted');
    const again = await run(['delete', ...WEB_ARGV, '--name', 'asg-sync', '--yes']);
    expect(again.code).toBe(1);
    const gone = await run(['delete', ...WEB_ARGV, '--name', 'asg-sync', '--yes', '--if-exists', '-o', 'json']);
    expectSchema('delete', json(gone.stdout));
    expect([gone.code, json(gone.stdout).result]).toEqual([0, 'already-gone']);
  });
});

describe('rotate', () => {
  it('without a terminal or --yes the old key is kept, and the command to retire it is printed', async () => {
    const { run, secretOf } = await world();
    const before = secretOf('asg-sync');
    const file = join(folder(), 'new.key');
    const now = new Date();
    const result = await run(['rotate', ...WEB_ARGV, '--name', 'asg-sync', '--secret-out', file], { now });
    expect(result.code).toBe(0);
    const newName = 'asg-sync-2';
    expect(result.stdout).toContain(`Created key '${newName}'`);
    expect(readFileSync(file, 'utf8')).toBe(secretOf(newName));
    expect(secretOf('asg-sync')).toBe(before);
    expect(result.stderr).toContain(
      `nginxaas-keys delete -d web-01 -g edge-rg --subscription ${PRODUCTION} --name asg-sync`,
    );
    const again = await run(['rotate', ...WEB_ARGV, '--name', 'asg-sync', '--new-name', newName, '--show-secret'], {
      now,
    });
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining(`a key named '${newName}' already exists`)]);
    expect(again.stderr).toContain('Nothing was changed. Pass another --new-name.');
    const third = await run(['rotate', ...WEB_ARGV, '--name', 'asg-sync', '--show-secret', '--keep-old'], { now });
    expect(third.stderr).toContain("Created key 'asg-sync-3'");
  });

  it('a missing old key is exit 1 and creates nothing', async () => {
    const { run, emulator } = await world();
    const result = await run(['rotate', ...WEB_ARGV, '--name', 'nope', '--show-secret']);
    expect([result.code, result.stderr]).toEqual([
      1,
      "error: no key named 'nope' on web-01 (edge-rg) to rotate (ResourceNotFound)\n",
    ]);
    expect(emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it.each([
    [['rotate', '-d', 'x', '--name', 'y', '--keep-old', '--yes', '--show-secret'], 'either --keep-old or --yes'],
    [['rotate', '-d', 'x', '--name', 'y', '--new-name', 'y', '--show-secret'], 'a name of its own'],
    [['list', '--nplus'], "--nplus does not apply to 'list'"],
    [['list', '-o', 'yaml'], "--output takes text, json, prometheus; not 'yaml'"],
    [['list', '--auth', 'magic'], "--auth takes cli, default, device-code, browser, env, token; not 'magic'"],
    [['list', '--cloud', 'Mars'], "--cloud takes AzureCloud, AzureChinaCloud, AzureUSGovernment; not 'Mars'"],
    [['list', '--arm-endpoint', 'http://127.0.0.1:1'], 'must use https'],
    [['list', '--arm-ca', '/nonexistent.pem'], "cannot read the CA file '/nonexistent.pem': no such file or folder"],
  ])('%j is bad usage: exit 2, before any request', async (args, words) => {
    const { run, emulator } = await world();
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(result.stderr).toContain(`See 'nginxaas-keys ${args[0] === 'frobnicate' ? '' : `${args[0]} `}--help'.`);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('Azure errors', () => {
  it('an ARM error is one line with its code, no stack trace (after the SDK retried the 500s)', async () => {
    const { run, emulator } = await world();
    emulator.faults.add({
      path: '/apiKeys',
      status: 500,
      code: 'InternalServerError',
      message: 'Something broke inside.',
      times: -1,
    });
    const result = await run(['list', ...WEB_ARGV]);
    expect([result.code, result.stderr]).toEqual([1, 'error: Something broke inside. (InternalServerError)\n']);
  });

  it('a wrong token is an authentication error with its ARM code and how to sign in', async () => {
    const emulator = await useEmulator();
    const gateway = new AzureGateway({
      credential: staticTokenCredential('wrong'),
      target: targetFor(emulator),
      authDescription: 'test',
      useCliDefaultSubscription: false,
    });
    const result = await runInProcess(['list', ...WEB_ARGV], gateway);
    expect(result.code).toBe(4);
    expect(result.stderr.split('\n').slice(0, 3)).toEqual([
      'error: The access token is invalid. (InvalidAuthenticationToken)',
      'To sign in:',
      '  az login',
    ]);
  });

  it('429 from Azure says to wait', async () => {
    const { run, emulator } = await world();
    emulator.faults.add({ path: '/apiKeys', status: 429, retryAfter: 0, times: -1 });
    const result = await run(['list', ...WEB_ARGV]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Azure is limiting requests: wait a little and try again.');
  });
});
