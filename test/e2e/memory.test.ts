/**
 * Issue 36 through the built binary against the emulator: saved defaults (`config`) fill -d and
 * -g, profiles choose their own, a flag wins over both, a bad value is refused and the saved one
 * kept; and `history` records create, extend and delete with their outcomes, a create Azure
 * refused as failed with ARM's code, in a 0600 file that holds no secret.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorld, envFor, runCli } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('memory-');

/** A user of their own: a config folder and a state folder, kept across the runs of one test. */
function user(env: Record<string, string>) {
  const home = tempDir();
  const folders = { XDG_CONFIG_HOME: join(home, 'config'), XDG_STATE_HOME: join(home, 'state') };
  const run = (args: string[], extra: Record<string, string | undefined> = {}, input?: string) =>
    runCli(args, { env: { ...env, ...folders, ...extra }, ...(input !== undefined ? { input } : {}) });
  return {
    run,
    home,
    configFile: join(folders.XDG_CONFIG_HOME, 'nginxaas-keys', 'config.json'),
    historyFile: join(folders.XDG_STATE_HOME, 'nginxaas-keys', 'history.jsonl'),
  };
}

const keyNames = (stdout: string) =>
  (JSON.parse(stdout) as { deployments: { keys: { name: string }[] }[] }).deployments
    .flatMap((d) => d.keys.map((k) => k.name))
    .sort();

