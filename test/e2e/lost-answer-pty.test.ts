/**
 * The lost answer, as a person at a terminal meets it: the built wizard and plain mode in a real
 * pseudo-terminal against the emulator, whose state must end up agreeing with what the person holds.
 */
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { envFor } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { BIN, KEY, runInPty, walkToReview, type PtyRun } from '../helpers/pty';
import { WEB_ARGV } from '../helpers/sample';

/** Shows the key on the panel and reads it back from the screen. */
async function revealed(run: PtyRun): Promise<string | undefined> {
  await run.type('r');
  await run.waitFor('(hides in');
  return /\(hides in \d+ s\)\s+([0-9a-f-]{36})/.exec(run.text())?.[1];
}

describe('the wizard, when the answer to the PUT is lost', () => {
  it('lost for good: a check finds the key, so the panel shows it; one key, the one revealed', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ method: 'PUT', commitThenDrop: true, times: -1 });
    const run = runInPty(process.execPath, [BIN, ...WEB_ARGV], envFor(emulator));
    await walkToReview(run, 'lost-key');
    await run.type(KEY.enter);
    await run.waitFor("Created key 'lost-key'", 30_000);
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(await revealed(run)).toBe(emulator.world.key(web, 'lost-key')?.secret);
    expect(run.text()).not.toContain('appeared meanwhile');
    run.pty.write('q');
    await run.waitFor('Have you saved the key?');
    run.pty.write('y');
    expect(await run.exit).toBe(0);
  });

  it('unknowable once: it says so, r sends the same key again and ends on the panel with that one key', async () => {
    const emulator = await useEmulator();
    // The first GET passes; every try of the first PUT is carried out but unanswered; the check fails.
    emulator.faults.add({ method: 'GET', path: '/apiKeys/limbo?', delayMs: 1, times: 1 });
    emulator.faults.add({ method: 'PUT', path: '/apiKeys/limbo?', commitThenDrop: true, times: 4 });
    emulator.faults.add({ method: 'GET', path: '/apiKeys/limbo?', reset: true, times: 4 });
    const run = runInPty(process.execPath, [BIN, ...WEB_ARGV], envFor(emulator));
    await walkToReview(run, 'limbo');
    await run.type(KEY.enter);
    await run.waitFor('Not known whether Azure created the key', 40_000);
    expect(run.text()).not.toContain('Azure did not create the key');
    await run.type('r');
    await run.waitFor("Created key 'limbo'", 30_000);
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(await revealed(run)).toBe(emulator.world.key(web, 'limbo')?.secret);
    expect(emulator.world.keys(web).filter((k) => k.name === 'limbo')).toHaveLength(1);
    run.pty.kill('SIGTERM');
    expect(await run.exit).toBe(130);
  });

  it('Ctrl+C while the PUT is held lets it finish, then shows the key it made', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ method: 'PUT', delayMs: 1500 });
    const run = runInPty(process.execPath, [BIN, ...WEB_ARGV], envFor(emulator));
    await walkToReview(run, 'held');
    await run.type(KEY.enter);
    await run.waitFor('Creating key');
    run.pty.write(KEY.ctrlC);
    await run.waitFor('Finishing the request');
    await run.waitFor("Created key 'held'", 10_000);
    expect(run.text()).toContain('Ctrl+C came while Azure was creating the key');
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(await revealed(run)).toBe(emulator.world.key(web, 'held')?.secret);
    run.pty.write(KEY.ctrlC);
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
    expect(run.text()).toContain("Key 'held' was created and is active");
  });
});
