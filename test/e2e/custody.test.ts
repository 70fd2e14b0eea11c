/**
 * Custody through the built binary against the emulator: whatever ends a run — the run's time
 * limit in the middle of a slow create, a lost answer, a file named twice — the user holds the
 * secret of every key it left live (in a place the run named), or the key is gone again, and a
 * JSON run prints one document that says so.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, linkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorld, runCli } from '../helpers/cli';
import { useTempDir } from '../helpers/temp';
import { expectSchema } from '../helpers/schemas';
import { WEB_ARGV } from '../helpers/sample';

const tempDir = useTempDir('custody-');
/** A request may wait far longer than the run: only the run's limit ends these. */
const PATIENT = { NGINXAAS_KEYS_REQUEST_TIMEOUT_MS: '120000' };
/** The limit's grace periods, shortened from 30 s and 10 s so a test sees all three steps. */
const SHORT_GRACE = { NGINXAAS_KEYS_GRACE_MS: '2000,1500' };

/** One document, and nothing else on stdout; a failure's document follows the error schema. */
function parseOne(stdout: string): Record<string, unknown> {
  const document = JSON.parse(stdout) as Record<string, unknown>;
  if ('error' in document) expectSchema('error', document);
  return document;
}

describe('the run limit during a slow create (case 1)', () => {
  it.each([
    ['--secret-out', (dir: string) => ['--secret-out', join(dir, 'k.key')], (dir: string) => join(dir, 'k.key')],
    ['--emit env', (dir: string) => ['--emit', `env=${join(dir, 'k.env')}`], (dir: string) => join(dir, 'k.env')],
  ])(
    'PUT held past the limit and the forced exit, GETs slower still (%s): the file is in place and named, the key named with show and delete, exit 1',
    async (_label, flags, fileOf) => {
      const { env, emulator, secretOf } = await cliWorld();
      const dir = tempDir();
      // The first look (is the name free?) answers at once; the PUT and every look after it are slow.
      emulator.faults.add({ method: 'GET', path: '/apiKeys/rl-f', delayMs: 0 });
      emulator.faults.add({ method: 'PUT', path: '/apiKeys/rl-f', delayMs: 8_000 });
      emulator.faults.add({ method: 'GET', path: '/apiKeys/rl-f', delayMs: 12_000, times: -1 });
      const result = await runCli(
        ['create', ...WEB_ARGV, '--name', 'rl-f', '--generate', ...flags(dir), '--timeout', '2s'],
        {
          env: { ...env, ...PATIENT, ...SHORT_GRACE },
        },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('the run did not stop when asked: leaving now');
      const file = fileOf(dir);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      // No hidden staging file is left as the only copy.
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(result.stderr).toContain(`its secret is in ${file} (mode 0600)`);
      expect(result.stderr).toMatch(/Check it with: nginxaas-keys show -d web-01 .* --name rl-f/);
      expect(result.stderr).toMatch(/delete it with: nginxaas-keys delete -d web-01 .* --name rl-f --yes/);
      // The PUT lands after the process left: the file holds that key's secret.
      await expect.poll(() => secretOf('rl-f'), { timeout: 15_000 }).toBeDefined();
      expect(readFileSync(file, 'utf8')).toContain(secretOf('rl-f') as string);
    },
    40_000,
  );

  it('rotate under the same schedule: the new key file in place and named, the old key kept and named', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    const dir = tempDir();
    const file = join(dir, 'new.key');
    const oldSecret = secretOf('asg-sync');
    emulator.faults.add({ method: 'GET', path: '/apiKeys/rl-r', delayMs: 0 });
    emulator.faults.add({ method: 'PUT', path: '/apiKeys/rl-r', delayMs: 8_000 });
    emulator.faults.add({ method: 'GET', path: '/apiKeys/rl-r', delayMs: 12_000, times: -1 });
    const result = await runCli(
      [
        'rotate',
        ...WEB_ARGV,
        '--name',
        'asg-sync',
        '--new-name',
        'rl-r',
        '--secret-out',
        file,
        '--yes',
        '--timeout',
        '2s',
      ],
      { env: { ...env, ...PATIENT, ...SHORT_GRACE } },
    );
    expect(result.code).toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(result.stderr).toContain(`its secret is in ${file} (mode 0600)`);
    expect(result.stderr).toMatch(/delete it with: nginxaas-keys delete -d web-01 .* --name rl-r --yes/);
    await expect.poll(() => secretOf('rl-r'), { timeout: 15_000 }).toBeDefined();
    expect(readFileSync(file, 'utf8')).toContain(secretOf('rl-r') as string);
    // The old key was never touched.
    expect(secretOf('asg-sync')).toBe(oldSecret);
  }, 40_000);

  it('with -o json --show-secret the forced exit prints one document with the secret and the key (case 1 and 3)', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({ method: 'GET', path: '/apiKeys/rl-j', delayMs: 0 });
    emulator.faults.add({ method: 'PUT', path: '/apiKeys/rl-j', delayMs: 8_000 });
    emulator.faults.add({ method: 'GET', path: '/apiKeys/rl-j', delayMs: 12_000, times: -1 });
    const result = await runCli(
      ['create', ...WEB_ARGV, '--name', 'rl-j', '--show-secret', '-o', 'json', '--timeout', '2s'],
      { env: { ...env, ...PATIENT, ...SHORT_GRACE } },
    );
    expect(result.code).toBe(1);
    const document = parseOne(result.stdout);
    expect(document).toMatchObject({ keys: [{ name: 'rl-j', deployment: 'web-01', state: 'maybe', stdout: true }] });
    await expect.poll(() => secretOf('rl-j'), { timeout: 15_000 }).toBeDefined();
    expect(document.secret).toBe(secretOf('rl-j'));
  }, 40_000);
});

