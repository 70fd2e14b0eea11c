/** The plain mode and the delete prompt in a real pseudo-terminal, as a screen-reader user meets them. */
import { describe, expect, it } from 'vitest';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { useEmulator } from '../helpers/emulator';
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
