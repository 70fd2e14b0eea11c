/**
 * The line faces (--plain on inquirer's prompts, and bare lines on TERM=dumb) in a real
 * pseudo-terminal, walking the wizard's own machine as a screen-reader user would: create, the
 * key console, rotate, hand-off, a lost answer, Ctrl+C, a long list narrowed by typing.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fleetWorld } from '../../src/emulator/fleet';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { envFor } from '../helpers/cli';
import { keyNames, useEmulator } from '../helpers/emulator';
import { BIN, KEY, runInPty, type PtyRun } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';
import { WEB_ARGV } from '../helpers/sample';

const tempDir = useTempDir('line-face-');
const DUMB = { TERM: 'dumb' };
/** The key console's question, waiting for its answer: its choices the first time, then short (they are said once). */
const CONSOLE_QUESTION = /\? ((\+\/- more · )?n new [^\n]*q leave|Keys \(\? says the choices\)):? *$/;
/** The panel's question asked again, and the rotation's: short, their choices said once. */
const PANEL_AGAIN = /\? The key \(\? says the choices\):? *$/;
const ROTATION = /(s stops here|\? Rotation \(\? says the choices\)):? *$/;

/** Answers a question: the words, then Enter. */
async function answer(run: PtyRun, question: string | RegExp, words = ''): Promise<void> {
  await run.waitFor(question);
  await run.type(...words.split(''), KEY.enter);
}

/** From the name (given with --name) to the key made: the default expiry, the key (generated when empty), y. */
async function createNamed(run: PtyRun, secret = ''): Promise<void> {
  await answer(run, '? Key name');
  await answer(run, '? Expiry: a number');
  await answer(run, '? Key (hidden', secret);
  await answer(run, '? Create it? y creates', 'y');
}

