/**
 * Every command through the built binary, spawned as a script would, against the emulator over
 * HTTPS: exit codes, JSON against the schemas, and the key absent from every channel unless
 * --show-secret asks for it.
 */
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRODUCTION, STAGING } from '../../src/emulator/sample-data';
import { useEmulator } from '../helpers/emulator';
import { envFor, runCli } from '../helpers/cli';
import { makeFakeAz } from '../helpers/fake-az';
import { ROOT } from '../helpers/pty';

const ajv = new Ajv({ allErrors: true });
for (const file of readdirSync(join(ROOT, 'schemas'))) ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8')));
function expectSchema(name: string, document: unknown) {
  const validate = ajv.getSchema(`${name}.schema.json`)!;
  expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
}
function json(stdout: string) {
  return JSON.parse(stdout) as Record<string, any>;
}
const folder = () => mkdtempSync(join(tmpdir(), 'cmd-e2e-'));
const WEB = ['-d', 'web-01', '-g', 'edge-rg', '--subscription', PRODUCTION];

async function world() {
  const emulator = await useEmulator();
  const env = envFor(emulator);
  const web = () => emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
  const secretOf = (name: string) => emulator.world.key(web(), name)?.secret;
  return { emulator, env, web, secretOf };
}

function expectAbsent(secret: string, ...channels: string[]) {
  for (const channel of channels) expect(channel).not.toContain(secret);
}

