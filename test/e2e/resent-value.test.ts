/**
 * Issue 31, case 4, through the built binary against the emulator: a value re-sent with `extend`
 * is proven on the dataplane to be that key's secret before the PUT carries it, and `status`
 * sends a value to the dataplane only when a key's hint matches it. A value that merely starts
 * with the hint is never sent, and "the same secret" is never said on a hint alone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_VAULT } from '../../src/emulator/sample-data';
import { monthsOn } from '../helpers/calendar';
import { cliWorld, runCli } from '../helpers/cli';
import { WEB_ARGV } from '../helpers/sample';
import { expectSchema } from '../helpers/schemas';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('resent-');
const keyWrites = (requests: { method: string; path: string; carriesSecret?: boolean }[]) =>
  requests.filter((r) => r.method === 'PUT' && r.path.includes('/apiKeys/'));
const dataplaneAsks = (requests: { authorization: string }[]) => requests.filter((r) => r.authorization === 'apikey');

/** A file holding `value`, 0600, as a person would keep a key. */
function keyFile(value: string): string {
  const file = join(tempDir(), 'the.key');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return file;
}

describe('extend: a re-sent value is proven first', () => {
  it('a value that only starts with the hint: refused by the dataplane, nothing sent, the secret unchanged, exit 2', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    const before = secretOf('asg-sync') ?? '';
    const wrong = `${before.slice(0, 3)}-wrong-but-starts-with-the-hint-9`;
    const result = await runCli(
      ['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '1y', '--secret-file', keyFile(wrong)],
      { env },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("that value is not key 'asg-sync': the dataplane refused it (HTTP 401)");
    expect(result.stderr).toContain('nothing was sent');
    expect(result.stdout).not.toContain('the same secret');
    expect(result.stderr).not.toContain(wrong);
    expect(keyWrites(emulator.requests)).toHaveLength(0);
    expect(secretOf('asg-sync')).toBe(before);
  });

  it('the right value: proven (the dataplane took it before the PUT), re-sent, and said as the same secret', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    const before = secretOf('asg-sync') ?? '';
    const result = await runCli(
      ['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '1y', '--secret-file', keyFile(before), '-o', 'json'],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ valueSent: true, proven: true, proof: { outcome: 'proven' } });
    expectSchema('extend', JSON.parse(result.stdout));
    const asked = emulator.requests.findIndex((r) => r.authorization === 'apikey');
    const put = emulator.requests.findIndex((r) => r.method === 'PUT');
    expect(asked).toBeGreaterThanOrEqual(0);
    expect(asked).toBeLessThan(put);
    expect(keyWrites(emulator.requests).map((r) => r.carriesSecret)).toEqual([true]);
    expect(secretOf('asg-sync')).toBe(before);
  });

  it('a dataplane that cannot be asked: the value is not sent, only the expiry is, and that is said', async () => {
    const { env, emulator, secretOf, endpoint } = await cliWorld();
    const before = secretOf('asg-sync') ?? '';
    const host = new URL(endpoint()).pathname.split('/')[1] ?? '';
    emulator.faults.add({ method: 'GET', path: `/${host}/packages`, reset: true, times: -1 });
    const result = await runCli(
      ['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '1y', '--secret-file', keyFile(before), '-o', 'json'],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("The value given was not sent: it could not be proven to be 'asg-sync'");
    expect(JSON.parse(result.stdout)).toMatchObject({ valueSent: false, proven: false, proof: { outcome: 'unasked' } });
    expectSchema('extend', JSON.parse(result.stdout));
    expect(keyWrites(emulator.requests).map((r) => r.carriesSecret)).toEqual([undefined]);
    expect(secretOf('asg-sync')).toBe(before);
  });

  it('the same, with --verify: refused, nothing sent, exit 1, with the ways on', async () => {
    const { env, emulator, secretOf, endpoint } = await cliWorld();
    const before = secretOf('asg-sync') ?? '';
    const host = new URL(endpoint()).pathname.split('/')[1] ?? '';
    emulator.faults.add({ method: 'GET', path: `/${host}/packages`, reset: true, times: -1 });
    const result = await runCli(
      ['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '1y', '--secret-file', keyFile(before), '--verify'],
      { env },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing was sent: run it where the dataplane answers, or leave out --secret-file');
    expect(keyWrites(emulator.requests)).toHaveLength(0);
  });

  it('two keys share the hint: the value cannot be proven to be either, so it is refused, nothing sent', async () => {
    const { env, emulator, secretOf, web } = await cliWorld();
    const before = secretOf('asg-sync') ?? '';
    const twin = `${before.slice(0, 3)}-a-twin-with-the-same-hint-1`;
    emulator.world.putKey(web(), 'asg-twin', twin, monthsOn(new Date(), 3).toISOString());
    const result = await runCli(
      ['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '1y', '--secret-file', keyFile(twin)],
      { env },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("that value cannot be proven to be key 'asg-sync'");
    expect(result.stderr).toContain("'asg-sync' and 'asg-twin' all have the hint");
    expect(keyWrites(emulator.requests)).toHaveLength(0);
    expect(dataplaneAsks(emulator.requests)).toHaveLength(0);
    expect(secretOf('asg-sync')).toBe(before);
  });

  it('--emit keyvault whose newest version only starts with the hint: refused before the key is changed', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    const before = secretOf('asg-sync') ?? '';
    const url = `https://${DEMO_VAULT}/secrets/asg-sync`;
    const stale = `${before.slice(0, 3)}-a-stale-value-in-the-vault-7`;
    emulator.world.addVaultSecret({ vault: DEMO_VAULT, name: 'asg-sync', version: 'v1', value: stale, created: 1 });
    const result = await runCli(
      ['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '1y', '--emit', `keyvault=${url}`],
      { env },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the newest version of ${url} is not key 'asg-sync': the dataplane refused it`);
    expect(keyWrites(emulator.requests)).toHaveLength(0);
    expect(emulator.world.vaultSecretVersions(DEMO_VAULT, 'asg-sync')).toHaveLength(1);
  });
});

describe('status: a value is sent to a dataplane only when a key has its hint', () => {
  it('--keyvault holding a secret whose hint matches no key: said, and the dataplane is asked nothing with it', async () => {
    const { env, emulator } = await cliWorld();
    emulator.world.addVaultSecret({
      vault: DEMO_VAULT,
      name: 'elsewhere',
      version: 'v1',
      value: 'Qq1-a-secret-of-something-else-entirely',
      created: 1,
    });
    const result = await runCli(
      ['status', ...WEB_ARGV, '--keyvault', `https://${DEMO_VAULT}/secrets/elsewhere`, '-o', 'json'],
      { env },
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      key: null,
      match: 'none',
      proven: false,
      dataplaneAccepts: null,
    });
    expectSchema('status', JSON.parse(result.stdout));
    // The one request with an ApiKey header is the endpoint's probe, which carries no key of anyone's.
    expect(dataplaneAsks(emulator.requests)).toHaveLength(1);
    expect(result.stdout).not.toContain('Qq1');
  });

  it('a value that starts with a hint but is not the key: "matches the hint of", never "is"', async () => {
    const { env, secretOf } = await cliWorld();
    const wrong = `${(secretOf('asg-sync') ?? '').slice(0, 3)}-wrong-but-starts-with-the-hint-9`;
    const result = await runCli(['status', ...WEB_ARGV, '--secret-stdin'], { env, input: wrong });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("the value given matches the hint of key 'asg-sync'");
    expect(result.stdout).not.toContain("the value given is key 'asg-sync'");
    expect(result.stdout).toContain('✖ the dataplane does not accept it (HTTP 401)');
  });

  it('the right value: "is key", proven on the dataplane', async () => {
    const { env, secretOf } = await cliWorld();
    const result = await runCli(['status', ...WEB_ARGV, '--secret-stdin'], { env, input: secretOf('asg-sync') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("✔ the value given is key 'asg-sync'");
    expect(result.stdout).toContain(
      '✔ the dataplane accepts it (GET /packages answered 200), and no other key has its hint',
    );
  });
});
