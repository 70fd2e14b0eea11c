/** The delete and rotate prompts of the commands in a real pseudo-terminal. (The line faces: line-face-pty.test.ts.) */
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { useEmulator } from '../helpers/emulator';
import { envFor } from '../helpers/cli';
import { frameProblems } from '../helpers/frame-check';
import { BIN, KEY, runInPty } from '../helpers/pty';

describe('delete in a terminal', () => {
  it('asks first; no keeps the key and exits 130', async () => {
    const emulator = await useEmulator();
    const run = runInPty(
      process.execPath,
      [BIN, 'delete', '-d', 'web-01', '-g', 'edge-rg', '--subscription', PRODUCTION, '--name', 'asg-sync'],
      envFor(emulator),
    );
    await run.waitFor("Delete key 'asg-sync' from web-01");
    await run.type('n', KEY.enter);
    expect(await run.exit).toBe(130);
    expect(run.text()).toContain('Nothing was deleted.');
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(emulator.world.key(web, 'asg-sync')).toBeDefined();
  });
});

describe('a question of a command in an 80-column terminal', () => {
  it('is wrapped by the program under its words: no row reaches the edge, none continues under the ?', async () => {
    const emulator = await useEmulator();
    const run = runInPty(
      process.execPath,
      [BIN, 'delete', '-d', 'web-01', '-g', 'edge-rg', '--subscription', PRODUCTION, '--name', 'asg-sync'],
      envFor(emulator),
      { cols: 80, rows: 24 },
    );
    await run.waitFor('(y/N)');
    await run.quiet();
    // "? Delete key 'asg-sync' from web-01 (edge-rg)? Whatever still uses it is refused at once." is 89 wide.
    expect(frameProblems(run.rows(), 80), run.screen()).toEqual([]);
    const asked = run
      .rows()
      .map((row) => row.text)
      .filter((text) => text.trim() !== '');
    expect(asked.at(-1), run.screen()).toMatch(/^ {2}\S.*\(y\/N\)/);
    await run.type('n', KEY.enter);
    expect(await run.exit).toBe(130);
  });
});

describe('rotate in a terminal', () => {
  it('verifies the new key, asks whether everything uses it, then checks again and deletes the old one', async () => {
    const emulator = await useEmulator();
    const run = runInPty(
      process.execPath,
      [
        BIN,
        'rotate',
        '-d',
        'web-01',
        '-g',
        'edge-rg',
        '--subscription',
        PRODUCTION,
        '--name',
        'nlk-prod',
        '--new-name',
        'nlk-next',
        '--show-secret',
      ],
      envFor(emulator),
    );
    await run.waitFor("Does everything use 'nlk-next' now?");
    expect(run.text()).toContain('The dataplane accepted the key');
    await run.type('y', KEY.enter);
    expect(await run.exit).toBe(0);
    expect(run.text()).toContain("Deleted the old key 'nlk-prod'. Rotation done: 'nlk-next' is the key now.");
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(emulator.world.key(web, 'nlk-prod')).toBeUndefined();
    expect(run.text()).toContain(emulator.world.key(web, 'nlk-next')!.secret);
  });
});
