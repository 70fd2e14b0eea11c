/**
 * The terminal closes under the wizard (the window shut, an ssh link dropped) while a generated
 * key no one holds is on its panel: the kernel hangs up, the streams fail with EIO, and the face
 * goes away without its machine deciding the ending. The key is deleted again all the same.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { envFor } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { BIN, KEY, runInPty, walkToReview, type PtyRun } from '../helpers/pty';
import { waitUntil } from '../helpers/wait';
import { WEB_ARGV } from '../helpers/sample';

/** The program in a pty, its stderr kept in a file: the terminal it would be said on is gone. */
async function inTerminal(extra: string[], name: string) {
  const emulator = await useEmulator();
  const errFile = join(mkdtempSync(join(tmpdir(), 'closed-')), 'stderr.txt');
  const argv = [process.execPath, BIN, ...extra, ...WEB_ARGV, '--name', name].map((w) => `'${w}'`).join(' ');
  const run = runInPty('/bin/sh', ['-c', `exec ${argv} 2>${errFile}`], envFor(emulator));
  const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
  return { emulator, run, errFile, live: () => emulator.world.key(web, name) !== undefined };
}

/** The master side of the pty goes away, as when a terminal window is closed: the kernel hangs up. */
async function closeTerminal(run: PtyRun): Promise<void> {
  const pid = run.pty.pid;
  Socket.prototype.destroy.call((run.pty as unknown as { _socket: Socket })._socket);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  await waitUntil(() => !alive(), 20_000);
}

describe('the terminal closed on the panel of a generated key no one holds', () => {
  it('full screen: the key is deleted again before the process ends', async () => {
    const { emulator, run, errFile, live } = await inTerminal([], 'hangup');
    await walkToReview(run);
    await run.type(KEY.enter);
    await run.waitFor('The dataplane accepted the key');
    expect(live()).toBe(true);
    await closeTerminal(run);
    expect(live(), readFileSync(errFile, 'utf8')).toBe(false);
    expect(emulator.requests.some((r) => r.method === 'DELETE')).toBe(true);
  });

  it('line face: the key is deleted again before the process ends', async () => {
    const { emulator, run, errFile, live } = await inTerminal(['--plain'], 'plain-hangup');
    for (const question of ['? Key name', '? Expiry: a number', '? Key (hidden']) {
      await run.waitFor(question);
      await run.type(KEY.enter);
    }
    await run.waitFor('? Create it? y creates');
    await run.type('y', KEY.enter);
    await run.waitFor(/\? r shows the key/, 30_000);
    expect(live()).toBe(true);
    await closeTerminal(run);
    expect(live(), readFileSync(errFile, 'utf8')).toBe(false);
    expect(emulator.requests.some((r) => r.method === 'DELETE')).toBe(true);
  });
});