describe('config: saved defaults and profiles', () => {
  it('saved deployment and resource group make a bare list use them; profiles choose their own; a flag wins', async () => {
    const { env } = await cliWorld();
    const me = user(env);
    expect((await me.run(['config', 'set', 'deployment', 'web-01'])).code).toBe(0);
    expect((await me.run(['config', 'set', 'resource-group', 'edge-rg'])).code).toBe(0);
    expect((await me.run(['config', 'set', 'deployment', 'stage-web', '--profile', 'stage'])).code).toBe(0);
    expect((await me.run(['config', 'set', 'resource-group', 'staging-rg', '--profile', 'stage'])).code).toBe(0);
    expect(statSync(me.configFile).mode & 0o777).toBe(0o600);

    const bare = await me.run(['list', '-o', 'json']);
    expect(bare.code, bare.stderr).toBe(0);
    expect(keyNames(bare.stdout)).toContain('nlk-prod');

    const byFlag = await me.run(['list', '-o', 'json', '--profile', 'stage']);
    expect(byFlag.code, byFlag.stderr).toBe(0);
    expect(keyNames(byFlag.stdout)).toEqual(['nlk-staging']);
    const byEnv = await me.run(['list', '-o', 'json'], { NGINXAAS_KEYS_PROFILE: 'stage' });
    expect(keyNames(byEnv.stdout)).toEqual(['nlk-staging']);

    // A flag wins over the profile and over the environment's profile.
    const flagWins = await me.run(['list', '-d', 'web-01', '-g', 'edge-rg', '-o', 'json', '--profile', 'stage'], {
      NGINXAAS_KEYS_PROFILE: 'stage',
    });
    expect(flagWins.code, flagWins.stderr).toBe(0);
    expect(keyNames(flagWins.stdout)).toContain('nlk-prod');

    // Said where it matters: --verbose and status.
    const verbose = await me.run(['list', '--verbose', '--profile', 'stage']);
    expect(verbose.stderr).toContain(
      'profile stage: saved defaults in force: resource-group staging-rg (profile stage), deployment stage-web (profile stage)',
    );
    const status = await me.run(['status', '-o', 'json', '--profile', 'stage']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('profile stage; saved defaults in force: resource-group staging-rg');

    const listed = JSON.parse((await me.run(['config', 'list', '-o', 'json'])).stdout) as Record<string, unknown>;
    expect(listed.defaults).toEqual({ deployment: 'web-01', 'resource-group': 'edge-rg' });
    expect(listed.profiles).toEqual({ stage: { deployment: 'stage-web', 'resource-group': 'staging-rg' } });
  });

  it('a run that fails where saved defaults chose the target says so after the error', async () => {
    const { env } = await cliWorld();
    const me = user(env);
    await me.run(['config', 'set', 'deployment', 'web-prod-01']);
    const failed = await me.run(['list']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("no NGINXaaS deployment named 'web-prod-01'");
    expect(failed.stderr.trim().split('\n').pop()).toBe(
      'note: saved defaults in force: deployment web-prod-01 (saved defaults)',
    );
  });

  it('an unknown profile is exit 2 naming the known ones, nothing sent', async () => {
    const { env, emulator } = await cliWorld();
    const me = user(env);
    await me.run(['config', 'set', 'deployment', 'stage-web', '--profile', 'stage']);
    const before = emulator.requests.length;
    const unknown = await me.run(['list', '--profile', 'prod']);
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([
      2,
      "error: no profile named 'prod'; the profiles are: stage",
    ]);
    const viaEnv = await me.run(['show', 'web-01', 'nlk-prod'], { NGINXAAS_KEYS_PROFILE: 'prod' });
    expect(viaEnv.code).toBe(2);
    expect(emulator.requests.length).toBe(before);
  });

  it('a value is checked as its flag: a bad one is exit 2, nothing saved, the saved one kept', async () => {
    const { env } = await cliWorld();
    const me = user(env);
    const good = '11111111-2222-4333-8444-555555555555';
    expect((await me.run(['config', 'set', 'subscription', good])).code).toBe(0);
    const saved = readFileSync(me.configFile, 'utf8');
    const bad = await me.run(['config', 'set', 'subscription', 'not-a-guid']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("subscription: 'not-a-guid' is not a subscription id");
    expect(readFileSync(me.configFile, 'utf8')).toBe(saved);
    expect((await me.run(['config', 'get', 'subscription'])).stdout).toBe(`${good}\n`);

    for (const [name, value] of [
      ['auth', 'password'],
      ['cloud', 'Mars'],
      ['output', 'prometheus'],
      ['resource-group', 'bad/group'],
      ['deployment', 'web_01!'],
      ['accessible', 'maybe'],
      ['arm-endpoint', 'http://management.example.com'],
      ['no-such-name', 'x'],
    ]) {
      const refused = await me.run(['config', 'set', name!, value!]);
      expect(refused.code, `${name} ${value}`).toBe(2);
    }
    expect(readFileSync(me.configFile, 'utf8')).toBe(saved);
    // A choice is saved in its own spelling, as the flag takes it.
    expect((await me.run(['config', 'set', 'output', 'JSON'])).code).toBe(0);
    expect((await me.run(['config', 'get', 'output'])).stdout).toBe('json\n');
  });

  it("a profile's endpoint and audience meet the flags' rules: a public cloud's token is never meant for another host", async () => {
    const { env } = await cliWorld();
    const me = user(env);
    expect(
      (await me.run(['config', 'set', 'arm-endpoint', 'https://stack.example.com', '--profile', 'stack'])).code,
    ).toBe(0);
    const refused = await me.run([
      'config',
      'set',
      'arm-audience',
      'https://management.azure.com',
      '--profile',
      'stack',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('a token for AzureCloud is never sent to another host');
    // The environment's endpoint takes the whole group: the profile's endpoint is not used with it.
    const status = await me.run(['status', '--profile', 'stack', '--verbose']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stderr).not.toContain('stack.example.com');
  });
});

describe('history', () => {
  it('create, extend and delete of one key, and a create Azure refused, with their outcomes, as whom; 0600, no secret', async () => {
    // A token that says who it is, as Microsoft Entra ID's do: the record names the account.
    const claims = Buffer.from(JSON.stringify({ upn: 'ops@contoso.example', tid: 'contoso' })).toString('base64url');
    const { env, emulator, secretOf } = await cliWorld({ token: `e30.${claims}.c2ln` });
    const me = user(env);
    const keyFile = join(me.home, 'hist.key');
    const made = await me.run(['create', '-d', 'web-01', '-g', 'edge-rg', '--name', 'hist-1', '--secret-out', keyFile]);
    expect(made.code, made.stderr).toBe(0);
    const secret = secretOf('hist-1')!;
    const extended = await me.run(['extend', 'web-01', 'hist-1', '-g', 'edge-rg', '--expires', '1y']);
    expect(extended.code, extended.stderr).toBe(0);
    const deleted = await me.run(['delete', 'web-01', 'hist-1', '-g', 'edge-rg', '--yes']);
    expect(deleted.code, deleted.stderr).toBe(0);
    emulator.faults.add({ method: 'PUT', path: '/apiKeys/hist-2', status: 403, code: 'AuthorizationFailed' });
    const refused = await me.run([
      'create',
      '-d',
      'web-01',
      '-g',
      'edge-rg',
      '--name',
      'hist-2',
      '--secret-out',
      `${keyFile}.2`,
    ]);
    expect(refused.code).toBe(1);

    const shown = await me.run(['history', '-o', 'json']);
    expect(shown.code, shown.stderr).toBe(0);
    const entries = (JSON.parse(shown.stdout) as { entries: Record<string, unknown>[] }).entries;
    const changes = entries.filter((e) => e.action !== 'hand-off');
    expect(changes.map((e) => [e.action, e.key, e.outcome, e.code ?? null])).toEqual([
      ['create', 'hist-2', 'failed', 'AuthorizationFailed'],
      ['delete', 'hist-1', 'done', null],
      ['extend', 'hist-1', 'done', null],
      ['create', 'hist-1', 'done', null],
    ]);
    const [, del, ext, create] = changes;
    expect(create?.hint).toEqual(expect.any(String));
    expect(ext?.expiresBefore).toBe(create?.expiresAfter);
    expect(Date.parse(String(ext?.expiresAfter))).toBeGreaterThan(Date.parse(String(ext?.expiresBefore)));
    expect(del?.expiresBefore).toBe(ext?.expiresAfter);
    expect(String(create?.deployment)).toMatch(/\/nginxDeployments\/web-01$/);
    expect(changes.map((e) => e.account)).toEqual(Array(4).fill('ops@contoso.example'));
    expect(entries.find((e) => e.action === 'hand-off')).toMatchObject({ key: 'hist-1', destination: keyFile });

    expect(statSync(me.historyFile).mode & 0o777).toBe(0o600);
    const record = readFileSync(me.historyFile, 'utf8');
    expect(record).not.toContain(secret);
    expect(record).not.toContain(emulator.token);

    const filtered = await me.run(['history', '--key', 'hist-2']);
    expect(filtered.stdout.trim().split('\n')).toHaveLength(1);
    expect(filtered.stdout).toMatch(/create +hist-2 on web-01 {2}failed \(AuthorizationFailed\)/);
  });
});

/** Every way a secret could be written down: as it is, base64, base64url, percent-encoded, JSON-escaped, hex. */
function encodings(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    secret,
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
  ];
}

function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

describe('no secret in anything the program keeps', () => {
  it('after a create, a rotation with hand-offs and an extend with a re-sent value, no file under the config and state folders holds a secret in any encoding', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    const me = user(env);
    const work = tempDir();
    await me.run(['config', 'set', 'resource-group', 'edge-rg']);
    await me.run(['config', 'set', 'deployment', 'web-01', '--profile', 'stage']);
    const keyFile = join(work, 'kept.key');
    const made = await me.run(['create', '--profile', 'stage', '--name', 'kept', '--secret-out', keyFile]);
    expect(made.code, made.stderr).toBe(0);
    const rotated = await me.run([
      'rotate',
      'web-01',
      'kept',
      '--emit',
      `nlk=${join(work, 'nlk.yaml')}`,
      '--emit',
      `env=${join(work, 'app.env')}`,
      '--emit',
      'keyvault=https://contoso-keys.vault.azure.net/secrets/kept',
      '--secret-out',
      join(work, 'kept-2.key'),
      '--yes',
    ]);
    expect(rotated.code, rotated.stderr).toBe(0);
    const extended = await me.run(
      ['extend', 'web-01', 'kept-2', '--expires', '1y', '--secret-file', join(work, 'kept-2.key'), '--verbose'],
      {},
    );
    expect(extended.code, extended.stderr).toBe(0);

    const secrets = [readFileSync(keyFile, 'utf8').trim(), secretOf('kept-2')!, emulator.token];
    expect(secrets[1]).toBe(readFileSync(join(work, 'kept-2.key'), 'utf8').trim());
    const kept = [...filesUnder(join(me.home, 'config')), ...filesUnder(join(me.home, 'state'))];
    // The record, the saved defaults, the demo-free state: there is something to search.
    expect(kept.map((f) => f.split('/').pop())).toEqual(expect.arrayContaining(['config.json', 'history.jsonl']));
    for (const file of kept) {
      const content = readFileSync(file).toString('latin1');
      for (const secret of secrets)
        for (const encoded of encodings(secret))
          expect(content.includes(encoded), `${file} holds a secret`).toBe(false);
    }
    // And the record says what happened: rotated with hand-offs, extended, by profile where one was chosen.
    const entries = (
      JSON.parse((await me.run(['history', '-o', 'json'])).stdout) as { entries: Record<string, unknown>[] }
    ).entries;
    expect(entries.map((e) => `${e.action} ${e.key} ${e.outcome}`)).toEqual(
      expect.arrayContaining([
        'create kept done',
        'rotate-new kept-2 done',
        'rotate-retire kept done',
        'hand-off kept-2 done',
        'extend kept-2 done',
      ]),
    );
    expect(entries.find((e) => e.action === 'create')).toMatchObject({ profile: 'stage' });
  });
});

describe('the wizard remembers', () => {
  it('the deployment last used, per profile, and offers it first the next time', async () => {
    const emulator = await useEmulator();
    const home = tempDir();
    const env = { ...envFor(emulator), XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config') };
    await runCli(['config', 'set', 'output', 'text', '--profile', 'stage'], { env });
    const plain = (...args: string[]) =>
      runInPty(process.execPath, [BIN, '--plain', ...args], env, { cols: 120, rows: 50 }, home);
    const QUESTION = '? Deployment: a number, or words to filter by';

    const first = plain();
    await first.waitFor(QUESTION);
    expect(first.text()).toMatch(/ 1\. api-gateway,/);
    await first.type(...'stage-web'.split(''), KEY.enter);
    await first.waitFor(/q leave:? *$/);
    await first.type('q', KEY.enter);
    expect(await first.exit).toBe(0);

    const again = plain();
    await again.waitFor(QUESTION);
    expect(again.text()).toMatch(/ 1\. stage-web, group staging-rg/);
    expect(again.text()).toMatch(/ 2\. api-gateway,/);
    await again.type(KEY.ctrlC);
    expect(await again.exit).toBe(130);

    // Another profile has its own memory: nothing yet.
    const staged = plain('--profile', 'stage');
    await staged.waitFor(QUESTION);
    expect(staged.text()).toMatch(/ 1\. api-gateway,/);
    await staged.type(KEY.ctrlC);
    expect(await staged.exit).toBe(130);
  });
});

describe('the key console shows the selected key’s history', () => {
  it('in the full-screen wizard a line for the selected key, in --plain a line for each key changed here', async () => {
    const emulator = await useEmulator();
    const home = tempDir();
    const env = { ...envFor(emulator), XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config') };
    const extended = await runCli(['extend', 'web-01', 'nlk-prod', '-g', 'edge-rg', '--expires', '90d'], { env });
    expect(extended.code, extended.stderr).toBe(0);
    const today = new Date().toISOString().slice(0, 10);

    const wizard = runInPty(
      process.execPath,
      [BIN, '-d', 'web-01', '-g', 'edge-rg'],
      env,
      { cols: 80, rows: 24 },
      home,
    );
    await wizard.waitFor('Keys of web-01');
    // The cursor starts on ci-2025, which nothing here changed; nlk-prod is next.
    await wizard.waitFor('history here: no change recorded on this machine');
    await wizard.type(KEY.down);
    await wizard.waitFor(`history here: extend ${today}`);
    await wizard.type(KEY.ctrlC);
    expect(await wizard.exit).toBe(130);

    const plain = runInPty(
      process.execPath,
      [BIN, '--plain', '-d', 'web-01', '-g', 'edge-rg'],
      env,
      { cols: 120, rows: 40 },
      home,
    );
    await plain.waitFor(/q leave:? *$/);
    expect(plain.text()).toContain(`nlk-prod, changed here: extend ${today}`);
    expect(plain.text()).not.toContain('ci-2025, changed here');
    await plain.type('q', KEY.enter);
    expect(await plain.exit).toBe(0);
  });
});

describe('accessible', () => {
  it('saved, the wizard asks line by line as --plain does; ACCESSIBLE in the environment wins over it, either way', async () => {
    const emulator = await useEmulator();
    const home = tempDir();
    const env = { ...envFor(emulator), XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config') };
    expect((await runCli(['config', 'set', 'accessible', 'yes'], { env })).code).toBe(0);
    const lines = runInPty(process.execPath, [BIN], env, { cols: 100, rows: 30 }, home);
    await lines.waitFor('? Deployment: a number, or words to filter by');
    await lines.type(KEY.ctrlC);
    expect(await lines.exit).toBe(130);

    const full = runInPty(process.execPath, [BIN], { ...env, ACCESSIBLE: '0' }, { cols: 100, rows: 30 }, home);
    await full.waitFor('Choose a deployment');
    expect(full.text()).not.toContain('? Deployment: a number');
    await full.type(KEY.ctrlC);
    expect(await full.exit).toBe(130);

    // ACCESSIBLE alone asks for the line face too, as --plain does.
    await runCli(['config', 'unset', 'accessible'], { env });
    const asked = runInPty(process.execPath, [BIN], { ...env, ACCESSIBLE: '1' }, { cols: 100, rows: 30 }, home);
    await asked.waitFor('? Deployment: a number, or words to filter by');
    await asked.type(KEY.ctrlC);
    expect(await asked.exit).toBe(130);
  });
});

describe('the demo keeps a history of its own', () => {
  it('a --demo change is in the demo’s history, not in yours', async () => {
    const { env } = await cliWorld();
    const me = user(env);
    const demo = await me.run([
      'create',
      'web-01',
      '--name',
      'demo-made',
      '--secret-out',
      join(me.home, 'd.key'),
      '--demo',
    ]);
    expect(demo.code, demo.stderr).toBe(0);
    const real = await me.run(['delete', 'web-01', 'ci-2025', '-g', 'edge-rg', '--yes']);
    expect(real.code, real.stderr).toBe(0);
    const keysOf = async (args: string[]) =>
      (
        JSON.parse((await me.run(['history', '-o', 'json', ...args])).stdout) as {
          entries: { key: string; action: string }[];
        }
      ).entries
        .filter((e) => e.action !== 'hand-off')
        .map((e) => `${e.action} ${e.key}`);
    expect(await keysOf(['--demo'])).toEqual(['create demo-made']);
    expect(await keysOf([])).toEqual(['delete ci-2025']);
    expect(existsSync(join(me.home, 'state', 'nginxaas-keys', 'demo-history.jsonl'))).toBe(true);
  });
});

describe('the wizard’s changes are recorded too', () => {
  it('a key made in --plain and handed to a file: the create and the hand-off, with the whole path, never the key', async () => {
    const emulator = await useEmulator();
    const home = tempDir();
    const env = { ...envFor(emulator), XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config') };
    const run = runInPty(
      process.execPath,
      [BIN, '--plain', '-d', 'web-01', '-g', 'edge-rg'],
      env,
      { cols: 160, rows: 50 },
      home,
    );
    const answer = async (question: string | RegExp, words = '') => {
      await run.waitFor(question);
      await run.type(...words.split(''), KEY.enter);
    };
    await answer('? n new · r N rotate', 'n');
    await answer('? Key name', 'wizard-made');
    await answer('? Expiry: a number');
    await answer('? Key (hidden', 'Wizard-Secret-4242');
    await answer('? Create it? y creates', 'y');
    await answer(/\? r shows the key.*$/, 'h');
    await answer('? Hand the key to', '3');
    await answer('? Where: Enter takes nginxaas.env');
    await run.waitFor('✔ env: wrote nginxaas.env (mode 0600)');
    // Asked again, the panel's question is short: its choices were said once.
    await answer(/\? The key \(\? says the choices\) *$/, 'q');
    await answer('? Have you saved the key?', 'y');
    expect(await run.exit).toBe(0);

    const shown = await runCli(['history', '-o', 'json'], { env });
    const entries = (JSON.parse(shown.stdout) as { entries: Record<string, unknown>[] }).entries;
    expect(entries.map((e) => [e.action, e.command, e.key, e.outcome])).toEqual([
      ['hand-off', 'wizard', 'wizard-made', 'done'],
      ['create', 'wizard', 'wizard-made', 'done'],
    ]);
    expect(entries[0]?.destination).toBe(join(home, 'nginxaas.env'));
    expect(readFileSync(join(home, 'state', 'nginxaas-keys', 'history.jsonl'), 'utf8')).not.toContain(
      'Wizard-Secret-4242',
    );
  });
  it('a rotation in the key console is recorded as one: its new key and the old key retired, as rotate records them', async () => {
    const emulator = await useEmulator();
    const home = tempDir();
    const env = { ...envFor(emulator), XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config') };
    const run = runInPty(
      process.execPath,
      [BIN, '--plain', '-d', 'web-01', '-g', 'edge-rg'],
      { ...env, TERM: 'dumb' },
      { cols: 200, rows: 50 },
      home,
    );
    const answer = async (question: string | RegExp, words = '') => {
      await run.waitFor(question);
      await run.type(...words.split(''), KEY.enter);
    };
    await answer('? n new · r N rotate', 'r 2');
    await answer("? Rotate 'nlk-prod'? y goes on", 'y');
    await run.waitFor('✔ The dataplane accepted the key', 30_000);
    await answer(/s stops here: $/, 'r');
    await answer(/\? Rotation \(\? says the choices\): $/, 'y');
    await run.waitFor("'nlk-prod' deleted.", 30_000);
    await answer(/\? Keys \(\? says the choices\): $/, 'q');
    expect(await run.exit).toBe(0);

    const shown = await runCli(['history', '-o', 'json'], { env });
    const entries = (JSON.parse(shown.stdout) as { entries: Record<string, unknown>[] }).entries;
    expect(entries.map((e) => [e.action, e.command, e.key, e.outcome])).toEqual([
      ['rotate-retire', 'wizard', 'nlk-prod', 'done'],
      ['rotate-new', 'wizard', 'nlk-prod-2', 'done'],
    ]);
  });
});