describe('--plain drives the wizard', () => {
  it('create: words filter and choose, the policy refuses a weak key, r shows it once, the saved-it gate has no default', async () => {
    const emulator = await useEmulator();
    const folder = tempDir();
    const run = runInPty(process.execPath, [BIN, '--plain'], envFor(emulator), { cols: 160, rows: 50 }, folder);
    // 'web-0' leaves one deployment: it is chosen, as Enter would.
    await answer(run, '? Deployment: a number, or words to filter by', 'web-0');
    await answer(run, '? n new · r N rotate', 'n');
    expect(run.text()).toMatch(/Keys of web-01, soonest expiry first:\s+1\. ci-2025, hint \w+, expires/);
    await answer(run, '? Key name', 'plain-key');
    await answer(run, '? Expiry: a number');
    await answer(run, '? Key (hidden', 'short');
    await run.waitFor('✖ Enter is refused: the key must have at least 12 characters (it has 5)');
    await answer(run, /\? Key \(hidden.*\n?.*$/, 'Plain-Secret-99');
    await answer(run, '? Create it? y creates', 'y');
    await run.waitFor('✔ The dataplane accepted the key (GET /packages answered 200).', 30_000);
    expect(run.text()).not.toContain('Plain-Secret-99');
    expect(run.text()).toMatch(
      /For NLK and nginx-asg-sync: https:\/\/127\.0\.0\.1:\d+\/web-01-[0-9a-f]{12}\.eastus2\.nginxaas\.net\/nplus/,
    );
    await answer(run, '? r shows the key', 'r');
    await run.waitFor('Key: Plain-Secret-99');
    // The hand-off menu: a dotenv file in the current folder, 0600.
    await answer(run, PANEL_AGAIN, 'h');
    await answer(run, '? Hand the key to', '3');
    await answer(run, '? Where: Enter takes nginxaas.env');
    await run.waitFor('✔ env: wrote nginxaas.env (mode 0600)');
    expect(statSync(join(folder, 'nginxaas.env')).mode & 0o777).toBe(0o600);
    await answer(run, PANEL_AGAIN, 'q');
    // Enter alone does not say "yes, saved": the question is asked again.
    await answer(run, '? Have you saved the key?');
    await run.waitFor('✖ Answer y, n or d.');
    await run.type('y', KEY.enter);
    expect(await run.exit).toBe(0);
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(emulator.world.key(web, 'plain-key')?.secret).toBe('Plain-Secret-99');
  });

  it('a paste that ends in a newline is taken whole', async () => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN, '--plain'], envFor(emulator));
    await run.waitFor('? Deployment: a number, or words to filter by');
    run.pty.write('stage-web\r');
    await run.waitFor('Keys of stage-web, soonest expiry first:');
    await run.type('q', KEY.enter);
    expect(await run.exit).toBe(0);
  });

  it('Ctrl+C on the reveal panel asks first; a second Ctrl+C leaves, naming the key and its delete command', async () => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN, '--plain', ...WEB_ARGV, '--name', 'ctrl-c-key'], envFor(emulator));
    await createNamed(run, 'Typed-Secret-77');
    await run.waitFor('? r shows the key', 30_000);
    await run.type(KEY.ctrlC);
    await run.waitFor('? Have you saved the key?');
    await run.type(KEY.ctrlC);
    expect(await run.exit).toBe(130);
    expect(run.text().replace(/\s+/g, ' ')).toMatch(
      /Key 'ctrl-c-key' was created and is active .* If you did not save it, delete it: nginxaas-keys delete .*--name ctrl-c-key/,
    );
  });

  it('a generated key no one holds: no y to leave, and a second Ctrl+C deletes it again before leaving', async () => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN, '--plain', ...WEB_ARGV, '--name', 'unheld-key'], envFor(emulator));
    await createNamed(run);
    await run.waitFor('? r shows the key', 30_000);
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(emulator.world.key(web, 'unheld-key')).toBeDefined();
    await answer(run, '? r shows the key', 'q');
    await run.waitFor('No one holds this key: it was never shown, copied or handed off');
    await run.waitFor('? Go back to the key, or delete it again?');
    // y is not one of the answers: it is refused, and asked again.
    await run.type('y', KEY.enter);
    await run.waitFor('✖ Answer n or d.');
    await run.type(KEY.ctrlC);
    expect(await run.exit).toBe(130);
    expect(run.text().replace(/\s+/g, ' ')).toContain("Deleted key 'unheld-key' again, because no one held it");
    expect(emulator.world.key(web, 'unheld-key')).toBeUndefined();
  });

  it('TERM=dumb: c sends no OSC 52 into a terminal that would print it, and a key not copied is not held', async () => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN, ...WEB_ARGV, '--name', 'dumb-copy'], {
      ...envFor(emulator),
      TERM: 'dumb',
      DISPLAY: undefined,
      WAYLAND_DISPLAY: undefined,
    });
    await createNamed(run);
    await answer(run, '? r shows the key', 'c');
    await run.waitFor('Not copied: no system clipboard tool was found, and a dumb terminal takes no OSC 52.');
    expect(run.raw()).not.toContain(']52;');
    await run.type('q', KEY.enter);
    await run.waitFor('No one holds this key');
    await run.type('d', KEY.enter);
    expect(await run.exit).toBe(0);
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(emulator.world.key(web, 'dumb-copy')).toBeUndefined();
  });

  it("on --demo, the commands it names carry --demo, as the full-screen wizard's do", async () => {
    const run = runInPty(process.execPath, [BIN, '--plain', '--demo', '-d', 'web-01', '--name', 'demo-key'], {});
    // A key of one's own: it stays live after the second Ctrl+C, named with its delete command.
    await createNamed(run, 'Demo-Secret-77');
    await run.waitFor('? r shows the key', 30_000);
    await run.type(KEY.ctrlC);
    await run.waitFor('? Have you saved the key?');
    await run.type(KEY.ctrlC);
    expect(await run.exit).toBe(130);
    expect(
      run
        .text()
        .replace(/\s*\\\s*/g, ' ')
        .replace(/\s+/g, ' '),
    ).toMatch(/delete it: nginxaas-keys delete -d web-01 .*--name demo-key --demo/);
  });

  it('a lost answer is settled by the machine: a check finds the key, and the panel shows it', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({ method: 'PUT', commitThenDrop: true, times: -1 });
    const run = runInPty(process.execPath, [BIN, '--plain', ...WEB_ARGV, '--name', 'plain-lost'], envFor(emulator));
    await createNamed(run, 'Plain-Lost-Secret-1');
    await run.waitFor("✔ Created key 'plain-lost'", 30_000);
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(emulator.world.key(web, 'plain-lost')?.secret).toBe('Plain-Lost-Secret-1');
    await answer(run, '? r shows the key', 'q');
    await answer(run, '? Have you saved the key?', 'y');
    expect(await run.exit).toBe(0);
  });
});

