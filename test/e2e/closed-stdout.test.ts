/**
 * Standard output that goes nowhere, through the built binary: a reader that leaves early (exit
 * 141, quietly), a pipe no one reads and a full disk while a key is printed (the key is deleted
 * again), and /dev/null or a closed stdout for a key (refused before any request).
 */
import { spawn } from 'node:child_process';
import { closeSync, constants, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fleetWorld } from '../../src/emulator/fleet';
import { withEnv } from '../helpers/child-env';
import { cliWorld, runCli } from '../helpers/cli';
import { BIN } from '../helpers/pty';
import { WEB_ARGV } from '../helpers/sample';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('closed-stdout-');
/** What a pipe holds before its writer blocks, on Linux. */
const PIPE_BUFFER = 64 * 1024;

/** `bash -c <line>` with the binary as "$0"'s neighbour "$BIN": its exit code and stderr. */
function shell(line: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn('bash', ['-c', line], {
      env: withEnv({ ...env, NO_COLOR: '1', NODE: process.execPath, BIN, XDG_STATE_HOME: tempDir() }),
      cwd: tempDir(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that leaves early', () => {
  it('list --all | head -1 over a fleet: the pipe really closes with output behind it, exit 141, no EPIPE stack', async () => {
    // 1,000 subscriptions of 3 deployments: far more output than a pipe holds, so head leaves
    // while the list still has most of it to write (a whole list of them takes a while on a busy machine).
    const { env } = await cliWorld({ data: fleetWorld({ subscriptions: 1000, deployments: 3 }, new Date()) });
    const whole = join(tempDir(), 'whole.txt');
    const out = openSync(whole, 'w');
    const full = await runCli(['list', '--all'], { env, stdoutFd: out });
    closeSync(out);
    expect(full.code).toBe(0);
    expect(statSync(whole).size).toBeGreaterThan(4 * PIPE_BUFFER);
    const cut = await shell('"$NODE" "$BIN" list --all | head -1 >/dev/null; echo "status=${PIPESTATUS[0]}" >&2', env);
    expect(cut.stderr).toContain('status=141');
    expect(cut.stderr).not.toMatch(/EPIPE|\n\s+at /);
  }, 120_000);
});

describe('a secret written nowhere', () => {
  it('create --show-secret into a pipe whose reader is gone: the key is deleted again, said on stderr, exit 1', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    // A FIFO opened for reading, then for writing, then its reader closed: the child's stdout is a
    // pipe with no reader from its first byte, with certainty.
    const fifo = join(tempDir(), 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY);
    closeSync(reader);
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'to-nobody', '--show-secret'], {
      env,
      stdoutFd: writer,
    });
    closeSync(writer);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /key 'to-nobody' was created, but its secret could not be written to standard output \(.*\), so it was deleted again/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(secretOf('to-nobody')).toBeUndefined();
    expect(emulator.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('create --show-secret with stdout closed (>&-) is refused before any request (exit 2)', async () => {
    const { env, emulator } = await cliWorld();
    const result = await shell(`exec "$NODE" "$BIN" create ${WEB_ARGV.join(' ')} --name closed --show-secret >&-`, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('goes to /dev/null (or was closed): nobody could read it');
    expect(emulator.requests).toHaveLength(0);
  });
  it.each([[['--show-secret']], [['--show-secret', '-o', 'json']]])(
    'create %j > /dev/full: the key is deleted again, said on stderr, exit 1',
    async (extra) => {
      const { env, emulator, secretOf } = await cliWorld();
      const full = openSync('/dev/full', 'w');
      const result = await runCli(['create', ...WEB_ARGV, '--name', 'to-full', ...extra], { env, stdoutFd: full });
      closeSync(full);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        "key 'to-full' was created, but its secret could not be written to standard output (the disk is full), so it was deleted again",
      );
      expect(result.stderr).toContain('so it was deleted again');
      expect(secretOf('to-full')).toBeUndefined();
      expect(emulator.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    },
  );

  it('create --show-secret > /dev/null is refused before any request (exit 2)', async () => {
    const { env, emulator } = await cliWorld();
    const nowhere = openSync('/dev/null', 'w');
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'to-null', '--show-secret'], {
      env,
      stdoutFd: nowhere,
    });
    closeSync(nowhere);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('goes to /dev/null (or was closed): nobody could read it');
    expect(emulator.requests).toHaveLength(0);
  });

  it('when the delete fails too, exit 1 names the key and the command that deletes it', async () => {
    const { env, emulator, secretOf } = await cliWorld();
    emulator.faults.add({
      method: 'DELETE',
      status: 409,
      code: 'Conflict',
      message: 'deployment is updating',
      times: -1,
    });
    const full = openSync('/dev/full', 'w');
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'stuck', '--show-secret'], { env, stdoutFd: full });
    closeSync(full);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('deleting it again failed too (deployment is updating (Conflict))');
    expect(result.stderr).toMatch(/Delete it with: nginxaas-keys delete .*--name stuck --yes/);
    expect(result.stderr).not.toContain('so it was deleted again');
    expect(secretOf('stuck')).toBeDefined();
  });
});
