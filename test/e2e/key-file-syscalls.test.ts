/**
 * What the README says of key files, seen in the built binary's own system calls (strace): a key
 * file is opened under a random name with O_EXCL and O_NOFOLLOW at mode 0600 — the mode it has
 * from its first byte — and renamed into place; --force replaces a file by that rename, never by
 * a write through it; a key that is too long is refused without reading on.
 */
import { spawn } from 'node:child_process';
import { linkSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorld, runCli } from '../helpers/cli';
import { WEB_ARGV } from '../helpers/sample';
import { bytesRead, openedFd, straced, type SystemCall } from '../helpers/strace';
import { useTempDir } from '../helpers/temp';
import { withEnv } from '../helpers/child-env';
import { BIN } from '../helpers/pty';

const tempDir = useTempDir('key-file-calls-');
const FILE_CALLS = [
  'openat',
  'open',
  'creat',
  'rename',
  'renameat',
  'renameat2',
  'link',
  'linkat',
  'unlink',
  'unlinkat',
  'write',
  'fchmod',
  'chmod',
  'fchmodat',
];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The calls of the process that opened the staging file, from that open on. */
function stagedWrite(calls: SystemCall[], file: string) {
  const staging = new RegExp(`"${escape(join(file, '..'))}/\\.${escape(file.split('/').pop()!)}\\.[0-9a-f]{16}\\.tmp"`);
  const open = calls.find((c) => c.name === 'openat' && staging.test(c.args));
  expect(open, 'an open of the staging file').toBeDefined();
  const own = calls.filter((c) => c.pid === open!.pid);
  const after = own.slice(own.indexOf(open!) + 1);
  const fd = openedFd(open!);
  const stagingPath = /"([^"]+)"/.exec(open!.args)![1]!;
  return { open: open!, after, fd, stagingPath, all: calls };
}