describe('TERM=dumb drives the same machine in bare lines', () => {
  it('create with numbers and whole lines; the terminal edits the line; nothing is redrawn', async () => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN], { ...envFor(emulator), ...DUMB });
    await run.waitFor('? Deployment: a number, or words to filter by');
    const web = /(\d+)\. web-01, group edge-rg/.exec(run.text())?.[1] ?? '';
    // Every mark of the full-screen list, in words on the deployment's own line.
    expect(run.text()).toMatch(/\d+\. broken-01, [^\n]*: cannot take a key: deployment failed\r?\n/);
    expect(run.text()).toMatch(/\d+\. web-01, [^\n]*: 3 keys, 1 expired, 1 expiring within 30 days\r?\n/);
    expect(run.text()).toMatch(/\d+\. stage-web, [^\n]*: 1 key\r?\n/);
    await run.type(...web.split(''), KEY.enter);
    await answer(run, '? n new · r N rotate', 'n');
    await run.waitFor('? Key name');
    // The terminal's own line editing: a typo rubbed out, then a whole false start cleared.
    await run.type(...'dumb-kex'.split(''), KEY.backspace, 'y', KEY.ctrlU, ...'dumb-key'.split(''), KEY.enter);
    await answer(run, '? Expiry: a number', '2');
    await run.waitFor('? Key (hidden');
    await run.type(...'oops'.split(''), KEY.ctrlU, ...'Dumb-Secret-77'.split(''), KEY.enter);
    await run.waitFor(
      /Review: CREATE key 'dumb-key' on web-01 .*\n\s+expires \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in 90 days\)/,
    );
    await answer(run, '? Create it? y creates', 'y');
    await answer(run, '? r shows the key', 'q');
    await answer(run, '? Have you saved the key?', 'y');
    expect(await run.exit).toBe(0);
    const deployment = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(emulator.world.key(deployment, 'dumb-key')?.secret).toBe('Dumb-Secret-77');
    // No cursor movement, no line erasing, no colour: nothing a dumb terminal would print raw.
    expect(run.raw()).not.toMatch(/\u001b\[[0-9;?]*[A-Za-z]/);
    expect(run.text()).not.toContain('Dumb-Secret-77');
  });

  it('the key console: delete by typing the name, rotate to the end, q leaves saying what changed', async () => {
    const emulator = await useEmulator();
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    const names = () => keyNames(emulator, PRODUCTION, 'edge-rg', 'web-01');
    const run = runInPty(process.execPath, [BIN, ...WEB_ARGV], { ...envFor(emulator), ...DUMB });
    await run.waitFor('? n new · r N rotate · e N extend · d N delete');
    expect(run.text()).toMatch(/1\. ci-2025, [^\r\n]*expired[^\r\n]*\s+2\. nlk-prod, [^\r\n]*\s+3\. asg-sync/);
    await run.type('d', ' ', '1', KEY.enter);
    await answer(run, "? Type the key's name, ci-2025, to delete it", 'ci');
    await run.waitFor("✖ Type the key's name, ci-2025, exactly; Esc keeps the key.");
    await run.type(...'ci-2025'.split(''), KEY.enter);
    await run.waitFor("✔ Deleted key 'ci-2025'.");
    expect(names()).toEqual(['asg-sync', 'nlk-prod']);

    await answer(run, CONSOLE_QUESTION, 'r 1');
    await answer(run, "? Rotate 'nlk-prod'? y goes on", 'y');
    await run.waitFor("✔ Created key 'nlk-prod-2'", 30_000);
    await run.waitFor('✔ The dataplane accepted the key', 30_000);
    expect(names()).toEqual(['asg-sync', 'nlk-prod', 'nlk-prod-2']);
    await answer(run, ROTATION, 'r');
    const shown = /Key: ([0-9a-f-]{36})/.exec(run.text())?.[1];
    expect(shown).toBe(emulator.world.key(web, 'nlk-prod-2')?.secret);
    await answer(run, ROTATION, 's');
    await answer(run, /\? Stop the rotation\? y stops, both keys stay [^]* n goes\s+back: $/, 'n');
    await answer(run, ROTATION, 'y');
    await run.waitFor("✔ Rotated: the dataplane takes 'nlk-prod-2'; 'nlk-prod' deleted.", 30_000);
    expect(names()).toEqual(['asg-sync', 'nlk-prod-2']);
    await answer(run, CONSOLE_QUESTION, 'q');
    expect(await run.exit).toBe(0);
    expect(run.text()).toContain("Done: Deleted key 'ci-2025'. Rotated: created key 'nlk-prod-2', 'nlk-prod' deleted.");
  });

  it('the key console: y on a rotation whose new key was never shown asks first; only d deletes the old key', async () => {
    const emulator = await useEmulator();
    const names = () => keyNames(emulator, PRODUCTION, 'edge-rg', 'web-01');
    const deletes = () => emulator.requests.filter((r) => r.method === 'DELETE');
    // Wide enough that each question is one line on the screen.
    const run = runInPty(
      process.execPath,
      [BIN, ...WEB_ARGV],
      { ...envFor(emulator), ...DUMB },
      { cols: 200, rows: 50 },
    );
    await answer(run, CONSOLE_QUESTION, 'r 2');
    await answer(run, "? Rotate 'nlk-prod'? y goes on", 'y');
    await run.waitFor('✔ The dataplane accepted the key', 30_000);
    await answer(run, /s stops here: $/, 'y');
    const asked = /\? Delete 'nlk-prod' though no one holds 'nlk-prod-2'\? r shows it .* s stops here: $/;
    await answer(run, asked, '');
    await answer(run, /✖ Answer r, c, h, d or s\.\n.*s stops here: $/, 'y');
    await run.waitFor(/✖ Answer r, c, h, d or s\.\n[^\n]*\n✖ Answer r, c, h, d or s\.\n.*s stops here: $/);
    expect(run.text()).toContain(
      "⚠ 'nlk-prod-2' was never shown, copied or handed off: its secret is in no place, and Azure cannot show it again. Whatever uses 'nlk-prod' would be refused.",
    );
    expect(deletes()).toEqual([]);
    expect(names()).toEqual(['asg-sync', 'ci-2025', 'nlk-prod', 'nlk-prod-2']);
    await run.type('d', KEY.enter);
    await run.waitFor(
      "Rotated: the dataplane takes 'nlk-prod-2'; 'nlk-prod' deleted. 'nlk-prod-2' was never shown",
      30_000,
    );
    expect(names()).toEqual(['asg-sync', 'ci-2025', 'nlk-prod-2']);
    expect(deletes()).toHaveLength(1);
    await answer(run, CONSOLE_QUESTION, 'q');
    expect(await run.exit).toBe(0);
  });

  it(
    'the key console: e N gives a key a new expiry, by number or by a date of its own; the secret stays',
    { tags: ['clock'] },
    async () => {
      const emulator = await useEmulator();
      const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
      const before = emulator.world.key(web, 'nlk-prod')?.secret;
      const run = runInPty(
        process.execPath,
        [BIN, ...WEB_ARGV],
        { ...envFor(emulator), ...DUMB },
        { cols: 160, rows: 50 },
      );
      await answer(run, CONSOLE_QUESTION, 'e 1');
      await run.waitFor("✖ key 'ci-2025' expired on");
      await answer(run, CONSOLE_QUESTION, 'e 2');
      await run.waitFor("A new expiry for 'nlk-prod' (now ");
      expect(run.text()).toMatch(/5\. 2 years: [^\r\n]*, the longest allowed/);
      await answer(run, '? Expiry: a number', '4');
      await run.waitFor(/✔ Key 'nlk-prod' now expires \S+ \S+ UTC; its secret is the same\./);
      expect(emulator.world.key(web, 'nlk-prod')?.secret).toBe(before);
      const end = new Date(emulator.world.key(web, 'nlk-prod')!.endDateTime);
      expect(Math.round((end.getTime() - Date.now()) / 86_400_000)).toBeGreaterThanOrEqual(365);

      // The list is read again, soonest first: asg-sync is 2 now.
      await run.waitFor('2. asg-sync');
      await answer(run, CONSOLE_QUESTION, 'e 2');
      await answer(run, '? Expiry: a number', '2099-01-01');
      await run.waitFor('✖ 2099-01-01');
      // asg-sync has 150 days left: 45 days is shorter, a question of its own where an empty answer does nothing.
      await answer(run, '? Expiry: a date', '45d');
      await run.waitFor(/105 days sooner than it expires now: shorter, not longer\./);
      await answer(run, "? Shorten 'asg-sync'? y shortens it · n chooses again", '');
      await run.waitFor('Answer y or n.');
      expect(emulator.requests.filter((r) => r.method === 'PUT' && r.path.includes('/asg-sync'))).toHaveLength(0);
      await answer(run, "? Shorten 'asg-sync'?", 'y');
      await run.waitFor(/✔ Key 'asg-sync' now expires/);
      await answer(run, CONSOLE_QUESTION, 'q');
      expect(await run.exit).toBe(0);
      expect(run.text()).toMatch(/Done: Key 'nlk-prod' now expires [^.]+\. Key 'asg-sync' now expires/);
    },
  );

  it('a long list: words narrow it, then a number chooses among what is left', async () => {
    const emulator = await useEmulator({ data: fleetWorld({ subscriptions: 3, deployments: 12 }, new Date()) });
    const run = runInPty(process.execPath, [BIN], { ...envFor(emulator), ...DUMB }, { cols: 160, rows: 60 });
    await run.waitFor('? Deployment: a number, + or - for more, or words to filter by');
    expect(run.text()).toMatch(/… 16 more: \+ shows them, or type a word to narrow them\./);
    const first = /\s1\. ([\w-]+), group/.exec(run.text())?.[1] ?? '';
    const word = first.replace(/-\d+$/, '');
    await answer(run, /words to filter by .*: $/, word);
    await run.waitFor(new RegExp(`\\d+ of 36 deployments match '${word}':`));
    await answer(run, /\? Deployment \(\? says the choices\): $/, '1');
    await run.waitFor(/Keys of [\w-]+, soonest expiry first:/);
    await answer(run, CONSOLE_QUESTION, 'q');
    expect(await run.exit).toBe(0);
  });

  it('Ctrl+C at the first question leaves with 130 and creates nothing', async () => {
    const emulator = await useEmulator();
    // In a folder of its own: a file left in the checkout by a walk of the README's demo (the
    // dotenv hand-off's nginxaas.env) is not this run's.
    const folder = tempDir();
    const run = runInPty(process.execPath, [BIN], { ...envFor(emulator), ...DUMB }, undefined, folder);
    await run.waitFor('? Deployment: a number, or words to filter by');
    await run.type(KEY.ctrlC);
    expect(await run.exit).toBe(130);
    // The words of the ending on a line of their own, not after the question and the "^C".
    expect(run.text()).toMatch(/(^|\n)Cancelled\. Nothing was created\.\r?\n$/);
    expect(emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
    expect(readdirSync(folder)).toEqual([]);
  });
});
