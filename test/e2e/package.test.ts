/**
 * What `npm pack` ships: the program (bin and the bundle), the README, the LICENSE that
 * package.json names, and the JSON schemas the README points to; nothing else. The packed
 * tarball is then installed as a user would (`npm install -g`, here into a folder of its own and
 * offline: the bundle needs no dependency) and the installed command runs, and into a project
 * (`npm install <tarball>`, run by npx). Each names itself in the commands it prints as it was
 * started, and the command it prints runs there as printed.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const tempDir = useTempDir('nginxaas-keys-pack-');

interface PackedFile {
  path: string;
  size: number;
}

/** npm's own list of what it would pack; the bundle is already built (the test script builds it). */
async function packList(): Promise<PackedFile[]> {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT });
  const [pack] = JSON.parse(stdout) as [{ files: PackedFile[] }];
  return pack.files;
}

const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^bin\/nginxaas-keys\.js$/,
  /^bin\/package\.json$/,
  /^dist\/(nginxaas-keys|launch|version)\.cjs$/,
  /^schemas\/[\w-]+\.schema\.json$/,
];

describe('npm pack', () => {
  it('carries bin, dist, README, LICENSE and every schema, and nothing else', async () => {
    const paths = (await packList()).map((file) => file.path);
    const schemas = readdirSync(join(ROOT, 'schemas')).map((name) => `schemas/${name}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'bin/nginxaas-keys.js',
        'bin/package.json',
        'dist/nginxaas-keys.cjs',
        'dist/launch.cjs',
        'dist/version.cjs',
        ...schemas,
      ]),
    );
    expect(paths.filter((path) => !ALLOWED.some((allowed) => allowed.test(path)))).toEqual([]);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))).toMatchObject({ license: 'MIT' });
  });

  it('installs from the tarball with no network and runs as nginxaas-keys', async () => {
    const folder = tempDir();
    const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], {
      cwd: ROOT,
    });
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    const prefix = join(folder, 'global');
    await run(
      'npm',
      ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(folder, filename)],
      {
        cwd: folder,
      },
    );
    const installed = join(prefix, 'lib/node_modules/nginxaas-keys');
    expect(existsSync(join(installed, 'LICENSE'))).toBe(true);
    expect(existsSync(join(installed, 'schemas/list.schema.json'))).toBe(true);
    const version = await run(join(prefix, 'bin/nginxaas-keys'), ['--version'], { cwd: folder });
    const { version: expected } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    // The installed command runs on the node PATH finds (the one running these tests: test:node24 puts Node 24 first).
    expect(version.stdout.trim()).toBe(`nginxaas-keys ${expected} (node ${process.version}, npm package)`);
    // On PATH, as npm install -g puts it: the commands it prints say nginxaas-keys.
    const env = { ...process.env, PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}` };
    const bad = await run('nginxaas-keys', ['list', '--bogus'], { cwd: folder, env }).catch((e: unknown) => e);
    expect((bad as { stderr: string }).stderr).toContain("See 'nginxaas-keys list --help'.");
  });

  it('installed into a project and run by npx, it says npx nginxaas-keys, which runs there as printed', async () => {
    const folder = tempDir();
    const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], {
      cwd: ROOT,
    });
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    const project = join(folder, 'project');
    await run('mkdir', [project]);
    writeFileSync(join(project, 'package.json'), '{"name": "uses-keys", "private": true}\n');
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(folder, filename)], { cwd: project });
    const bad = await run('npx', ['--offline', 'nginxaas-keys', 'list', '--bogus'], { cwd: project }).catch(
      (e: unknown) => e,
    );
    const said = /See '(npx nginxaas-keys list --help)'\./.exec((bad as { stderr: string }).stderr)?.[1];
    expect(said).toBe('npx nginxaas-keys list --help');
    // As printed; --offline only tells npx not to look at the registry.
    const help = await run('bash', ['-c', (said ?? '').replace(/^npx /, 'npx --offline ')], { cwd: project });
    expect(help.stdout).toMatch(/^USAGE\n {2}npx nginxaas-keys list/m);
  });
});
