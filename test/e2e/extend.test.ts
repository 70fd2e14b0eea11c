/**
 * `extend` (and `update`) through the built binary against the emulator: the expiry moves and the
 * secret stays, whether the value is sent or not; what is refused is refused before any write.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_VAULT } from '../../src/emulator/sample-data';
import { monthsOn, roundDays } from '../helpers/calendar';
import { cliWorld, runCli } from '../helpers/cli';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { inDays, WEB_ARGV } from '../helpers/sample';
import { expectSchema } from '../helpers/schemas';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('extend-');
const writes = (requests: { method: string; path: string }[]) =>
  requests.filter((r) => r.method === 'PUT' && r.path.includes('/apiKeys/'));

/**
 * What `--expires 1y` must give for a run between `madeAt` and now, by the test's own calendar: a
 * year is twelve calendar months, 365 or 366 days depending on the leap day it crosses.
 */
function aYearOn(madeAt: Date) {
  const earliest = monthsOn(madeAt, 12);
  return { earliest, latest: monthsOn(new Date(), 12), days: roundDays(earliest, madeAt) };
}

describe('extend', () => {
  it(
    'without a value: the PUT carries only the expiry; the secret stays and the expiry moved',
    { tags: ['clock'] },
    async () => {
      const { env, emulator, secretOf } = await cliWorld();
      const before = secretOf('nlk-prod');
      const madeAt = new Date();
      const result = await runCli(['extend', ...WEB_ARGV, '--name', 'nlk-prod', '--expires', '1y', '-o', 'json'], {
        env,
      });
      expect(result.code, result.stderr).toBe(0);
      const year = aYearOn(madeAt);
      const document = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(secretOf('nlk-prod')).toBe(before);
      const end = new Date(String(document.endDateTime));
      // Whole seconds may be all that is sent: a second's slack below.
      expect(end.getTime()).toBeGreaterThanOrEqual(year.earliest.getTime() - 1000);
      expect(end.getTime()).toBeLessThanOrEqual(year.latest.getTime());
      expect(new Date(String(document.previousEndDateTime)).getTime()).toBeLessThan(inDays(30, madeAt).getTime());
      expect(document).toMatchObject({
        name: 'nlk-prod',
        hint: before?.slice(0, 3),
        status: 'ok',
        daysLeft: year.days,
        valueSent: false,
      });
      expect(document).not.toHaveProperty('proven');
      expectSchema('extend', document);
      expect(result.stdout).not.toContain(before);
      expect(writes(emulator.requests)).toHaveLength(1);
    },
  );

  it(
    'update is the same command, as az calls it; the text says only the expiry was sent',
    { tags: ['clock'] },
    async () => {
      const { env } = await cliWorld();
      const madeAt = new Date();
      const result = await runCli(['update', 'web-01', 'asg-sync', '-g', 'edge-rg', '--expires', '1y'], { env });
      expect(result.code, result.stderr).toBe(0);
      const { days } = aYearOn(madeAt);
      expect(result.stdout).toMatch(new RegExp(`Key 'asg-sync' on web-01 .* now expires .*\\(in ${days} days\\)\\.`));
      expect(result.stdout).toContain('only the expiry was sent, so the key keeps its secret');
      expect(result.stdout).not.toContain('the same secret');
    },
  );

  it('the same value re-sent (--secret-file, --verify): checked on the dataplane first, then sent with the expiry', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    const file = join(tempDir(), 'asg.key');
    writeFileSync(file, `${secretOf('asg-sync')}\n`, { mode: 0o600 });
    const result = await runCli(
      ['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '2y', '--secret-file', file, '--verify'],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('checked   the dataplane accepted the key');
    const dataplane = emulator.requests.findIndex((r) => r.authorization === 'apikey');
    const put = emulator.requests.findIndex((r) => r.method === 'PUT');
    expect(dataplane).toBeGreaterThanOrEqual(0);
    expect(dataplane).toBeLessThan(put);
  });

  it('a value that is not the key (its first characters are not the hint) is refused before any write, exit 2', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    const result = await runCli(['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '1y', '--secret-stdin'], {
      env,
      input: 'Zz9-not-the-key-value',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("that value is not key 'asg-sync'");
    expect(result.stderr).not.toContain('Zz9');
    expect(writes(emulator.requests)).toHaveLength(0);
    expect(secretOf('asg-sync')).toBeDefined();
  });

  it.each([
    ['past the two-year limit', ['--expires', '3y'], 'more than two years away'],
    ['no expiry given', [], '--expires <when> is required'],
    ['--verify without a value', ['--expires', '1y', '--verify'], '--verify checks the key'],
    ['a file hand-off', ['--expires', '1y', '--emit', 'nlk=nlk.yaml'], 'extend hands off only to Key Vault'],
  ])('%s: a usage error, and nothing is asked of Azure', async (_label, extra, words) => {
    const { env, emulator } = await cliWorld();
    const result = await runCli(['extend', ...WEB_ARGV, '--name', 'asg-sync', ...extra], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(emulator.requests).toHaveLength(0);
  });

  it('an expired key is refused with rotate named, and not written', async () => {
    const { env, emulator } = await cliWorld();
    const result = await runCli(['extend', ...WEB_ARGV, '--name', 'ci-2025', '--expires', '1y'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("key 'ci-2025' expired on");
    expect(result.stderr).toContain('nginxaas-keys rotate -d web-01');
    expect(writes(emulator.requests)).toHaveLength(0);
  });

  it('a service that wants the value: said plainly, with --secret-stdin and rotate as the ways on', async () => {
    const { env, emulator, secretOf } = await cliWorld({ behaviour: { secretlessPut: 'refuse' } });
    const before = secretOf('asg-sync');
    const result = await runCli(['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '1y'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Azure would not change the expiry of 'asg-sync' without its value");
    expect(result.stderr).toContain('InvalidApiKeySecret');
    expect(secretOf('asg-sync')).toBe(before);
    // With the value, the same service takes it.
    const again = await runCli(['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '1y', '--secret-stdin'], {
      env,
      input: before,
    });
    expect(again.code, again.stderr).toBe(0);
    expect(secretOf('asg-sync')).toBe(before);
    expect(writes(emulator.requests)).toHaveLength(2);
  });

  it('an answer lost on every try: the expiry may or may not have moved, the secret is the same, and show checks it', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    const before = secretOf('asg-sync');
    emulator.faults.add({ method: 'PUT', path: '/apiKeys/asg-sync', commitThenDrop: true, times: -1 });
    const result = await runCli(['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '1y'], {
      env: { ...env, NGINXAAS_KEYS_REQUEST_TIMEOUT_MS: '2000' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "the expiry of 'asg-sync' may or may not have moved (its secret is the same either way)",
    );
    expect(result.stderr).toContain('check with nginxaas-keys show -d web-01');
    expect(secretOf('asg-sync')).toBe(before);
  });

  it('--emit keyvault: a new version with the same value and the new expiresOn', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    const url = `https://${DEMO_VAULT}/secrets/asg-sync`;
    const value = secretOf('asg-sync') ?? '';
    emulator.world.addVaultSecret({ vault: DEMO_VAULT, name: 'asg-sync', version: 'v1', value, created: 1 });
    const result = await runCli(
      ['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '1y', '--emit', `keyvault=${url}`, '-o', 'json'],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    const versions = emulator.world.vaultSecretVersions(DEMO_VAULT, 'asg-sync');
    expect(versions).toHaveLength(2);
    const newest = versions[1]!;
    expect(newest.value).toBe(value);
    const document = JSON.parse(result.stdout) as { endDateTime: string };
    expect(newest.exp).toBe(Math.floor(new Date(document.endDateTime).getTime() / 1000));
  });

  it('--emit keyvault whose newest version is another key: refused before the key is changed', async () => {
    const { env, emulator } = await cliWorld();
    const url = `https://${DEMO_VAULT}/secrets/asg-sync`;
    emulator.world.addVaultSecret({
      vault: DEMO_VAULT,
      name: 'asg-sync',
      version: 'v1',
      value: 'Qq1-some-other-key',
      created: 1,
    });
    const result = await runCli(
      ['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '1y', '--emit', `keyvault=${url}`],
      { env },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the newest version of ${url} is not key 'asg-sync'`);
    expect(result.stderr).not.toContain('Qq1');
    expect(writes(emulator.requests)).toHaveLength(0);
  });
});

/** The last day of the month one calendar month on, as `--expires` takes a date: the end of that day, UTC. */
function aMonthOn(): { arg: string; end: Date } {
  const arg = monthsOn(new Date(), 1).toISOString().slice(0, 10);
  return { arg, end: new Date(`${arg}T23:59:59Z`) };
}

describe('extend to an earlier expiry (issue 31, case 6)', () => {
  it('in a script, without --shorten: refused with how many days sooner, nothing sent, exit 2', async () => {
    const { env, emulator, web } = await cliWorld();
    const current = new Date(emulator.world.key(web(), 'asg-sync')!.endDateTime);
    const sooner = aMonthOn();
    const result = await runCli(['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', sooner.arg], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `is ${roundDays(current, sooner.end)} days sooner than it expires now: nothing was sent`,
    );
    expect(result.stderr).toContain('pass --shorten to move the expiry earlier');
    expect(writes(emulator.requests)).toHaveLength(0);
    expect(new Date(emulator.world.key(web(), 'asg-sync')!.endDateTime)).toEqual(current);
  });

  it('with --shorten: sent, and the text names it as sooner than before', async () => {
    const { env, emulator, web } = await cliWorld();
    const current = new Date(emulator.world.key(web(), 'asg-sync')!.endDateTime);
    const sooner = aMonthOn();
    const result = await runCli(['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', sooner.arg, '--shorten'], {
      env,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`, ${roundDays(current, sooner.end)} days sooner than before.`);
    expect(new Date(emulator.world.key(web(), 'asg-sync')!.endDateTime)).toEqual(sooner.end);
  });

  it('on a terminal: asked, with no as the default; no keeps the expiry and exits 130', async () => {
    const { env, emulator, web } = await cliWorld();
    const current = new Date(emulator.world.key(web(), 'asg-sync')!.endDateTime);
    const sooner = aMonthOn();
    const run = runInPty(
      process.execPath,
      [BIN, 'extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', sooner.arg],
      env,
    );
    // The question is wrapped under its words: the phrase may span two rows.
    await run.waitFor(new RegExp(`${roundDays(current, sooner.end)} days sooner\\s+than\\s+it\\s+expires\\s+now`));
    await run.type(KEY.enter);
    expect(await run.exit).toBe(130);
    expect(run.text()).toContain('Nothing was changed.');
    expect(writes(emulator.requests)).toHaveLength(0);
    expect(new Date(emulator.world.key(web(), 'asg-sync')!.endDateTime)).toEqual(current);
  });
});
