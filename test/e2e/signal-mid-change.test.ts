/**
 * A change already sent to Azure is let finish on a first signal, so that what it did is known and
 * said: extend's PUT with its read-back, delete's DELETE, a new key's Key Vault store. A second
 * signal leaves at once, saying that the change may have been carried out. (Found by an attack on
 * custody: each of these once answered only "Cancelled." after Azure had made the change, or took
 * a vault's stored key for unstored and deleted it, leaving a dead key as the vault's newest version.)
 */
import { describe, expect, it } from 'vitest';
import { DEMO_VAULT } from '../../src/emulator/sample-data';
import { cliWorld, runCli } from '../helpers/cli';
import { WEB_ARGV } from '../helpers/sample';
import { useTempDir } from '../helpers/temp';
import { join } from 'node:path';
import { closeSync, openSync } from 'node:fs';
import { waitUntil } from '../helpers/wait';
import { expectSchema } from '../helpers/schemas';

type World = Awaited<ReturnType<typeof cliWorld>>;

const tempDir = useTempDir('signal-mid-change-');

/** rotate of asg-sync straight to its retire: the new key in a file, no check, no question. */
const retireAsgSync = (...extra: string[]) => [
  'rotate',
  ...WEB_ARGV,
  '--name',
  'asg-sync',
  '--secret-out',
  join(tempDir(), 'new.key'),
  '--yes',
  '--no-verify',
  ...extra,
];

/** Runs `args` with `fault` holding the request it matches, and signals the run once (or twice) when it arrives. */
async function signalled(
  world: World,
  args: string[],
  fault: { method: 'PUT' | 'DELETE'; path: string; withToken?: boolean },
  signals = 1,
) {
  const { env, emulator } = world;
  emulator.requests.length = 0;
  emulator.faults.add({ ...fault, delayMs: 1500 });
  const arrived = () =>
    emulator.requests.some(
      (r) =>
        r.method === fault.method && r.path.includes(fault.path) && (!fault.withToken || r.authorization !== 'none'),
    );
  return runCli(args, {
    env,
    onSpawn: (pid) =>
      void waitUntil(arrived, 20_000, fault.method).then(async () => {
        process.kill(pid, 'SIGTERM');
        if (signals > 1) {
          await new Promise((r) => setTimeout(r, 300));
          process.kill(pid, 'SIGTERM');
        }
      }),
  });
}