describe('JSON with an outcome that cannot be settled (case 3)', () => {
  it('create --show-secret -o json whose PUT answer is lost and whose GETs after it fail: exit 1, one document with the secret', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    // The first GET answers (the name is free); the PUT is carried out and its answer lost;
    // every GET after it fails, so nothing can settle whether the key exists.
    emulator.faults.add({ method: 'GET', path: '/apiKeys/lost2', status: 404, code: 'NotFound', times: 1 });
    emulator.faults.add({ method: 'PUT', path: '/apiKeys/lost2', commitThenDrop: true, times: -1 });
    emulator.faults.add({ method: 'GET', path: '/apiKeys/lost2', status: 503, times: -1 });
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'lost2', '--show-secret', '-o', 'json'], {
      env: { ...env, NGINXAAS_KEYS_REQUEST_TIMEOUT_MS: '3000' },
    });
    expect(result.code).toBe(1);
    const document = parseOne(result.stdout);
    expect(document).toMatchObject({
      error: { kind: 'unknown' },
      keys: [{ name: 'lost2', state: 'maybe', stdout: true }],
    });
    expect(document.secret).toBe(secretOf('lost2'));
    expect(result.stderr).toContain('The key is in the JSON document as "secret".');
  }, 60_000);
});

describe('one table of the run files (case 2)', () => {
  it.each([
    [
      'create --secret-out k.key --output-file k.key',
      (d: string) => [
        'create',
        ...WEB_ARGV,
        '--name',
        'two',
        '--secret-out',
        join(d, 'k.key'),
        '--output-file',
        join(d, 'k.key'),
      ],
    ],
    [
      'create --emit env=k.env --output-file ./k.env',
      (d: string) => [
        'create',
        ...WEB_ARGV,
        '--name',
        'two',
        '--emit',
        `env=${join(d, 'k.env')}`,
        '--output-file',
        join(d, '.', 'k.env'),
      ],
    ],
    [
      'rotate --emit nlk=v.yaml --output-file v.yaml --yes',
      (d: string) => [
        'rotate',
        ...WEB_ARGV,
        '--name',
        'asg-sync',
        '--emit',
        `nlk=${join(d, 'v.yaml')}`,
        '--output-file',
        join(d, 'v.yaml'),
        '--yes',
      ],
    ],
    [
      'create --secret-out and --emit on one file',
      (d: string) => [
        'create',
        ...WEB_ARGV,
        '--name',
        'two',
        '--secret-out',
        join(d, 'k'),
        '--emit',
        `env=${join(d, 'k')}`,
      ],
    ],
  ])('%s: refused, exit 2, nothing sent', async (_label, argv) => {
    const { env, emulator } = await cliWorld();
    const dir = tempDir();
    const result = await runCli(argv(dir), { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/are the same file: one file cannot be both/);
    expect(emulator.requests).toHaveLength(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('status --secret-file of.key --output-file of.key (a key file read and replaced): refused, the key file untouched', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    const dir = tempDir();
    const keyFile = join(dir, 'of.key');
    writeFileSync(keyFile, `${secretOf('asg-sync')}\n`, { mode: 0o600 });
    const result = await runCli(['status', ...WEB_ARGV, '--secret-file', keyFile, '--output-file', keyFile], { env });
    expect(result.code).toBe(2);
    expect(emulator.requests).toHaveLength(0);
    expect(readFileSync(keyFile, 'utf8')).toBe(`${secretOf('asg-sync')}\n`);
  });

  it('a hard link of the key file is the same file too', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    const dir = tempDir();
    const keyFile = join(dir, 'of.key');
    writeFileSync(keyFile, `${secretOf('asg-sync')}\n`, { mode: 0o600 });
    linkSync(keyFile, join(dir, 'report.txt'));
    const result = await runCli(
      ['status', ...WEB_ARGV, '--secret-file', keyFile, '--output-file', join(dir, 'report.txt')],
      {
        env,
      },
    );
    expect(result.code).toBe(2);
    expect(emulator.requests).toHaveLength(0);
    expect(existsSync(keyFile)).toBe(true);
  });
});
