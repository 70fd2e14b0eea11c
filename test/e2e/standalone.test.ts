/**
 * The standalone executable (`npm run build:sea`, Node's single executable applications) on a
 * machine without Node: PATH holds no node, and the executable alone runs --version, the
 * commands on --demo, the emulator (and the commands against it over HTTPS), and the wizard in a
 * pseudo-terminal. Built here first when it is missing or older than the sources.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEY, ROOT, runInPty } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const run = promisify(execFile);
const EXECUTABLE = join(
  ROOT,
  'dist',
  `${process.platform}-${process.arch}`,
  process.platform === 'win32' ? 'nginxaas-keys.exe' : 'nginxaas-keys',
);
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const tempDir = useTempDir('standalone-');
/** The Node the executable is built on: the version tools/node24's lockfile pins for this platform. */
const NODE24_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'tools', 'node24', 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  }
).packages[`node_modules/node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`]?.version;

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-built.mjs'), '--sea'], { stdio: 'ignore' });
}, 240_000);

/** A home, a state folder and a PATH with nothing on it: no node, no az. */
function bareMachine(): { cwd: string; env: Record<string, string> } {
  const home = tempDir();
  const empty = join(home, 'bin');
  mkdirSync(empty);
  return { cwd: home, env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), PATH: empty, LANG: 'C.UTF-8' } };
}

async function standalone(args: string[], machine: ReturnType<typeof bareMachine>, extra: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(EXECUTABLE, args, { cwd: machine.cwd, env: { ...machine.env, ...extra } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the standalone executable, with no node on PATH', () => {
  it('is a program of its own: PATH finds no node, and --version answers', async () => {
    const machine = bareMachine();
    const lookup = await run('/bin/sh', ['-c', 'command -v node || echo none'], { env: machine.env });
    expect(lookup.stdout.trim()).toBe('none');
    // The runtime inside is Node 24 LTS, the version pinned in tools/node24 (not the Node that built it).
    expect(await standalone(['--version'], machine)).toMatchObject({
      code: 0,
      stdout: `nginxaas-keys ${version} (node v${NODE24_VERSION}, ${process.platform}-${process.arch}, standalone)\n`,
    });
    expect(NODE24_VERSION).toMatch(/^24\./);
    expect(statSync(EXECUTABLE).mode & 0o111).not.toBe(0);
  });

  it('takes no Node options from NODE_OPTIONS: a --require preload runs in node, not in the executable', async () => {
    const machine = bareMachine();
    const ran = join(machine.cwd, 'preload-ran');
    const preload = join(machine.cwd, 'preload.cjs');
    // What an attacker's preload would do (hook fs.writeSync to catch a key); here it only leaves a mark.
    writeFileSync(preload, `require('node:fs').writeFileSync(${JSON.stringify(ran)}, 'ran');\n`);
    const options = { NODE_OPTIONS: `--require ${preload}` };
    // The same variable does reach a node: the preload is a working one.
    await run(process.execPath, ['-e', '0'], { env: { ...machine.env, ...options } });
    expect(existsSync(ran)).toBe(true);
    rmSync(ran);
    const answered = await standalone(['--version'], machine, options);
    expect(answered.code, answered.stderr).toBe(0);
    const created = await standalone(
      ['create', '--demo', '-d', 'web-01', '--name', 'preloaded', '--secret-out', 'preloaded.key'],
      machine,
      options,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(existsSync(ran)).toBe(false);
  });

  it('creates, lists and deletes a key on --demo', async () => {
    const machine = bareMachine();
    const created = await standalone(
      ['create', '--demo', '-d', 'web-01', '--name', 'smoke-1', '--secret-out', 'smoke-1.key'],
      machine,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(statSync(join(machine.cwd, 'smoke-1.key')).mode & 0o777).toBe(0o600);
    const secret = readFileSync(join(machine.cwd, 'smoke-1.key'), 'utf8');
    expect(created.stdout).not.toContain(secret);
    const names = async () => {
      const listed = await standalone(['list', '--demo', '-d', 'web-01', '-o', 'json'], machine);
      expect(listed.code, listed.stderr).toBe(0);
      const { deployments } = JSON.parse(listed.stdout) as { deployments: { keys: { name: string }[] }[] };
      return deployments.flatMap((d) => d.keys.map((k) => k.name));
    };
    expect(await names()).toContain('smoke-1');
    const deleted = await standalone(['delete', '--demo', '-d', 'web-01', '--name', 'smoke-1', '--yes'], machine);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(await names()).not.toContain('smoke-1');
  });

  it('runs the emulator, and its commands reach it over HTTPS with the emulator CA', async () => {
    const machine = bareMachine();
    const emulator = spawn(EXECUTABLE, ['emulator'], { cwd: machine.cwd, env: machine.env });
    let said = '';
    const exported = await new Promise<Record<string, string>>((resolve, reject) => {
      emulator.on('error', reject);
      emulator.stdout.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        const names = ['NGINXAAS_ARM_ENDPOINT', 'NGINXAAS_ARM_CA', 'NGINXAAS_ACCESS_TOKEN'];
        const found = names.map((name) => new RegExp(`export ${name}=(\\S+)`).exec(said)?.[1]);
        if (found.every(Boolean)) resolve(Object.fromEntries(names.map((name, i) => [name, found[i] ?? ''])));
      });
    });
    expect(exported.NGINXAAS_ARM_ENDPOINT).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const listed = await standalone(['list', '--all', '-o', 'json'], machine, exported);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('"web-01"');
    const exit = new Promise<number | null>((resolve) => emulator.on('exit', resolve));
    emulator.kill('SIGINT');
    expect(await exit).toBe(0);
  });

  it('draws the wizard in a terminal, and Ctrl+C leaves it with 130', async () => {
    const machine = bareMachine();
    const wizard = runInPty(EXECUTABLE, ['--demo'], machine.env, { cols: 100, rows: 30 }, machine.cwd);
    await wizard.waitFor('Choose a deployment');
    expect(wizard.screen()).toContain('demo on the local emulator');
    wizard.pty.write(KEY.ctrlC);
    expect(await wizard.exit).toBe(130);
  });
});
