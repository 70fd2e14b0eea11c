/** The plain mode and the delete prompt in a real pseudo-terminal, as a screen-reader user meets them. */
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { keyNames, useEmulator } from '../helpers/emulator';
import { envFor } from '../helpers/cli';
import { BIN, KEY, runInPty } from '../helpers/pty';

describe('--plain', () => {
  it('asks line by line, creates the key, shows it once on request, then the endpoint', async () => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN, '--plain'], envFor(emulator));
    await run.waitFor('Deployment (type to filter)');
    await run.type(...'web-0'.split(''));
    await run.waitFor(/❯ web-01, group edge-rg/);
    await run.type(KEY.enter);
    // web-01 has keys: the console lists them first; Enter takes its default, a new key.
    await run.waitFor('What now?');
    expect(run.text()).toMatch(/ci-2025, hint \w+, expires \d{4}-\d\d-\d\d \(expired 12 days ago\), expired/);
    await run.type(KEY.enter);
    await run.waitFor('Key name');
    await run.type(...'plain-key'.split(''), KEY.enter);
    await run.waitFor('Expiry');
    await run.type(KEY.enter);
    await run.waitFor('Key (hidden)');
    await run.type(...'short'.split(''), KEY.enter);
    await run.waitFor('Not accepted: at least 12 characters (5 so far)');
    for (let i = 0; i < 5; i++) await run.type(KEY.backspace);
    await run.type(...'Plain-Secret-99'.split(''), KEY.enter);
    await run.waitFor('Create it?');
    expect(run.text()).not.toContain('Plain-Secret-99');
    await run.type(KEY.enter);
    await run.waitFor('Show the key now, once?');
    await run.type('y', KEY.enter);
    await run.waitFor('Have you saved the key?');
    expect(run.text()).toContain('Key: Plain-Secret-99');
    expect(run.text()).toMatch(
      /For NLK and nginx-asg-sync: https:\/\/127\.0\.0\.1:\d+\/web-01-[0-9a-f]{12}\.eastus2\.nginxaas\.net\/nplus/,
    );
    expect(run.text()).toContain('The dataplane accepted the key');
    await run.type('y', KEY.enter);
    expect(await run.exit).toBe(0);
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(emulator.world.key(web, 'plain-key')?.secret).toBe('Plain-Secret-99');
  });

  it('TERM=dumb: numbered choices and whole lines; Backspace and Ctrl+U edit; nothing is redrawn', async () => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN], { ...envFor(emulator), TERM: 'dumb' });
    await run.waitFor(/Choose one \(1-\d+\)/);
    const web = /(\d+)\. web-01, group edge-rg/.exec(run.text())?.[1] ?? '';
    expect(run.text()).toMatch(/\d+\. broken-01, .*\(cannot take a key: deployment failed\)/);
    await run.type(...web.split(''), KEY.enter);
    await run.waitFor('? What now?');
    await run.type(KEY.enter);
    await run.waitFor('? Key name');
    // The terminal's own line editing: a typo rubbed out, then a whole false start cleared.
    await run.type(...'dumb-kex'.split(''), KEY.backspace, 'y', KEY.ctrlU, ...'dumb-key'.split(''), KEY.enter);
    await run.waitFor('? Expiry');
    await run.type(KEY.enter);
    await run.waitFor('? Key (hidden)');
    await run.type(...'oops'.split(''), KEY.ctrlU, ...'Dumb-Secret-77'.split(''), KEY.enter);
    await run.waitFor('? Create it?');
    await run.type('y', KEY.enter);
    await run.waitFor('? Show the key now, once?');
    await run.type('n', KEY.enter);
    await run.waitFor('? Have you saved the key?');
    await run.type(KEY.enter);
    expect(await run.exit).toBe(0);
    const deployment = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(emulator.world.key(deployment, 'dumb-key')?.secret).toBe('Dumb-Secret-77');
    // No cursor movement, no line erasing, no colour: nothing a dumb terminal would print raw.
    expect(run.raw()).not.toMatch(/\u001b\[[0-9;?]*[A-Za-z]/);
    expect(run.text()).not.toContain('Dumb-Secret-77');
  });

  it('the console in lines: delete by typing the name, then rotate to the end', async () => {
    const emulator = await useEmulator();
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    const names = () => keyNames(emulator, PRODUCTION, 'edge-rg', 'web-01');
    const args = [BIN, '-d', 'web-01', '-g', 'edge-rg', '--subscription', PRODUCTION];
    const run = runInPty(process.execPath, args, { ...envFor(emulator), TERM: 'dumb' });
    await run.waitFor('? What now? (1-4) [1]:');
    expect(run.text()).toMatch(
      /Keys of web-01, soonest expiry first:\s+ci-2025, .*expired\s+nlk-prod, .*expiring\s+asg-sync/,
    );
    await run.type('3', KEY.enter);
    await run.waitFor('? Delete which key? (1-3):');
    await run.type('1', KEY.enter);
    await run.waitFor("'ci-2025' has expired: nothing can be using it.");
    await run.type(...'ci'.split(''), KEY.enter);
    await run.waitFor("✖ That is not 'ci-2025'.");
    await run.type(...'ci-2025'.split(''), KEY.enter);
    await run.waitFor("Deleted key 'ci-2025'.");
    expect(names()).toEqual(['asg-sync', 'nlk-prod']);

    await run.waitFor(/What now\? \(1-4\) \[1\]: $/);
    await run.type('2', KEY.enter);
    await run.waitFor('? Rotate which key? (1-2):');
    await run.type('1', KEY.enter);
    await run.waitFor("? Create 'nlk-prod-2' beside 'nlk-prod'? (Y/n)");
    await run.type(KEY.enter);
    await run.waitFor('? Show the new key now, once? (Y/n)');
    expect(names()).toEqual(['asg-sync', 'nlk-prod', 'nlk-prod-2']);
    await run.type('y', KEY.enter);
    await run.waitFor("Have your integrations switched to 'nlk-prod-2'?");
    const shown = /Key: ([0-9a-f-]{36})/.exec(run.text())?.[1];
    expect(shown).toBe(emulator.world.key(web, 'nlk-prod-2')?.secret);
    await run.type('y', KEY.enter);
    await run.waitFor("Rotated: 'nlk-prod-2' is in use; 'nlk-prod' deleted.");
    expect(names()).toEqual(['asg-sync', 'nlk-prod-2']);
    await run.waitFor(/What now\? \(1-4\) \[1\]: $/);
    await run.type('4', KEY.enter);
    expect(await run.exit).toBe(0);
  });

  it('TERM=dumb chooses the plain mode; Ctrl+C leaves with 130 and creates nothing', async () => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN], { ...envFor(emulator), TERM: 'dumb' });
    await run.waitFor(/Choose one \(1-\d+\)/);
    await run.type(KEY.ctrlC);
    expect(await run.exit).toBe(130);
    expect(emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });
});

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