describe('a signal while a change is under way', () => {
  it('extend: the PUT and its read-back finish, the new expiry is reported, then 130', async () => {
    const world = await cliWorld();
    const key = () => world.emulator.world.key(world.web(), 'asg-sync')!;
    const before = new Date(key().endDateTime).getTime();
    const result = await signalled(
      world,
      ['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '30d', '--shorten'],
      { method: 'PUT', path: '/apiKeys/' },
    );
    expect(new Date(key().endDateTime).getTime()).toBeLessThan(before);
    expect(result.stdout).toContain("Key 'asg-sync' on web-01 (edge-rg) now expires");
    expect(result.stderr).toBe(
      "Finishing the request that changes the expiry of key 'asg-sync', so that its outcome is known; a second Ctrl+C leaves at once.\n" +
        "Cancelled, but only after Azure moved the expiry of key 'asg-sync'.\n",
    );
    expect(result.code).toBe(130);
    // The read-back ran: a GET of the key after the PUT.
    const asked = world.emulator.requests.map((r) => `${r.method} ${r.path.split('/').pop()}`);
    expect(asked.slice(asked.lastIndexOf('PUT asg-sync'))).toContain('GET asg-sync');
  });

  it('extend, signalled twice: leaves at once, saying the expiry may or may not have moved', async () => {
    const world = await cliWorld();
    const result = await signalled(
      world,
      ['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '30d', '--shorten'],
      { method: 'PUT', path: '/apiKeys/' },
      2,
    );
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(
      /^Cancelled: the expiry of 'asg-sync' may or may not have moved \(the request had gone out; its secret is the same either way\): check with .*show .*--name asg-sync\.\n$/m,
    );
  });

  it('delete: the DELETE finishes, the deletion is reported, then 130', async () => {
    const world = await cliWorld();
    const result = await signalled(world, ['delete', ...WEB_ARGV, '--name', 'asg-sync', '--yes'], {
      method: 'DELETE',
      path: '/apiKeys/',
    });
    expect(world.emulator.world.key(world.web(), 'asg-sync')).toBeUndefined();
    expect(result.stdout).toMatch(/^✔ Deleted key 'asg-sync' \(hint \w+\) from web-01 \(edge-rg\)\.\n$/);
    expect(result.stderr).toContain("Cancelled, but only after Azure deleted key 'asg-sync'.\n");
    expect(result.code).toBe(130);
  });

  // Found by the custody property test: extend's document said nothing of the stop it ended with 1 for.
  it.each([
    ['extend', ['--name', 'asg-sync', '--expires', '30d', '--shorten'], 'PUT'],
    ['delete', ['--name', 'asg-sync', '--yes'], 'DELETE'],
  ] as const)(
    '%s -o json, signalled once: the document carries `stopped`, as the exit code does',
    async (command, extra, method) => {
      const world = await cliWorld();
      const result = await signalled(world, [command, ...WEB_ARGV, ...extra, '-o', 'json'], {
        method,
        path: '/apiKeys/',
      });
      expect(result.code).toBe(130);
      const document = JSON.parse(result.stdout) as { name: string; stopped?: { kind: string; message: string } };
      expect(document.name).toBe('asg-sync');
      expect(document.stopped).toEqual({ kind: 'cancelled', message: 'Cancelled' });
      expectSchema(command, document);
    },
  );

  it('delete, signalled twice: says the key may be deleted already, with the command that checks', async () => {
    const world = await cliWorld();
    const result = await signalled(
      world,
      ['delete', ...WEB_ARGV, '--name', 'asg-sync', '--yes'],
      { method: 'DELETE', path: '/apiKeys/' },
      2,
    );
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(
      /Cancelled: key 'asg-sync' may be deleted already \(the request had gone out\): check with .*show /,
    );
  });

  it("rotate's Key Vault store finishes: the vault and the words agree, and the old key is kept", async () => {
    const world = await cliWorld();
    const url = `https://${DEMO_VAULT}/secrets/nlk-web-01`;
    const first = await runCli(['create', ...WEB_ARGV, '--name', 'nlk-web', '--emit', `keyvault=${url}`], {
      env: world.env,
    });
    expect(first.code).toBe(0);
    const oldSecret = world.secretOf('nlk-web');
    const result = await signalled(
      world,
      ['rotate', ...WEB_ARGV, '--name', 'nlk-web', '--emit', `keyvault=${url}`, '--yes'],
      { method: 'PUT', path: '/secrets/', withToken: true },
    );
    const versions = world.emulator.world.vaultSecretVersions(DEMO_VAULT, 'nlk-web-01');
    // The vault's newest version is the new key, which is live; the old key stays.
    expect(versions.map((v) => v.value)).toEqual([oldSecret, world.secretOf('nlk-web-2')]);
    expect(world.secretOf('nlk-web')).toBe(oldSecret);
    expect(result.stdout).toContain(`keyvault: stored as ${url}`);
    expect(result.stderr).toContain(
      "Finishing the request that stores key 'nlk-web-2' in Key Vault, so that its outcome is known",
    );
    expect(result.stderr).toContain(
      "Cancelled, but only after Azure created key 'nlk-web-2'; it was handed off as shown.",
    );
    expect(result.stderr).toContain("The old key 'nlk-web' was kept.");
    expect(result.code).toBe(130);
  });

  it('a store cut short by a second signal is said to be in doubt, with how to disable that version', async () => {
    const world = await cliWorld();
    const url = `https://${DEMO_VAULT}/secrets/doubtful`;
    const result = await signalled(
      world,
      ['create', ...WEB_ARGV, '--name', 'doubtful', '--emit', `keyvault=${url}`],
      { method: 'PUT', path: '/secrets/', withToken: true },
      2,
    );
    // Nobody was seen to hold it: deleted again, and the vault's version named as possibly dead.
    await waitUntil(() => world.secretOf('doubtful') === undefined, 10_000, 'the key deleted again');
    expect(result.stderr).toContain('it is not known whether its newest version now holds this key');
    expect(result.stderr).toContain(`If the newest version of ${url} holds it, that value is dead now`);
    expect(result.code).not.toBe(0);
  });

  it("rotate's retire: the old key's DELETE finishes, then 130, and the JSON document says it was stopped", async () => {
    const world = await cliWorld();
    const result = await signalled(world, retireAsgSync('-o', 'json'), { method: 'DELETE', path: '/apiKeys/asg-sync' });
    expect(world.secretOf('asg-sync')).toBeUndefined();
    expect(result.stderr).toContain(
      "Finishing the request that deletes the old key 'asg-sync', so that its outcome is known; a second Ctrl+C leaves at once.",
    );
    expect(result.stderr).toContain("Cancelled, but only after Azure deleted the old key 'asg-sync'.");
    const document = JSON.parse(result.stdout) as { rotatedFrom: { action: string }; stopped?: { kind: string } };
    expect([document.rotatedFrom.action, document.stopped?.kind]).toEqual(['deleted', 'cancelled']);
    expectSchema('rotate', document);
    expect(result.code).toBe(130);
  });
});

describe('the run limit while a change is let finish', () => {
  const GRACE = { NGINXAAS_KEYS_GRACE_MS: '1000,1000', NGINXAAS_KEYS_REQUEST_TIMEOUT_MS: '120000' };

  it.each([
    [
      'delete',
      ['--name', 'asg-sync', '--yes'],
      'DELETE',
      /may be deleted already \(the request had gone out\): check with .*show /,
    ],
    [
      'extend',
      ['--name', 'asg-sync', '--expires', '30d', '--shorten'],
      'PUT',
      /may or may not have moved .*: check with .*show /,
    ],
  ] as const)(
    '%s held past the limit and its grace: says the change may have been made',
    async (command, extra, method, words) => {
      const { env, emulator } = await cliWorld();
      emulator.faults.add({ method, path: '/apiKeys/asg-sync', delayMs: 9_000 });
      const result = await runCli([command, ...WEB_ARGV, ...extra, '--timeout', '3s'], { env: { ...env, ...GRACE } });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("The run's time limit passed; finishing the request that");
      expect(result.stderr).toMatch(/^error: gave up: the run's time limit of 3 s passed \(--timeout changes it\)/m);
      expect(result.stderr).toMatch(words);
    },
  );

  it('extend -o json whose PUT is answered after the limit, within its grace: the document says the limit stopped it, exit 1', async () => {
    const { env, emulator } = await cliWorld();
    emulator.faults.add({ method: 'PUT', path: '/apiKeys/asg-sync', delayMs: 3_500 });
    const result = await runCli(
      ['extend', ...WEB_ARGV, '--name', 'asg-sync', '--expires', '1y', '-o', 'json', '--timeout', '3s'],
      {
        env: { ...env, ...GRACE },
      },
    );
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout) as { stopped?: { kind: string; message: string } };
    expect(document.stopped?.kind).toBe('timeLimit');
    expect(document.stopped?.message).toMatch(/^Gave up: the run's time limit of 3 s passed/);
    expectSchema('extend', document);
  });

  it("rotate's retire past the limit: said, and not 0", async () => {
    const world = await cliWorld();
    world.emulator.faults.add({ method: 'DELETE', path: '/apiKeys/asg-sync', delayMs: 7000 });
    const result = await runCli(retireAsgSync('--timeout', '4s'), { env: world.env });
    expect(world.secretOf('asg-sync')).toBeUndefined();
    expect(result.stderr).toContain(
      "The run's time limit passed; finishing the request that deletes the old key 'asg-sync'",
    );
    expect(result.stderr).toMatch(
      /Gave up: the run's time limit of 4 s passed.*, but only after Azure deleted the old key 'asg-sync'\./,
    );
    expect(result.code).toBe(1);
  });
});

describe('a key deleted again after its only vault store was cut short', () => {
  it('create --replace: says the key it replaced is gone too, and names the vault version that may be dead', async () => {
    const world = await cliWorld();
    const url = `https://${DEMO_VAULT}/secrets/asg-sync-key`;
    const result = await signalled(
      world,
      ['create', ...WEB_ARGV, '--name', 'asg-sync', '--replace', '--emit', `keyvault=${url}`],
      { method: 'PUT', path: '/secrets/', withToken: true },
      2,
    );
    await waitUntil(() => world.secretOf('asg-sync') === undefined, 10_000, 'the key deleted again');
    expect(result.stderr).toMatch(/key 'asg-sync' replaced the key of that name, but .*so it was deleted again\./);
    expect(result.stderr).toContain('The key it replaced was already gone: no key of that name is left');
    expect(result.stderr).toContain(`If the newest version of ${url} holds it, that value is dead now`);
    expect(result.code).not.toBe(0);
  });

  it('the forced exit takes it back: the vault version that may be dead is named', async () => {
    const world = await cliWorld();
    const url = `https://${DEMO_VAULT}/secrets/slow-vault`;
    // A slow vault and a slow DELETE: the store outlives the grace, the DELETE the forced exit.
    world.emulator.faults.add({ method: 'PUT', path: '/secrets/', withToken: true, delayMs: 8000 });
    world.emulator.faults.add({ method: 'DELETE', path: '/apiKeys/slow', delayMs: 5000 });
    const result = await runCli(
      ['create', ...WEB_ARGV, '--name', 'slow', '--emit', `keyvault=${url}`, '--timeout', '3s'],
      {
        env: { ...world.env, NGINXAAS_KEYS_GRACE_MS: '1000,1000', NGINXAAS_KEYS_REQUEST_TIMEOUT_MS: '120000' },
      },
    );
    await waitUntil(() => world.secretOf('slow') === undefined, 15_000, 'the key deleted again');
    expect(result.stderr).toContain('the run did not stop when asked: leaving now');
    expect(result.stderr).toContain(`If the newest version of ${url} holds it, that value is dead now`);
    // The closing step waited for the DELETE under way, and sent no second one.
    const deletes = world.emulator.requests.filter((r) => r.method === 'DELETE' && r.path.endsWith('/apiKeys/slow'));
    expect(deletes).toHaveLength(1);
    expect(result.code).toBe(1);
  });
});

describe("rotate's retire: what the document and the words say of the old key", () => {
  async function rotateWithSlowDelete(
    during: (pid: number, world: World) => void,
    onStderr?: (stderr: string, pid: number) => void,
  ) {
    let child = 0;
    const world = await cliWorld();
    world.emulator.faults.add({ method: 'DELETE', path: '/apiKeys/asg-sync', delayMs: 2500 });
    const arrived = () =>
      world.emulator.requests.some((r) => r.method === 'DELETE' && r.path.endsWith('/apiKeys/asg-sync'));
    const result = await runCli(retireAsgSync('-o', 'json'), {
      env: world.env,
      onSpawn: (pid) => {
        child = pid;
        void waitUntil(arrived, 20_000, 'the DELETE').then(() => during(pid, world));
      },
      onStderr: (stderr) => onStderr?.(stderr, child),
    });
    const document = JSON.parse(result.stdout) as { rotatedFrom: { action: string }; stoppedAt?: { why: string } };
    return { world, result, document };
  }

  it('a DELETE cut short by a second Ctrl+C: "unknown", not "kept"', async () => {
    let insisted = false;
    const { result, document } = await rotateWithSlowDelete(
      (pid) => process.kill(pid, 'SIGINT'),
      (stderr, pid) => {
        if (insisted || !stderr.includes('Finishing the request that deletes')) return;
        insisted = true;
        process.kill(pid, 'SIGINT');
      },
    );
    expect(result.code).toBe(130);
    expect(document.stoppedAt?.why).toContain('may be gone already');
    expect(document.rotatedFrom.action).toBe('unknown');
  });

  it('an old key someone else deleted meanwhile: "already-gone", and the words do not say Azure deleted it', async () => {
    const { world, result, document } = await rotateWithSlowDelete((pid, w) => {
      w.emulator.world.deleteKey(w.web(), 'asg-sync');
      process.kill(pid, 'SIGINT');
    });
    const deletes = world.emulator.requests.filter(
      (r) => r.method === 'DELETE' && r.path.endsWith('/apiKeys/asg-sync'),
    );
    expect(deletes.map((r) => r.status)).toEqual([204]);
    expect(document.rotatedFrom.action).toBe('already-gone');
    expect(result.stderr).toContain("The old key 'asg-sync' was already gone. Rotation done");
    expect(result.stderr).not.toContain("Deleted the old key 'asg-sync'");
    expect(result.stderr).toContain(
      "Cancelled, but only after Azure answered that the old key 'asg-sync' was gone already.",
    );
    expect(result.code).toBe(130);
  });
});

describe('the words that take a key back come from the custody record', () => {
  it.each([
    ['a new key', 'full-vault', [] as string[]],
    ['--replace of a working key', 'asg-sync', ['--replace']],
  ])(
    '--show-secret > /dev/full after a vault store in doubt (%s): the vault and the replace are said',
    async (_what, name, extra) => {
      const { env, emulator, secretOf } = await cliWorld();
      const url = `https://${DEMO_VAULT}/secrets/${name}`;
      // Every store is carried out, its answer lost; the secret cannot be read back: in doubt.
      emulator.faults.add({ method: 'PUT', path: '/secrets/', withToken: true, commitThenDrop: true, times: -1 });
      emulator.faults.add({
        method: 'GET',
        path: '/secrets/',
        withToken: true,
        status: 403,
        code: 'Forbidden',
        message: 'no get',
        times: -1,
      });
      const full = openSync('/dev/full', 'w');
      const result = await runCli(
        ['create', ...WEB_ARGV, '--name', name, '--show-secret', '--emit', `keyvault=${url}`, ...extra],
        {
          env,
          stdoutFd: full,
        },
      );
      closeSync(full);
      expect(result.code).toBe(1);
      expect(secretOf(name)).toBeUndefined();
      expect(result.stderr).toContain('so it was deleted again');
      expect(result.stderr).toContain(`If the newest version of ${url} holds it, that value is dead now`);
      expect(result.stderr.includes('no key of that name is left')).toBe(extra.length > 0);
    },
  );

  it('a raced create (200 where 201 was due) whose only vault refused: taken back, said to have replaced a key', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({ method: 'PUT', path: '/apiKeys/raced', okStatus: 200 });
    emulator.faults.add({
      method: 'PUT',
      path: '/secrets/',
      withToken: true,
      status: 403,
      code: 'Forbidden',
      message: 'no',
    });
    const url = `https://${DEMO_VAULT}/secrets/raced`;
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'raced', '--emit', `keyvault=${url}`], { env });
    expect(result.code).toBe(1);
    expect(secretOf('raced')).toBeUndefined();
    expect(result.stderr).toMatch(/key 'raced' replaced the key of that name, but .*so it was deleted again\./);
    expect(result.stderr).toContain('no key of that name is left');
  });
});
