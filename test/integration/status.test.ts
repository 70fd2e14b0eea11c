/**
 * `status` in-process against the real gateway and the emulator: who and what, the endpoint, a
 * key's value matched by hint and proven on the dataplane (sent there only when one key's hint matches it); the exit codes 0, 1 and 4.
 */
import { describe, expect, it } from 'vitest';
import { staticTokenCredential } from '../../src/azure/credentials';
import { DEMO_VAULT, PRODUCTION } from '../../src/emulator/sample-data';
import { gatewayFor, sampleWeb, useEmulator } from '../helpers/emulator';
import { runInProcess } from '../helpers/in-process';
import { monthsOn } from '../helpers/calendar';
import { WEB_ARGV } from '../helpers/sample';

async function world() {
  const emulator = await useEmulator();
  const gateway = gatewayFor(emulator);
  return {
    emulator,
    gateway,
    ...sampleWeb(emulator),
    run: (argv: string[], stdin?: string) => runInProcess(argv, gateway, stdin === undefined ? {} : { stdin }),
  };
}

describe('status', () => {
  it('how the run signs in, the subscriptions (a disabled one named as such) and the deployments', async () => {
    const { run } = await world();
    const result = await run(['status']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(/^✔ signed in with /),
      '✔ 3 subscriptions visible: Contoso Production, Contoso Staging, Old Sandbox (Disabled)',
      '✔ 6 NGINXaaS deployments visible (4 ready to take keys)',
      '',
    ]);
  });

  it('with a deployment: its endpoint answers; with a key value: which key, its expiry, and the dataplane takes it', async () => {
    const { run, secretOf } = await world();
    const result = await run(['status', ...WEB_ARGV, '--secret-stdin'], secretOf('asg-sync'));
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[3]).toMatch(/^✔ web-01 \(edge-rg[^)]*\): the dataplane API at https:\/\/\S+ answers$/);
    expect(lines[4]).toMatch(/^✔ the value given is key 'asg-sync' \(hint \w{3}\), which expires .*\(in 150 days\)$/);
    expect(lines[5]).toBe('✔ the dataplane accepts it (GET /packages answered 200), and no other key has its hint');
    expect(result.stdout).not.toContain(secretOf('asg-sync'));
  });

  it('a value of no key, or of an expired one: said, exit 1; JSON says the same', async () => {
    const { run, secretOf, emulator } = await world();
    const stranger = await run(['status', ...WEB_ARGV, '--secret-stdin'], 'Zz9-not-any-key-here');
    expect(stranger.code).toBe(1);
    expect(stranger.stdout).toContain(
      '✖ the value given is none of the keys of web-01 (no key has its hint); it was not sent to the dataplane',
    );
    // Only the probe without a key asked the dataplane: the value was not sent there.
    expect(emulator.requests.filter((r) => r.authorization === 'apikey')).toHaveLength(1);
    const expired = await run(['status', ...WEB_ARGV, '--secret-stdin', '-o', 'json'], secretOf('ci-2025'));
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain("matches the hint of key 'ci-2025'");
    const document = JSON.parse(expired.stdout) as Record<string, unknown>;
    expect(document).toMatchObject({
      ok: false,
      key: { name: 'ci-2025', status: 'expired' },
      match: 'hint',
      proven: false,
      dataplaneAccepts: false,
    });
  });

  it("a value the dataplane takes and no other key's hint matches: proven, and JSON says so", async () => {
    const { run, secretOf } = await world();
    const result = await run(['status', ...WEB_ARGV, '--secret-stdin', '-o', 'json'], secretOf('nlk-prod'));
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      key: { name: 'nlk-prod' },
      match: 'dataplane',
      proven: true,
      dataplaneAccepts: true,
    });
  });

  it('a value whose hint two keys share: neither is named as it, and it is not sent to the dataplane', async () => {
    const { run, secretOf, emulator, web } = await world();
    const value = secretOf('asg-sync') ?? '';
    emulator.world.putKey(
      web(),
      'asg-twin',
      `${value.slice(0, 3)}-a-twin-with-the-same-hint-1`,
      monthsOn(new Date(), 3).toISOString(),
    );
    const result = await run(['status', ...WEB_ARGV, '--secret-stdin', '-o', 'json'], value);
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(document).toMatchObject({ match: 'hint', proven: false, dataplaneAccepts: null });
    expect(document.hintMatches).toEqual(expect.arrayContaining(['asg-sync', 'asg-twin']));
    expect(emulator.requests.filter((r) => r.authorization === 'apikey')).toHaveLength(1);
  });

  it("--keyvault: the value in the secret's newest version", async () => {
    const { run, secretOf, emulator } = await world();
    emulator.world.addVaultSecret({
      vault: DEMO_VAULT,
      name: 'nlk',
      version: 'v1',
      value: secretOf('nlk-prod') ?? '',
      created: 1,
    });
    const result = await run(['status', ...WEB_ARGV, '--keyvault', `https://${DEMO_VAULT}/secrets/nlk`]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("✔ the value given is key 'nlk-prod'");
  });

  it("--keyvault with a value no key's hint matches: said, and the value is not sent to the dataplane", async () => {
    const { run, emulator } = await world();
    emulator.world.addVaultSecret({ vault: DEMO_VAULT, name: 'other', version: 'v1', value: 'Qq1-x', created: 1 });
    const result = await run(['status', ...WEB_ARGV, '--keyvault', `https://${DEMO_VAULT}/secrets/other`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('no key has its hint); it was not sent to the dataplane');
    expect(emulator.requests.filter((r) => r.authorization === 'apikey')).toHaveLength(1);
  });

  it('a value without a deployment is a usage error, before any request', async () => {
    const { run, emulator } = await world();
    const result = await run(['status', '--secret-stdin'], 'x');
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([
      2,
      "error: a key's value is checked against a deployment's keys: pass -d <deployment> too",
    ]);
    expect(emulator.requests).toHaveLength(0);
  });

  it('a value that breaks the key policy is refused before any request, as every command refuses it', async () => {
    const { run, emulator } = await world();
    const result = await run(['status', ...WEB_ARGV, '--secret-stdin'], 'short');
    expect(result.code).toBe(2);
    expect(emulator.requests).toHaveLength(0);
  });

  it('a run that cannot sign in is exit 4', async () => {
    const emulator = await useEmulator();
    const gateway = gatewayFor(emulator, { credential: staticTokenCredential('stale') });
    const result = await runInProcess(['status', '--subscription', PRODUCTION], gateway);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('To sign in:');
  });
});