describe('create', () => {
  it('generates a key into a 0600 file; text output names hint, expiry, endpoint and /nplus', async () => {
    const { env, secretOf, emulator } = await world();
    const file = join(folder(), 'key.txt');
    const result = await runCli(['create', ...WEB, '--name', 'ci-key', '--secret-out', file], { env });
    expect(result.code).toBe(0);
    const secret = secretOf('ci-key')!;
    expect(readFileSync(file, 'utf8')).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(result.stdout).toContain("✔ Created key 'ci-key' on web-01 (edge-rg)");
    expect(result.stdout).toContain(`hint      ${secret.slice(0, 3)}`);
    expect(result.stdout).toMatch(/expires   \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(in 181 days\)/);
    expect(result.stdout).toMatch(/nplus     https:\/\/127\.0\.0\.1:\d+\/web-01-[0-9a-f]{12}\.eastus2\.nginxaas\.net\/nplus/);
    expectAbsent(secret, result.stdout, result.stderr);
    const methods = emulator.requests.filter((r) => r.path.includes('/apiKeys/')).map((r) => `${r.method} ${r.status}`);
    expect(methods).toEqual(['GET 404', 'PUT 201']);
  });

  it('-o json matches the schema, without the secret', async () => {
    const { env, secretOf } = await world();
    const result = await runCli(['create', ...WEB, '--name', 'json-key', '--secret-out', join(folder(), 'k'), '-o', 'json'], { env });
    expect(result.code).toBe(0);
    const document = json(result.stdout);
    expectSchema('create', document);
    expect(document).toMatchObject({ name: 'json-key', action: 'created', deployment: { name: 'web-01', resourceGroup: 'edge-rg', subscriptionId: PRODUCTION } });
    expect(document.secret).toBeUndefined();
    expectAbsent(secretOf('json-key')!, result.stdout, result.stderr);
  });

  it('--show-secret prints only the key on stdout (text) or as "secret" (json)', async () => {
    const { env, secretOf } = await world();
    const text = await runCli(['create', ...WEB, '--name', 'shown', '--show-secret'], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(`${secretOf('shown')}\n`);
    expect(text.stderr).toContain("Created key 'shown'");
    const asJson = await runCli(['create', ...WEB, '--name', 'shown-json', '--show-secret', '-o', 'json'], { env });
    const document = json(asJson.stdout);
    expectSchema('create', document);
    expect(document.secret).toBe(secretOf('shown-json'));
  });

  it('takes a key from stdin or a file, never from an argument, and checks it first', async () => {
    const { env, secretOf, emulator } = await world();
    const stdin = await runCli(['create', ...WEB, '--name', 'from-stdin', '--secret-stdin', '--expires', '30d'], { env, input: 'Stdin-Secret-2026\n' });
    expect(stdin.code).toBe(0);
    expect(secretOf('from-stdin')).toBe('Stdin-Secret-2026');
    expectAbsent('Stdin-Secret-2026', stdin.stdout, stdin.stderr);
    const file = join(folder(), 'mine');
    writeFileSync(file, 'File-Secret-2026\r\n');
    expect((await runCli(['create', ...WEB, '--name', 'from-file', '--secret-file', file], { env })).code).toBe(0);
    expect(secretOf('from-file')).toBe('File-Secret-2026');
    const positional = await runCli(['create', ...WEB, '--name', 'argv', 'Argv-Secret-2026'], { env });
    expect(positional.code).toBe(2);
    expect(positional.stderr).toContain('a key is never taken from the command line');
    expectAbsent('Argv-Secret-2026', positional.stderr);
    const weak = await runCli(['create', ...WEB, '--name', 'weak', '--secret-stdin'], { env, input: 'weakweakweak' });
    expect([weak.code, weak.stderr]).toEqual([2, expect.stringContaining('mix at least 3 of')]);
    expectAbsent('weakweakweak', weak.stderr);
    expect(emulator.requests.filter((r) => r.path.includes('/apiKeys/weak') || r.path.includes('/apiKeys/argv'))).toHaveLength(0);
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
    const { env, emulator } = await world();
    const result = await runCli(['create', ...WEB, ...extra], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
    expect(emulator.requests).toHaveLength(0);
  });

  it('an existing key is not replaced without --replace (exit 1, names hint and expiry); --replace replaces', async () => {
    const { env, secretOf } = await world();
    const before = secretOf('nlk-prod')!;
    const refused = await runCli(['create', ...WEB, '--name', 'nlk-prod', '--show-secret'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`a key named 'nlk-prod' already exists on web-01 (edge-rg) (hint ${before.slice(0, 3)}, expires`);
    expect(refused.stdout).toBe('');
    expect(secretOf('nlk-prod')).toBe(before);
    const replaced = await runCli(['create', ...WEB, '--name', 'nlk-prod', '--replace', '--show-secret', '-o', 'json'], { env });
    expect(replaced.code).toBe(0);
    expect(json(replaced.stdout).action).toBe('replaced');
    expect(secretOf('nlk-prod')).not.toBe(before);
  });

  it('--secret-out never overwrites without --force, and leaves no file when Azure refuses', async () => {
    const { env, emulator } = await world();
    const dir = folder();
    const file = join(dir, 'exists.txt');
    writeFileSync(file, 'keep me\n');
    const refused = await runCli(['create', ...WEB, '--name', 'out-key', '--secret-out', file], { env });
    expect([refused.code, readFileSync(file, 'utf8')]).toEqual([2, 'keep me\n']);
    expect((await runCli(['create', ...WEB, '--name', 'out-key', '--secret-out', file, '--force'], { env })).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe('keep me\n');
    emulator.faults.add({ method: 'PUT', status: 403, code: 'AuthorizationFailed', message: 'The client does not have authorization to perform this action.' });
    const fresh = join(dir, 'fresh.txt');
    const denied = await runCli(['create', ...WEB, '--name', 'denied', '--secret-out', fresh], { env });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toBe(
      'error: The client does not have authorization to perform this action. (AuthorizationFailed)\nYour sign-in lacks access: ask for Reader on the subscription and Contributor on the deployment.\n',
    );
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a --secret-out file that appears while the key is created is not overwritten, and the key is not lost', async () => {
    const { env, emulator, secretOf } = await world();
    emulator.faults.add({ method: 'PUT', delayMs: 800 });
    const dir = folder();
    const file = join(dir, 'raced.key');
    const result = await runCli(['create', ...WEB, '--name', 'raced', '--secret-out', file], {
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
    expect(result.stderr).toContain(`key 'raced' was created, but its file could not be moved to ${file} (a file of that name appeared meanwhile)`);
    expect(readFileSync(staging!, 'utf8')).toBe(secretOf('raced'));
    expect(statSync(staging!).mode & 0o777).toBe(0o600);
  });

  it('a deployment that cannot take a key is refused with exit 1 before the key is sent', async () => {
    const { env, emulator } = await world();
    const result = await runCli(['create', '-d', 'broken-01', '--subscription', PRODUCTION, '--name', 'x', '--show-secret'], { env });
    expect([result.code, result.stderr]).toEqual([1, 'error: broken-01 (platform-rg, Contoso Production) cannot take a key now: deployment failed\n']);
    expect(emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('the key never shows in the argv or environment of the process, nor in --verbose logs', async () => {
    const { env, emulator } = await world();
    emulator.faults.add({ method: 'PUT', delayMs: 700 });
    let seen = '';
    const result = await runCli(['create', ...WEB, '--name', 'watched', '--secret-stdin', '--verbose'], {
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
    expect(result.stderr).toMatch(/→ PUT https:\/\/127\.0\.0\.1:\d+\/subscriptions\/.*\/apiKeys\/watched\?api-version=2025-11-01/);
    expect(result.stderr).toMatch(/← 201 PUT/);
    expectAbsent(emulator.token, result.stderr);
  });
});

describe('list, show, endpoint, delete', () => {
  it('list shows name, hint, expiry and status; --expiring-within exits 3', async () => {
    const { env } = await world();
    const list = await runCli(['list', ...WEB], { env });
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^NAME\s+HINT\s+EXPIRES\s+STATUS$/);
    expect(list.stdout).toMatch(/nlk-prod\s+\w{3}\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(in 20 days\)\s+expires within 30 days/);
    expect(list.stdout).toMatch(/asg-sync .*ok/);
    expect((await runCli(['list', ...WEB, '--expiring-within', '30'], { env })).code).toBe(3);
    expect((await runCli(['list', ...WEB, '--expiring-within', '10'], { env })).code).toBe(0);
    const bad = await runCli(['list', ...WEB, '--expiring-within', 'soon'], { env });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('whole number of days')]);
  });

  it('list --all covers every deployment, progress goes to stderr only, JSON matches the schema', async () => {
    const { env } = await world();
    const all = await runCli(['list', '--all', '-o', 'json', '--expiring-within', '1'], { env });
    expect(all.code).toBe(3);
    const document = json(all.stdout);
    expectSchema('list', document);
    expect(document.expiringFound).toBe(true);
    const names = document.deployments.map((d: { deployment: { name: string } }) => d.deployment.name);
    expect(names).toEqual(['api-gateway', 'broken-01', 'sandbox-nginx', 'stage-upgrading', 'stage-web', 'web-01']);
    const oldCi = document.deployments[0].keys[0];
    expect(oldCi).toMatchObject({ name: 'old-ci', status: 'expired', flagged: true });
    const text = await runCli(['list', '--all'], { env });
    expect(text.stdout).toMatch(/^DEPLOYMENT\s+RESOURCE GROUP\s+NAME\s+HINT\s+EXPIRES\s+STATUS/);
    expect(text.stdout).toMatch(/api-gateway\s+edge-rg\s+old-ci .*expired 3 days ago\)\s+expired/);
  });

  it('show and endpoint, in text and JSON', async () => {
    const { env, emulator, web } = await world();
    const endpoint = `${emulator.url}/${emulator.world.endpointHost(web())}/`;
    const show = await runCli(['show', ...WEB, '--name', 'asg-sync', '-o', 'json'], { env });
    expectSchema('show', json(show.stdout));
    expect(json(show.stdout)).toMatchObject({ name: 'asg-sync', status: 'ok', dataplaneApiEndpoint: endpoint, nplusEndpoint: `${endpoint}nplus` });
    const text = await runCli(['show', ...WEB, '--name', 'nlk-prod'], { env });
    expect(text.stdout).toContain('status    expires within 30 days');
    const missing = await runCli(['show', ...WEB, '--name', 'missing'], { env });
    expect([missing.code, missing.stderr]).toEqual([1, "error: no key named 'missing' on web-01 (edge-rg) (ResourceNotFound)\n"]);
    expect((await runCli(['endpoint', ...WEB], { env })).stdout).toBe(`${endpoint}\n`);
    expect((await runCli(['endpoint', ...WEB, '--nplus'], { env })).stdout).toBe(`${endpoint}nplus\n`);
    const asJson = await runCli(['endpoint', ...WEB, '-o', 'json'], { env });
    expectSchema('endpoint', json(asJson.stdout));
    const none = await runCli(['endpoint', '-d', 'broken-01', '--subscription', PRODUCTION], { env });
    expect([none.code, none.stderr]).toEqual([1, expect.stringContaining('has no dataplane API endpoint')]);
  });

  it('a deployment given by resource id needs no -g or --subscription', async () => {
    const { env } = await world();
    const id = `/subscriptions/${STAGING}/resourceGroups/staging-rg/providers/NGINX.NGINXPLUS/nginxDeployments/stage-web`;
    const result = await runCli(['list', '-d', id, '-o', 'json'], { env });
    expect(json(result.stdout).deployments[0].keys[0].name).toBe('nlk-staging');
  });

  it('a name alone is found across the subscriptions; an unknown one is a clear error', async () => {
    const { env } = await world();
    expect((await runCli(['endpoint', '-d', 'stage-web'], { env })).code).toBe(0);
    const unknown = await runCli(['endpoint', '-d', 'nowhere'], { env });
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining("no NGINXaaS deployment named 'nowhere' (searched: Contoso Production, Contoso Staging, Old Sandbox)")]);
  });

  it('delete needs --yes without a terminal; 204 is "already gone" with exit 0', async () => {
    const { env, secretOf } = await world();
    const asked = await runCli(['delete', ...WEB, '--name', 'asg-sync'], { env });
    expect([asked.code, asked.stderr]).toEqual([2, expect.stringContaining('pass --yes')]);
    expect(secretOf('asg-sync')).toBeDefined();
    const deleted = await runCli(['delete', ...WEB, '--name', 'asg-sync', '--yes', '-o', 'json'], { env });
    expectSchema('delete', json(deleted.stdout));
    expect(json(deleted.stdout).result).toBe('deleted');
    const again = await runCli(['delete', ...WEB, '--name', 'asg-sync', '--yes'], { env });
    expect([again.code, again.stdout]).toEqual([0, "Key 'asg-sync' was already gone from web-01 (edge-rg); nothing to delete.\n"]);
  });
});

describe('rotate', () => {
  it('--yes: a new key beside the old one, then the old one deleted; JSON matches the schema', async () => {
    const { env, secretOf } = await world();
    const result = await runCli(['rotate', ...WEB, '--name', 'nlk-prod', '--new-name', 'nlk-prod-2', '--show-secret', '--yes', '-o', 'json'], { env });
    expect(result.code).toBe(0);
    const document = json(result.stdout);
    expectSchema('rotate', document);
    expect(document).toMatchObject({ name: 'nlk-prod-2', action: 'created', rotatedFrom: { name: 'nlk-prod', action: 'deleted' } });
    expect(document.secret).toBe(secretOf('nlk-prod-2'));
    expect(secretOf('nlk-prod')).toBeUndefined();
  });

  it('without a terminal or --yes the old key is kept, and the command to retire it is printed', async () => {
    const { env, secretOf } = await world();
    const before = secretOf('asg-sync');
    const file = join(folder(), 'new.key');
    const result = await runCli(['rotate', ...WEB, '--name', 'asg-sync', '--secret-out', file], { env });
    expect(result.code).toBe(0);
    const newName = `asg-sync-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
    expect(result.stdout).toContain(`Created key '${newName}'`);
    expect(readFileSync(file, 'utf8')).toBe(secretOf(newName));
    expect(secretOf('asg-sync')).toBe(before);
    expect(result.stderr).toContain(`nginxaas-keys delete -d web-01 -g edge-rg --subscription ${PRODUCTION} --name asg-sync`);
    const again = await runCli(['rotate', ...WEB, '--name', 'asg-sync', '--show-secret'], { env });
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining(`a key named '${newName}' already exists`)]);
  });

  it('a missing old key is exit 1 and creates nothing', async () => {
    const { env, emulator } = await world();
    const result = await runCli(['rotate', ...WEB, '--name', 'nope', '--show-secret'], { env });
    expect([result.code, result.stderr]).toEqual([1, "error: no key named 'nope' on web-01 (edge-rg) to rotate (ResourceNotFound)\n"]);
    expect(emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });
});

describe('Azure errors, sign-in and subscriptions', () => {
  it('an ARM error is one line with its code, no stack trace (after the SDK retried the 500s)', async () => {
    const { env, emulator } = await world();
    emulator.faults.add({ path: '/apiKeys', status: 500, code: 'InternalServerError', message: 'Something broke inside.', times: -1 });
    const result = await runCli(['list', ...WEB], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: Something broke inside. (InternalServerError)\n');
  });

  it('a wrong token is an authentication error with its ARM code', async () => {
    const { env } = await world();
    const result = await runCli(['list', ...WEB], { env: { ...env, NGINXAAS_ACCESS_TOKEN: 'wrong' } });
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([1, 'error: The access token is invalid. (InvalidAuthenticationToken)']);
    expect(result.stderr).toContain('Sign in with `az login`');
  });

  it('nothing listening is a network error, exit 1', async () => {
    const { env } = await world();
    const result = await runCli(['list', ...WEB], { env: { ...env, NGINXAAS_ARM_ENDPOINT: 'https://127.0.0.1:9' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: could not reach https:\/\/127\.0\.0\.1:9: .*\(ECONNREFUSED\)\nCheck the network, a proxy, or --arm-endpoint\.\n$/);
  });

  it('--auth cli takes the Azure CLI default subscription, through a fake az', async () => {
    const { env, emulator } = await world();
    const az = makeFakeAz({ token: emulator.token, subscription: STAGING });
    const result = await runCli(['endpoint', '-d', 'stage-web', '-g', 'staging-rg', '--auth', 'cli', '-o', 'json'], {
      env: { ...env, NGINXAAS_ACCESS_TOKEN: undefined, PATH: az.path },
    });
    expect(result.code).toBe(0);
    expect(json(result.stdout).deployment.subscriptionId).toBe(STAGING);
    expect(az.calls()).toEqual(['account show --output json', 'account get-access-token --output json --resource https://management.azure.com']);
  });

  it('--auth cli when signed out says to run az login', async () => {
    const { env } = await world();
    const az = makeFakeAz({ token: 'x', loggedOut: true });
    const result = await runCli(['list', ...WEB, '--auth', 'cli'], { env: { ...env, PATH: az.path } });
    expect([result.code, result.stderr]).toEqual([1, expect.stringContaining('run `az login`, or use --auth device-code')]);
  });

  it.each([
    [['list', '--auth', 'magic'], "--auth takes cli, default, device-code, browser, env, token; not 'magic'"],
    [['list', '--cloud', 'Mars'], "--cloud takes AzureCloud, AzureChinaCloud, AzureUSGovernment; not 'Mars'"],
    [['list', '--arm-endpoint', 'http://127.0.0.1:1'], 'must use https'],
    [['list', '--arm-ca', '/nonexistent.pem'], "cannot read the CA file '/nonexistent.pem'"],
    [['list', '-o', 'yaml'], "--output takes text, json; not 'yaml'"],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['list', '--nplus'], "--nplus does not apply to 'list'"],
    [['rotate', '-d', 'x', '--name', 'y', '--keep-old', '--yes', '--show-secret'], 'either --keep-old or --yes'],
    [['rotate', '-d', 'x', '--name', 'y', '--new-name', 'y', '--show-secret'], 'a name of its own'],
  ])('%j is bad usage: exit 2', async (args, words) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(result.stderr).toContain("See 'nginxaas-keys --help'.");
  });
});

describe('the program as a whole', () => {
  it('--help, command help and --version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['create', 'list', 'show', 'delete', 'rotate', 'endpoint', 'emulator']) expect(help.stdout).toContain(`  ${command} `);
    expect(help.stdout).toContain('Exit codes: 0 done, 1 the operation failed, 2 bad usage or input');
    const create = await runCli(['create', '--help']);
    for (const flag of ['--secret-stdin', '--secret-file', '--generate', '--secret-out', '--replace', '--show-secret', '--expires']) expect(create.stdout).toContain(flag);
    expect((await runCli(['--version'])).stdout).toMatch(/^nginxaas-keys \d+\.\d+\.\d+\n$/);
  });

  it('the wizard without a terminal exits 2 and names the command that does the same', async () => {
    const result = await runCli([], { env: { CI: undefined } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nginxaas-keys create -d <deployment> -g <resource-group> --name <key-name> --secret-out <file>');
  });

  it('--demo runs any command on the embedded emulator', async () => {
    const result = await runCli(['list', '--all', '--demo', '-o', 'json']);
    expect(result.code).toBe(0);
    expect(json(result.stdout).deployments).toHaveLength(6);
  });

  it('`emulator` prints its URL, CA file and token; curl-style access lists the subscriptions', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(ROOT, 'bin/nginxaas-keys.js'), 'emulator', '-o', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    const { url, caFile, token } = JSON.parse(line) as { url: string; caFile: string; token: string };
    const result = await runCli(['list', '--all', '-o', 'json'], { env: { NGINXAAS_ARM_ENDPOINT: url, NGINXAAS_ARM_CA: caFile, NGINXAAS_ACCESS_TOKEN: token } });
    expect(json(result.stdout).deployments).toHaveLength(6);
    const { request } = await import('node:https');
    const body = await new Promise<string>((resolve, reject) => {
      request(`${url}/subscriptions?api-version=2022-12-01`, { ca: readFileSync(caFile), headers: { authorization: `Bearer ${token}` } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(text));
      })
        .on('error', reject)
        .end();
    });
    expect(JSON.parse(body).value.map((s: { displayName: string }) => s.displayName)).toEqual(['Contoso Production', 'Contoso Staging', 'Old Sandbox']);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });
});
