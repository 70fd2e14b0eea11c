/**
 * --output-file gathers a command's report and writes it at the end. When that write fails, the
 * report that said where a new key is reached no one: the closing step names the key and where its
 * secret is, as if nothing had been said. (Found by an attack on custody: the run once ended with a
 * raw errno on a temporary file, and the live key, with its secret in a vault, was never named.)
 */
import { describe, expect, it } from 'vitest';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { DEMO_VAULT, PRODUCTION } from '../../src/emulator/sample-data';
import { keyNames } from '../helpers/emulator';
import { cliWorld, runCli } from '../helpers/cli';
import { WEB_ARGV } from '../helpers/sample';
import { waitUntil } from '../helpers/wait';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('output-file-custody-');

type World = Awaited<ReturnType<typeof cliWorld>>;

/** `args` run with the key's PUT held 800 ms; `whileHeld` is done once the PUT has arrived. */
function runWhilePutHeld(world: World, args: string[], whileHeld: () => void) {
  world.emulator.faults.add({ method: 'PUT', path: '/apiKeys/', delayMs: 800 });
  const arrived = () => world.emulator.requests.some((r) => r.method === 'PUT' && r.path.includes('/apiKeys/'));
  return runCli(args, { env: world.env, onSpawn: () => void waitUntil(arrived, 20_000, 'the PUT').then(whileHeld) });
}

describe('an --output-file that cannot be written at the end', () => {
  it('names the live key and where its secret is, and the file in plain words', async () => {
    const world = await cliWorld();
    const { emulator, secretOf } = world;
    const url = `https://${DEMO_VAULT}/secrets/reported`;
    const outDir = join(tempDir(), 'out');
    const report = join(outDir, 'report.txt');
    mkdirSync(outDir);
    // The folder goes while the key is being made (a cleanup job, an unmounted share).
    const result = await runWhilePutHeld(
      world,
      ['create', ...WEB_ARGV, '--name', 'reported', '--emit', `keyvault=${url}`, '--output-file', report],
      () => rmSync(outDir, { recursive: true }),
    );
    expect(emulator.world.vaultSecretVersions(DEMO_VAULT, 'reported')[0]?.value).toBe(secretOf('reported'));
    expect(existsSync(report)).toBe(false);
    expect(result.stderr).toContain(
      `error: --output-file ${report} was not written (no such file or folder): what the command printed is lost\n`,
    );
    expect(result.stderr).toMatch(new RegExp(`key 'reported' was created on web-01: .*${url.replace(/[.]/g, '\\.')}`));
    expect(result.stderr).toContain('--name reported --yes');
    expect(result.code).toBe(1);
  });
});

describe('a --secret-out whose staged copy is taken away while the key is being made', () => {
  const staged = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

  it('its file removed: written again from what the run holds, and the key is in place', async () => {
    const world = await cliWorld();
    const { secretOf } = world;
    const folder = join(tempDir(), 'keys');
    mkdirSync(folder);
    const file = join(folder, 'k.key');
    const result = await runWhilePutHeld(world, ['create', ...WEB_ARGV, '--name', 'rm1', '--secret-out', file], () => {
      expect(staged(folder)).toHaveLength(1);
      for (const f of staged(folder)) rmSync(join(folder, f));
    });
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(readFileSync(file, 'utf8').trim()).toBe(secretOf('rm1'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(staged(folder)).toEqual([]);
  });

  it("its file swapped for a link to another file: written again, and the key file is the run's own", async () => {
    const world = await cliWorld();
    const { secretOf } = world;
    const folder = join(tempDir(), 'swapped');
    mkdirSync(folder);
    const theirs = join(tempDir(), 'theirs.txt');
    writeFileSync(theirs, 'theirs');
    const file = join(folder, 'k.key');
    const result = await runWhilePutHeld(world, ['create', ...WEB_ARGV, '--name', 'sw1', '--secret-out', file], () => {
      for (const f of staged(folder)) {
        rmSync(join(folder, f));
        symlinkSync(theirs, join(folder, f));
      }
    });
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(lstatSync(file).isFile()).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(secretOf('sw1'));
    expect(readFileSync(theirs, 'utf8')).toBe('theirs');
  });

  it.each([
    ['create', ['create', ...WEB_ARGV, '--name', 'rm2'], 'rm2'],
    ['rotate', ['rotate', ...WEB_ARGV, '--name', 'asg-sync', '--yes'], 'asg-sync-2'],
  ])('its folder removed (%s): nobody holds the new key, so it is deleted again', async (_verb, args, made) => {
    const world = await cliWorld();
    const { emulator } = world;
    const folder = join(tempDir(), 'gone');
    mkdirSync(folder);
    const names = () => keyNames(emulator, PRODUCTION, 'edge-rg', 'web-01');
    const before = names();
    const result = await runWhilePutHeld(world, [...args, '--secret-out', join(folder, 'k.key')], () =>
      rmSync(folder, { recursive: true }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr.replace(/\s+/g, ' ')).toMatch(
      new RegExp(
        `key '${made}' was created, but its file could not be written to .*k\\.key: .*so it was deleted again`,
      ),
    );
    expect(result.stderr).not.toMatch(/the key is in .*\.tmp/);
    expect(emulator.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.split('?')[0])).toEqual([
      expect.stringMatching(new RegExp(`/apiKeys/${made}$`)),
    ]);
    expect(names()).toEqual(before);
  });
});