describe('a key file, call by call', () => {
  it('is opened under a random name with O_EXCL|O_NOFOLLOW at 0600, written, then linked into place (never over a file)', async () => {
    const { env, secretOf } = await cliWorld();
    const file = join(tempDir(), 'k.key');
    const trace = straced(FILE_CALLS);
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'traced', '--secret-out', file], {
      env,
      under: trace.under,
    });
    expect(result.code, result.stderr).toBe(0);
    const { open, after, fd, stagingPath, all } = stagedWrite(trace.calls(), file);
    // The flags and the mode of the open itself: 0600 from the first byte, whatever the umask.
    expect(open.args).toMatch(/O_WRONLY\|O_CREAT\|O_EXCL\|O_NOFOLLOW/);
    expect(open.args).toMatch(/, 0600$/);
    expect(fd).toBeDefined();
    // Nothing widens the mode before the key is in place, and the key is written to that fd.
    expect(after.filter((c) => c.name.includes('chmod'))).toEqual([]);
    const write = after.findIndex((c) => c.name === 'write' && c.args.startsWith(`${fd}<`));
    // link() fails where a file appeared meanwhile: without --force nothing is ever replaced.
    const link = after.findIndex(
      (c) => c.name.startsWith('link') && c.args.includes(`"${stagingPath}"`) && c.args.includes(`"${file}"`),
    );
    const unlink = after.findIndex((c) => c.name.startsWith('unlink') && c.args.includes(`"${stagingPath}"`));
    expect(write).toBeGreaterThanOrEqual(0);
    expect(link).toBeGreaterThan(write);
    expect(after[link]!.result).toBe('0');
    expect(unlink).toBeGreaterThan(link);
    expect(after.filter((c) => c.name.startsWith('rename') && c.args.includes(`"${file}"`))).toEqual([]);
    // The destination itself is never opened by anyone.
    expect(all.filter((c) => c.name.startsWith('open') && c.args.includes(`"${file}"`))).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(secretOf('traced'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('--force over a 0644 file renames a new file over it: a hard link to the old one still holds the old text', async () => {
    const { env, secretOf } = await cliWorld();
    const dir = tempDir();
    const file = join(dir, 'exists.key');
    const other = join(dir, 'other-name');
    writeFileSync(file, 'keep me\n', { mode: 0o644 });
    linkSync(file, other);
    const before = statSync(file).ino;
    const trace = straced(FILE_CALLS);
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'forced', '--secret-out', file, '--force'], {
      env,
      under: trace.under,
    });
    expect(result.code, result.stderr).toBe(0);
    // A write through the old file would have changed what its other name reads.
    expect(readFileSync(other, 'utf8')).toBe('keep me\n');
    expect(statSync(other).mode & 0o777).toBe(0o644);
    expect(statSync(file).ino).not.toBe(before);
    expect(readFileSync(file, 'utf8')).toBe(secretOf('forced'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { stagingPath, all } = stagedWrite(trace.calls(), file);
    expect(all.filter((c) => c.name.startsWith('open') && c.args.includes(`"${file}"`))).toEqual([]);
    expect(
      all.filter(
        (c) => c.name.startsWith('rename') && c.args.includes(`"${stagingPath}"`) && c.args.includes(`"${file}"`),
      ),
    ).toHaveLength(1);
  });
});

describe('a key that is too long', () => {
  it('in a file: refused by its size, not one byte of it read (at most 259 would be), nothing sent', async () => {
    const { env, emulator } = await cliWorld();
    const file = join(tempDir(), 'huge');
    writeFileSync(file, `Aa1-${'x'.repeat(5_000_000)}`);
    const trace = straced(['openat', 'read', 'pread64']);
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'huge', '--secret-file', file], {
      env,
      under: trace.under,
    });
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('is longer than 256 characters')]);
    const calls = trace.calls();
    expect(calls.some((c) => c.name === 'openat' && c.args.includes(`"${file}"`))).toBe(true);
    expect(bytesRead(calls, new RegExp(`<${escape(file)}>$`))).toBe(0);
    expect(emulator.requests).toHaveLength(0);
  });

  it('one character over, in a file small enough to read: at most 259 bytes are asked for and read', async () => {
    const { env, emulator } = await cliWorld();
    const file = join(tempDir(), 'just-over');
    writeFileSync(file, `Aa1-${'x'.repeat(253)}`);
    const trace = straced(['openat', 'read', 'pread64']);
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'over', '--secret-file', file], {
      env,
      under: trace.under,
    });
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('at most 256 characters (it has 257)')]);
    const reads = trace.calls().filter((c) => c.name === 'read' && c.args.includes(`<${file}>`));
    expect(reads.every((c) => Number(/, (\d+)$/.exec(c.args)?.[1]) <= 259)).toBe(true);
    expect(bytesRead(trace.calls(), new RegExp(`<${escape(file)}>$`))).toBeLessThanOrEqual(259);
    expect(emulator.requests).toHaveLength(0);
  });

  it('on standard input: one read past 259 bytes ends it (a pipe hands over 64 KiB at most), though the writer goes on', async () => {
    const { env, emulator } = await cliWorld();
    const trace = straced(['read']);
    // A writer that keeps the pipe full and never closes it: reading to the end would never end.
    const writer = spawn(
      'sh',
      ['-c', `exec yes Aa1-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
        env: withEnv(),
      },
    );
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const [command, ...args] = [
          ...trace.under,
          process.execPath,
          BIN,
          'create',
          ...WEB_ARGV,
          '--name',
          'endless',
          '--secret-stdin',
        ];
        const child = spawn(command!, args, {
          env: withEnv({ ...env, XDG_STATE_HOME: tempDir(), NO_COLOR: '1' }),
          cwd: tempDir(),
          stdio: [writer.stdout, 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('the key in standard input is longer than 256 characters; reading stopped there');
      expect(bytesRead(trace.calls(), /^0<pipe:/)).toBeLessThanOrEqual(64 * 1024);
      expect(emulator.requests).toHaveLength(0);
    } finally {
      writer.kill();
    }
  });
});
