/**
 * Ctrl+C while a request of the key console is in flight, in a real terminal against a slow
 * emulator: the request is let finish, as the `delete` and `extend` commands let theirs, and the
 * run ends with what Azure did. Before, the wizard left at once saying "Nothing was created" while
 * the DELETE went through behind it; and during a rotation's last DELETE, Ctrl+C opened "have you
 * saved it?", whose d deleted the new key too.
 */
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { envFor } from '../helpers/cli';
import { keyNames, useEmulator } from '../helpers/emulator';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { waitUntil } from '../helpers/wait';
import { WEB_ARGV } from '../helpers/sample';
import { atWebConsole } from '../helpers/console';

const atConsole = atWebConsole;

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('Ctrl+C while the key console is changing Azure', () => {
  it('a delete in flight is finished and said; nothing else is sent', async () => {
    const { emulator, run, names, requested } = await atConsole();
    emulator.faults.add({ method: 'DELETE', delayMs: 1500 });
    await run.type('d');
    await run.waitFor("Delete key 'ci-2025'?");
    await run.type(...'ci-2025'.split(''), KEY.enter);
    await waitUntil(() => requested('DELETE', '/apiKeys/ci-2025') === 1);
    await run.type(KEY.ctrlC);
    await run.waitFor('Finishing the request');
    expect(await run.exit).toBe(130);
    expect(flat(run.text())).toContain("Cancelled, but only after Azure deleted key 'ci-2025'.");
    expect(run.text()).not.toContain('Nothing was created');
    expect(emulator.requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['DELETE']);
    expect(names()).toEqual(['asg-sync', 'nlk-prod']);
  });

  it('a new expiry in flight is finished and said', async () => {
    const { emulator, run, requested } = await atConsole();
    emulator.faults.add({ method: 'PUT', delayMs: 1500 });
    await run.type(KEY.down, 'e');
    await run.waitFor("New expiry for 'nlk-prod'");
    await run.type(KEY.enter);
    await waitUntil(() => requested('PUT', '/apiKeys/nlk-prod') === 1);
    await run.type(KEY.ctrlC);
    await run.waitFor('Finishing the request');
    expect(await run.exit).toBe(130);
    expect(flat(run.text())).toMatch(/Cancelled, but only after Azure moved the expiry of key 'nlk-prod' to \d{4}-/);
  });

  it("a rotation's last DELETE in flight: Ctrl+C asks nothing, waits, and the new key stays", async () => {
    const { emulator, run, names, requested } = await atConsole();
    await run.type(KEY.down, 'r');
    await run.waitFor("Rotate key 'nlk-prod'");
    await run.type(KEY.enter);
    await run.waitFor('The dataplane accepted the key');
    // Shown, then hidden: the new key is held.
    await run.type('r');
    await run.waitFor('hide');
    await run.type('r');
    emulator.faults.add({ method: 'DELETE', delayMs: 1500 });
    await run.type(KEY.enter);
    await waitUntil(() => requested('DELETE', '/apiKeys/nlk-prod') === 1);
    await run.type(KEY.ctrlC);
    await run.waitFor('Finishing the request');
    // What answered "have you saved it?" before: none of it may act now.
    await run.type('d');
    expect(await run.exit).toBe(130);
    expect(flat(run.text())).toContain(
      "'nlk-prod' deleted. Cancelled, but only after the request under way was answered.",
    );
    expect(emulator.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(names()).toEqual(['asg-sync', 'ci-2025', 'nlk-prod-2']);
  });

  it('the line face (TERM=dumb): the same delete finished and said', async () => {
    const emulator = await useEmulator();
    const names = () => keyNames(emulator, PRODUCTION, 'edge-rg', 'web-01');
    const run = runInPty(process.execPath, [BIN, ...WEB_ARGV], { ...envFor(emulator), TERM: 'dumb' });
    await run.waitFor('? n new · r N rotate · e N extend · d N delete');
    emulator.faults.add({ method: 'DELETE', delayMs: 1500 });
    await run.type('d', ' ', '1', KEY.enter);
    await run.waitFor("? Type the key's name, ci-2025, to delete it");
    await run.type(...'ci-2025'.split(''), KEY.enter);
    await waitUntil(() => emulator.requests.some((r) => r.method === 'DELETE'));
    await run.type(KEY.ctrlC);
    await run.waitFor('Finishing the request');
    expect(await run.exit).toBe(130);
    expect(flat(run.text())).toContain("Cancelled, but only after Azure deleted key 'ci-2025'.");
    expect(names()).toEqual(['asg-sync', 'nlk-prod']);
  });
});
