/**
 * A signal while a rotation's own request is in flight: the answer is waited for, nothing new is
 * deleted behind it, and the run ends with the rotation's words. Before, the signal sent a DELETE
 * of its own and the run went on; during the second check, both keys ended up deleted.
 */
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { envFor } from '../helpers/cli';
import { keyNames, useEmulator } from '../helpers/emulator';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { waitUntil } from '../helpers/wait';
import { WEB_ARGV } from '../helpers/sample';

async function rotatingNlkProd() {
  const emulator = await useEmulator();
  const run = runInPty(process.execPath, [BIN, ...WEB_ARGV], envFor(emulator), { cols: 100, rows: 30 });
  await run.waitFor('Keys of web-01');
  await run.waitFor('ci-2025');
  await run.type(KEY.down, 'r', KEY.enter);
  await run.waitFor('The dataplane accepted the key');
  const names = () => keyNames(emulator, PRODUCTION, 'edge-rg', 'web-01');
  const requested = (method: string, path: string) =>
    emulator.requests.filter((r) => r.method === method && r.path.includes(path)).length;
  return { emulator, run, names, requested };
}

describe('a signal during a rotation', () => {
  it('while "Stop the rotation?" d deletes the new key: that DELETE is waited for, then the run ends', async () => {
    const { emulator, run, names, requested } = await rotatingNlkProd();
    emulator.faults.add({ method: 'DELETE', delayMs: 1500 });
    await run.type(KEY.esc);
    await run.waitFor('Stop the rotation?');
    await run.type('d');
    await waitUntil(() => requested('DELETE', '/apiKeys/nlk-prod-2') === 1);
    run.pty.kill('SIGTERM');
    expect(await run.exit).toBe(130);
    expect(run.text().replace(/\s+/g, ' ')).toContain("Rotation stopped: 'nlk-prod-2' deleted again; 'nlk-prod' stays");
    expect(emulator.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(names()).toEqual(['asg-sync', 'ci-2025', 'nlk-prod']);
  });

  it('while the new key, held by no one, is checked again: the old key stays and the new one goes', async () => {
    const { emulator, run, names, requested } = await rotatingNlkProd();
    await run.type(KEY.enter);
    await run.waitFor('d delete anyway');
    const checks = requested('GET', '/packages');
    emulator.faults.add({ method: 'GET', path: '/packages', delayMs: 1500 });
    await run.type('d');
    await waitUntil(() => requested('GET', '/packages') > checks);
    run.pty.kill('SIGTERM');
    expect(await run.exit).toBe(130);
    const deleted = emulator.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.split('?')[0]);
    expect(deleted).toEqual([expect.stringMatching(/\/apiKeys\/nlk-prod-2$/)]);
    expect(names()).toEqual(['asg-sync', 'ci-2025', 'nlk-prod']);
  });
});
