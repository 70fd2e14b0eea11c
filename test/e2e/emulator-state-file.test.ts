/**
 * The emulator's --state file and its CA folder: written under a random name with O_EXCL and
 * O_NOFOLLOW at 0600 from the first byte (seen in its system calls) and renamed into place, a link
 * planted at a predictable name never followed, a 0644 file ending 0600, the CA folder removed on exit.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEnv } from '../helpers/child-env';
import { useEmulator } from '../helpers/emulator';
import { BIN } from '../helpers/pty';
import { openedFd, straced } from '../helpers/strace';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('state-file-');

/** `nginxaas-keys emulator --state <state> -o json` (under `under`), its first line read, then SIGTERM to the emulator. */
async function emulatorOnce(state: string, under: string[] = []) {
  const [command, ...args] = [...under, process.execPath, BIN, 'emulator', '--state', state, '-o', 'json'];
  const child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'pipe'], env: withEnv(), cwd: tempDir() });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const line = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
  const { caFile, pid } = JSON.parse(line) as { caFile: string; pid: number };
  const modeWhileRunning = statSync(state).mode & 0o777;
  const caWhileRunning = existsSync(caFile);
  // The emulator's own pid (under strace, the child is strace).
  process.kill(pid, 'SIGTERM');
  return { caFile, modeWhileRunning, caWhileRunning, code: await exited };
}

describe('the emulator’s files', () => {
  it('the state file is opened O_EXCL|O_NOFOLLOW at 0600 under a random name, written, and renamed into place', async () => {
    const state = join(tempDir(), 'world.json');
    const trace = straced(['openat', 'write', 'rename', 'renameat', 'renameat2', 'fchmod', 'chmod', 'fchmodat']);
    const { code } = await emulatorOnce(state, trace.under);
    expect(code).toBe(0);
    const calls = trace.calls();
    const staging = new RegExp(`"${dirname(state)}/\\.world\\.json\\.[0-9a-f]{16}\\.tmp"`);
    const open = calls.find((c) => c.name === 'openat' && staging.test(c.args));
    expect(open, 'an open of the staging file').toBeDefined();
    expect(open!.args).toMatch(/O_WRONLY\|O_CREAT\|O_EXCL\|O_NOFOLLOW.*, 0600$/);
    const fd = openedFd(open!);
    const stagingPath = /"([^"]+)"/.exec(open!.args)![1]!;
    const own = calls.filter((c) => c.pid === open!.pid);
    const after = own.slice(own.indexOf(open!) + 1);
    const write = after.findIndex((c) => c.name === 'write' && c.args.startsWith(`${fd}<`));
    const rename = after.findIndex(
      (c) => c.name.startsWith('rename') && c.args.includes(`"${stagingPath}", "${state}"`),
    );
    expect(write).toBeGreaterThanOrEqual(0);
    expect(rename).toBeGreaterThan(write);
    expect(after.slice(0, rename).filter((c) => c.name.includes('chmod'))).toEqual([]);
    // The state file itself is never opened for writing.
    expect(
      calls.filter((c) => c.name === 'openat' && c.args.includes(`"${state}"`) && /O_WRONLY|O_RDWR/.test(c.args)),
    ).toEqual([]);
    expect(statSync(state).mode & 0o777).toBe(0o600);
  });

  it('a state file that was 0644 ends 0600, and the CA folder is removed when the emulator stops', async () => {
    const state = join(tempDir(), 'world.json');
    const first = await useEmulator();
    writeFileSync(state, JSON.stringify(first.world.snapshot()), { mode: 0o644 });
    const { caFile, modeWhileRunning, caWhileRunning, code } = await emulatorOnce(state);
    expect(modeWhileRunning).toBe(0o600);
    expect(caWhileRunning).toBe(true);
    expect(code).toBe(0);
    expect(existsSync(dirname(caFile))).toBe(false);
  });
});
