/**
 * Inputs that never end and names that would move the ARM path, through the built binary: /dev/zero
 * as a CA, a FIFO as a key file or demo world, '..' or '?' in a group, a bad subscription id, a
 * flag given twice, one file spelled twice. Each is exit 2 (or 1 for the world) before any request.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { cliWorld, runCli } from '../helpers/cli';
import { useTempDir } from '../helpers/temp';
import { WEB_ARGV } from '../helpers/sample';

const tempDir = useTempDir('refused-before-request-');

describe('inputs that never end, and names that move the path', () => {
  it.each([
    [['--arm-ca', '/dev/zero'], "the CA file '/dev/zero' is not a regular file"],
    [['-g', '..'], "the resource group '..' must not end in '.'"],
    [['-g', 'a?b=c'], "the resource group 'a?b=c' has '?' at position 2"],
    [['--subscription', 'not-a-guid'], "'not-a-guid' is not a subscription id"],
    [['--name', 'a', '--name', 'b'], '--name is given twice'],
  ])('list %j is refused before any request (exit 2)', async (extra, words) => {
    const { env, emulator } = await cliWorld();
    const args = extra.includes('--name') ? ['show', '-d', 'web-01', ...extra] : ['list', '-d', 'web-01', ...extra];
    const result = await runCli(args, { env });
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(words)]);
    expect(emulator.requests).toHaveLength(0);
  });

  it('a resource id with /resourceGroups/../ is refused', async () => {
    const { env, emulator } = await cliWorld();
    const id = `/subscriptions/${PRODUCTION}/resourceGroups/../providers/Nginx.NginxPlus/nginxDeployments/web-01`;
    const result = await runCli(['list', '-d', id], { env });
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('is not the resource id')]);
    expect(emulator.requests).toHaveLength(0);
  });

  it('a FIFO as --secret-file is refused at once, and so is a FIFO as the demo world', async () => {
    const { env, emulator } = await cliWorld();
    const dir = tempDir();
    const fifo = join(dir, 'key.fifo');
    execFileSync('mkfifo', [fifo]);
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'fifo', '--secret-file', fifo], { env });
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('is not a regular file')]);
    expect(emulator.requests).toHaveLength(0);
    mkdirSync(join(dir, 'nginxaas-keys'));
    execFileSync('mkfifo', [join(dir, 'nginxaas-keys', 'demo-world.json')]);
    const demo = await runCli(['list', '--demo', '-d', 'web-01'], { env: { XDG_STATE_HOME: dir } });
    expect([demo.code, demo.stderr]).toEqual([1, expect.stringContaining('is not a regular file')]);
  });

  it('--secret-out x --emit env=./x is one file spelled twice', async () => {
    const { env } = await cliWorld();
    const dir = tempDir();
    const result = await runCli(
      ['create', ...WEB_ARGV, '--name', 'twice', '--secret-out', join(dir, 'x'), '--emit', `env=${dir}/./x`],
      { env },
    );
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('are the same file')]);
  });
});
