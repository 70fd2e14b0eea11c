/**
 * The wizard's hand-off to Key Vault of a generated key no one has seen, with the vault slow (4 s,
 * then 403): one signal waits for the hand-off's outcome and deletes the key again; a second one
 * cuts the hand-off short, and the key is deleted again all the same (by the command line, once
 * the face is gone), with words that say so. (Found by an attack on custody: the second signal
 * once left the key live, its secret nowhere, with words that suggested it might have been saved.)
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_VAULT, PRODUCTION } from '../../src/emulator/sample-data';
import { envFor } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { BIN, KEY, runInPty, walkToReview } from '../helpers/pty';
import { waitUntil } from '../helpers/wait';
import { WEB_ARGV } from '../helpers/sample';

async function handingToSlowVault(name: string) {
  const emulator = await useEmulator();
  // stderr to a file: the words after the face (the settle's) are read there.
  const errFile = join(mkdtempSync(join(tmpdir(), 'handoff-signal-')), 'stderr.txt');
  const argv = [process.execPath, BIN, ...WEB_ARGV, '--name', name].map((w) => `'${w}'`).join(' ');
  const run = runInPty('/bin/sh', ['-c', `exec ${argv} 2>${errFile}`], envFor(emulator), { cols: 120, rows: 40 });
  const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
  await walkToReview(run);
  await run.type(KEY.enter);
  await run.waitFor('The dataplane accepted the key');
  emulator.faults.add({
    method: 'PUT',
    path: '/secrets/',
    withToken: true,
    delayMs: 4000,
    status: 403,
    code: 'Forbidden',
    message: 'no',
    times: -1,
  });
  await run.type('h', KEY.down, KEY.down, KEY.down, KEY.enter);
  await run.waitFor('vault.azure.net/secrets');
  await run.type(KEY.ctrlU, ...`https://${DEMO_VAULT}/secrets/${name}`.split(''), KEY.enter);
  await waitUntil(
    () =>
      emulator.requests.some((r) => r.method === 'PUT' && r.path.includes('/secrets/') && r.authorization !== 'none'),
    20_000,
    'the vault PUT',
  );
  return { emulator, run, errFile, live: () => emulator.world.key(web, name) !== undefined };
}

describe('a signal while the wizard hands a key no one has seen to a slow vault', () => {
  it('once: the hand-off is waited for, it fails, and the key is deleted again', async () => {
    const { emulator, run, errFile, live } = await handingToSlowVault('wv-once');
    process.kill(run.pty.pid, 'SIGTERM');
    expect(await run.exit).toBe(130);
    expect(live(), readFileSync(errFile, 'utf8')).toBe(false);
    expect(emulator.world.vaultSecretVersions(DEMO_VAULT, 'wv-once')).toHaveLength(0);
  });

  it('twice: the hand-off is cut short, and the key is deleted again, said so', async () => {
    const { emulator, run, errFile, live } = await handingToSlowVault('wv-twice');
    process.kill(run.pty.pid, 'SIGTERM');
    // The first is taken: the panel asks, and waits for the hand-off; the second insists.
    await run.waitFor('No one holds this key');
    process.kill(run.pty.pid, 'SIGTERM');
    expect(await run.exit).toBe(130);
    expect(live()).toBe(false);
    expect(emulator.requests.filter((r) => r.method === 'DELETE' && r.path.endsWith('/apiKeys/wv-twice'))).toHaveLength(
      1,
    );
    const said = `${run.text()}\n${readFileSync(errFile, 'utf8')}`.replace(/\s+/g, ' ');
    expect(said).toContain(`Key 'wv-twice' was deleted again: the wizard ended before anyone held its secret`);
    expect(said).toContain(
      `If the newest version of https://${DEMO_VAULT}/secrets/wv-twice holds it, that value is dead now`,
    );
    expect(said).not.toContain('If you did not save it');
  });
});
