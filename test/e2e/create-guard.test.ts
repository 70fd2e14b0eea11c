/**
 * create's guard, through the built binary against the emulator: a matching prefix never passes
 * for our own key, two creates of one name at once leave one key and one loud failure, a timeout
 * is as uncertain as a cancel, server text that quotes the key or token is masked, a key file git
 * would commit is said, and Key Vault's lost answers are settled. (A secret written nowhere:
 * e2e/closed-stdout.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorld, runCli } from '../helpers/cli';
import { DEMO_VAULT } from '../../src/emulator/sample-data';
import { useTempDir } from '../helpers/temp';
import { WEB_ARGV } from '../helpers/sample';
import { waitUntil } from '../helpers/wait';
import { base64 } from '../helpers/secrets';

const tempDir = useTempDir('create-guard-');

describe('the create guard', () => {
  it(
    'a key with the same first three characters and the same date is not replaced (exit 1, first secret kept)',
    { tags: ['clock'] },
    async () => {
      const { env, secretOf } = await cliWorld();
      const args = ['create', ...WEB_ARGV, '--name', 'dup', '--secret-stdin', '--expires', '2y'];
      const date = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
      args[args.length - 1] = date;
      expect((await runCli(args, { env, input: 'Abc-first-1111' })).code).toBe(0);
      const second = await runCli(args, { env, input: 'Abc-second-2222' });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain("a key named 'dup' already exists");
      expect(secretOf('dup')).toBe('Abc-first-1111');
    },
  );

  it('two creates of one name at once: one key, one exit 1 saying another run made it, no dead key file', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    // The first PUT is held until the second run's GET has arrived: both saw the name free, on
    // any machine, however slow the second node is to start.
    emulator.faults.add({
      method: 'PUT',
      path: '/apiKeys/twice',
      holdUntil: { method: 'GET', path: '/apiKeys/twice', count: 2 },
    });
    const [a, b] = [join(tempDir(), 'a.key'), join(tempDir(), 'b.key')];
    const runs = await Promise.all(
      [a, b].map((file) => runCli(['create', ...WEB_ARGV, '--name', 'twice', '--secret-out', file], { env })),
    );
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
    const loser = runs.find((r) => r.code === 1)!;
    expect(loser.stderr).toContain(
      "a key named 'twice' was created by someone else after this run found the name free",
    );
    const winnerFile = runs[0]!.code === 0 ? a : b;
    const loserFile = winnerFile === a ? b : a;
    expect(readFileSync(winnerFile, 'utf8')).toBe(secretOf('twice'));
    expect(existsSync(loserFile)).toBe(false);
    expect(
      emulator.requests
        .filter((r) => r.method === 'PUT')
        .map((r) => r.status)
        .sort(),
    ).toEqual([201, 412]);
  });

  it('a 200 where 201 was due (the service ignored If-None-Match) is a loud exit 1, the key file kept', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({ method: 'PUT', okStatus: 200 });
    const file = join(tempDir(), 'raced.key');
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'raced', '--secret-out', file], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Azure answered "replaced" (200), not "created" (201)');
    expect(result.stderr).toContain(`This run's key is in ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(secretOf('raced'));
  });
});

describe('a PUT carried out after the client stopped waiting', () => {
  it('is not called "nothing changed": the key file is kept, the key may still appear, and it does', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({ method: 'PUT', delayMs: 2500 });
    const file = join(tempDir(), 'slow.key');
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'slow1', '--secret-out', file], {
      env: { ...env, NGINXAAS_KEYS_REQUEST_TIMEOUT_MS: '500' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no answer came to creating key 'slow1'");
    expect(result.stderr).toContain('it may still appear');
    expect(result.stderr).toContain(`The key is in ${file} (mode 0600).`);
    expect(result.stderr).toMatch(/Check with: nginxaas-keys show .*slow1/);
    expect(result.stderr).not.toContain('nothing was changed');
    // The held PUT is carried out once its delay is over: wait for the key to appear (a deadline,
    // not a fixed sleep).
    await waitUntil(() => secretOf('slow1') !== undefined, 10_000, 'the held PUT to be carried out');
    expect(secretOf('slow1')).toBe(readFileSync(file, 'utf8'));
  });

  it('when the key appears by the second look, it was created', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({ method: 'PUT', delayMs: 800 });
    const file = join(tempDir(), 'slow2.key');
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'slow2', '--secret-out', file], {
      env: { ...env, NGINXAAS_KEYS_REQUEST_TIMEOUT_MS: '500' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('a check found the key, so it was created');
    expect(readFileSync(file, 'utf8')).toBe(secretOf('slow2'));
  });
});

describe('secrets inside server text', () => {
  it('a 400 quoting the key (as is and in base64) is printed with the key masked', async () => {
    const { env, emulator } = await cliWorld();
    const secret = 'Quoted-Secret-4711';
    emulator.faults.add({
      method: 'PUT',
      status: 400,
      code: 'InvalidApiKeySecret',
      message: `The secret '${secret}' (header ApiKey ${base64(secret)}) is not allowed.`,
    });
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'quoted', '--secret-stdin', '-o', 'json'], {
      env,
      input: secret,
    });
    expect(result.code).toBe(1);
    for (const channel of [result.stdout, result.stderr]) {
      expect(channel).not.toContain(secret);
      expect(channel).not.toContain(base64(secret));
    }
    expect(result.stderr).toContain("The secret '•••' (header ApiKey •••) is not allowed.");
  });

  it('a 500 echoing the request with its bearer token is printed with the token masked', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({
      method: 'GET',
      path: '/apiKeys',
      status: 500,
      code: 'InternalServerError',
      message: `Request echo: GET /apiKeys Authorization: Bearer ${emulator.token}`,
      times: -1,
    });
    const result = await runCli(['list', ...WEB_ARGV], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain(emulator.token);
    expect(result.stderr).toContain('Authorization: Bearer •••');
  });
});

describe('a key file where git would commit it', () => {
  it('create --secret-out inside a work tree that does not ignore it says so on stderr before writing', async () => {
    const { env } = await cliWorld();
    const repo = tempDir();
    execFileSync('git', ['init', '-q', repo]);
    writeFileSync(join(repo, '.gitignore'), 'ignored.key\n');
    const exposed = await runCli(['create', ...WEB_ARGV, '--name', 'in-git', '--secret-out', join(repo, 'k.key')], {
      env,
    });
    expect(exposed.code).toBe(0);
    expect(exposed.stderr).toContain(
      `warning: git would commit it: ${join(repo, 'k.key')} is in the work tree ${repo}, not ignored`,
    );
    const ignored = await runCli(
      ['create', ...WEB_ARGV, '--name', 'in-git-2', '--secret-out', join(repo, 'ignored.key')],
      {
        env,
      },
    );
    expect(ignored.code).toBe(0);
    expect(ignored.stderr).not.toContain('git would commit it');
  });
});

describe('Key Vault under lost answers', () => {
  const vaultUrl = `https://${DEMO_VAULT}/secrets/lost-kv`;

  it('a lost store answer is settled by reading the secret: one version, the key kept, exit 0', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({ method: 'PUT', path: '.vault.azure.net/secrets', withToken: true, commitThenDrop: true });
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'lost-kv', '--emit', `keyvault=${vaultUrl}`], {
      env,
    });
    expect(result.code, result.stderr).toBe(0);
    const versions = emulator.world.vaultSecretVersions(DEMO_VAULT, 'lost-kv');
    expect(versions.map((v) => v.value)).toEqual([secretOf('lost-kv')]);
  });

  it('a store that cannot be settled: the key is deleted again, and the words say the vault may hold its dead value', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({ method: 'PUT', path: '.vault.azure.net/secrets', withToken: true, commitThenDrop: true });
    emulator.faults.add({ method: 'GET', path: '.vault.azure.net/secrets', withToken: true, reset: true, times: -1 });
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'lost-kv', '--emit', `keyvault=${vaultUrl}`], {
      env,
    });
    expect(result.code).toBe(1);
    expect(secretOf('lost-kv')).toBeUndefined();
    const words = result.stderr.replace(/\s+/g, ' ');
    expect(words).toContain('so it was deleted again.');
    expect(words).toContain(`If the newest version of ${vaultUrl} holds it, that value is dead now`);
    // It did: the store was carried out before its answer was lost.
    expect(emulator.world.vaultSecretVersions(DEMO_VAULT, 'lost-kv')).toHaveLength(1);
  });
});
