/**
 * The program's name in the commands it prints, as the run was started: folders of the test's own
 * laid out as npm, npx, a checkout and the standalone executable lay them out, with real links.
 */
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { programName, type StartFacts } from '../../src/cli/program-name';
import { commandLine, shellWord } from '../../src/domain/started-as';
import { keyCommand } from '../../src/domain/resource-id';

const NODE = '/usr/bin/node';

function file(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/usr/bin/env node\n');
  chmodSync(path, 0o755);
  return path;
}

function link(target: string, at: string): string {
  mkdirSync(join(at, '..'), { recursive: true });
  symlinkSync(target, at);
  return at;
}

/** A checkout, a global npm prefix, a project that depends on the package, a standalone executable. */
function machine() {
  const root = mkdtempSync(join(tmpdir(), 'program-name-'));
  const checkout = join(root, 'src', 'nginxaas-keys');
  const script = file(join(checkout, 'bin', 'nginxaas-keys.js'));
  const globalBin = join(root, 'prefix', 'bin');
  const installed = file(join(root, 'prefix', 'lib', 'node_modules', 'nginxaas-keys', 'bin', 'nginxaas-keys.js'));
  const project = join(root, 'project');
  const local = file(join(project, 'node_modules', 'nginxaas-keys', 'bin', 'nginxaas-keys.js'));
  const localBin = link(local, join(project, 'node_modules', '.bin', 'nginxaas-keys'));
  const standalone = file(join(checkout, 'dist', 'linux-x64', 'nginxaas-keys'));
  const empty = join(root, 'empty');
  mkdirSync(empty);
  return { root, checkout, script, globalBin, installed, project, local, localBin, standalone, empty };
}

const facts = (over: Partial<StartFacts> & Pick<StartFacts, 'script'>): StartFacts => ({
  execPath: NODE,
  env: {},
  cwd: '/',
  platform: 'linux',
  ...over,
});

describe('the program as this run was started', () => {
  it('npm install -g: the first nginxaas-keys on PATH is this script, so it is the bare command', () => {
    const m = machine();
    const onPath = link(m.installed, join(m.globalBin, 'nginxaas-keys'));
    expect(programName(facts({ script: onPath, env: { PATH: `${m.globalBin}:${m.empty}` }, cwd: m.root }))).toBe(
      'nginxaas-keys',
    );
  });

  it('a clone with `npm install -g .` (a link to the checkout): node bin/… run there still says the command', () => {
    const m = machine();
    link(m.script, join(m.globalBin, 'nginxaas-keys'));
    expect(programName(facts({ script: m.script, env: { PATH: `${m.empty}:${m.globalBin}` }, cwd: m.checkout }))).toBe(
      'nginxaas-keys',
    );
  });

  it('a checkout not on PATH: node and the script, from the working folder when inside it', () => {
    const m = machine();
    const env = { PATH: m.empty };
    expect(programName(facts({ script: m.script, env, cwd: m.checkout }))).toBe('node bin/nginxaas-keys.js');
    expect(programName(facts({ script: m.script, env, cwd: m.project }))).toBe(`node ${m.script}`);
  });

  it('another nginxaas-keys first on PATH is not this one: the script is named', () => {
    const m = machine();
    link(m.installed, join(m.globalBin, 'nginxaas-keys'));
    expect(programName(facts({ script: m.script, env: { PATH: m.globalBin }, cwd: m.checkout }))).toBe(
      'node bin/nginxaas-keys.js',
    );
  });

  it('npx, and npm run in a project that depends on it: npx nginxaas-keys', () => {
    const m = machine();
    const npmPath = `${join(m.project, 'node_modules', '.bin')}:${m.empty}`;
    // npm exec puts the package's .bin first on PATH and says so in npm_command.
    expect(
      programName(facts({ script: m.localBin, env: { PATH: npmPath, npm_command: 'exec' }, cwd: m.project })),
    ).toBe('npx nginxaas-keys');
    // npm run (a project's script) puts the same folder on PATH, which a person's shell does not have.
    expect(
      programName(facts({ script: m.localBin, env: { PATH: npmPath, npm_command: 'run-script' }, cwd: m.project })),
    ).toBe('npx nginxaas-keys');
  });

  it('the standalone executable: the command on PATH, else its path (./name in its own folder)', () => {
    const m = machine();
    const env = { PATH: m.empty };
    const own = { script: m.standalone, execPath: m.standalone };
    expect(programName(facts({ ...own, env, cwd: m.checkout }))).toBe('dist/linux-x64/nginxaas-keys');
    expect(programName(facts({ ...own, env, cwd: join(m.checkout, 'dist', 'linux-x64') }))).toBe('./nginxaas-keys');
    expect(programName(facts({ ...own, env, cwd: m.project }))).toBe(m.standalone);
    const onPath = join(m.root, 'usr-local-bin');
    link(m.standalone, join(onPath, 'nginxaas-keys'));
    expect(programName(facts({ ...own, env: { PATH: onPath }, cwd: m.project }))).toBe('nginxaas-keys');
  });

  it('Windows: npm’s .cmd shim on PATH for an installed package is the command', () => {
    const m = machine();
    file(join(m.globalBin, 'nginxaas-keys.cmd'));
    const env = { Path: `${m.empty};${m.globalBin}`, PATHEXT: '.COM;.EXE;.CMD' };
    expect(programName(facts({ script: m.installed, env, cwd: m.root, platform: 'win32' }))).toBe('nginxaas-keys');
  });

  it('a path with a space is one word of the command line', () => {
    const m = machine();
    const spaced = file(join(m.root, 'my tools', 'bin', 'nginxaas-keys.js'));
    expect(programName(facts({ script: spaced, env: { PATH: m.empty }, cwd: m.root }))).toBe(
      "node 'my tools/bin/nginxaas-keys.js'",
    );
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(shellWord('C:\\Program Files\\x.exe', 'win32')).toBe('"C:\\Program Files\\x.exe"');
  });
});

describe('a command line as this run was started', () => {
  const ref = { subscriptionId: 's', resourceGroup: 'g', name: 'd' };

  it.each([
    [{}, 'nginxaas-keys delete -d d -g g --subscription s --name k'],
    [{ demo: true }, 'nginxaas-keys delete -d d -g g --subscription s --name k --demo'],
    [
      { program: 'npx nginxaas-keys', demo: true },
      'npx nginxaas-keys delete -d d -g g --subscription s --name k --demo',
    ],
    [{ program: 'node bin/nginxaas-keys.js' }, 'node bin/nginxaas-keys.js delete -d d -g g --subscription s --name k'],
  ])('%j', (as, line) => {
    expect(keyCommand('delete', ref, 'k', as)).toBe(line);
  });

  it('the demo alone', () => {
    expect(commandLine('', { program: 'node bin/nginxaas-keys.js', demo: true })).toBe(
      'node bin/nginxaas-keys.js --demo',
    );
  });
});
