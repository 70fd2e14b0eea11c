/**
 * The accessible face by itself (issue 34, item 1), in the real binary in a real terminal:
 * ACCESSIBLE and INK_SCREEN_READER choose the line face on any terminal, ACCESSIBLE=0 keeps the
 * wizard; a wizard nobody chose says once how to get the line face; the wizard kept under Ink's
 * screen-reader mode speaks its lists, policy checklist and key panel in labels and roles; and
 * `help accessibility` tells all of it.
 */
import { describe, expect, it } from 'vitest';
import { LINE_FACE_OFFER } from '../../src/ui/app';
import { envFor, runCli } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { BIN, KEY, runInPty, toNameStep } from '../helpers/pty';

const LINE_FACE = '? Deployment: a number';
const WIZARD = '? Choose a deployment';

describe('the environment chooses the face', () => {
  it.each([
    [{ ACCESSIBLE: '1' }, LINE_FACE],
    [{ ACCESSIBLE: 'yes' }, LINE_FACE],
    [{ ACCESSIBLE: 'true' }, LINE_FACE],
    [{ ACCESSIBLE: '0' }, WIZARD],
    [{ ACCESSIBLE: 'false' }, WIZARD],
    [{ ACCESSIBLE: 'no' }, WIZARD],
    [{ ACCESSIBLE: '' }, WIZARD],
    [{ INK_SCREEN_READER: 'true' }, LINE_FACE],
    // Ink's own variable is read as Ink reads it: the exact string.
    [{ INK_SCREEN_READER: '1' }, WIZARD],
    // ACCESSIBLE comes first: the wizard stays, in Ink's screen-reader mode (its question unmarked).
    [{ ACCESSIBLE: '0', INK_SCREEN_READER: 'true' }, 'Choose a deployment'],
  ])('%j: %s', async (env, expected) => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN], { ...envFor(emulator), ...env }, { cols: 80, rows: 24 });
    await run.waitFor(expected);
    const other = expected === LINE_FACE ? 'Choose a deployment' : LINE_FACE;
    expect(run.text()).not.toContain(other);
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });

  it('--plain asks line by line whatever ACCESSIBLE says: the flag comes first', async () => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN, '--plain'], { ...envFor(emulator), ACCESSIBLE: '0' });
    await run.waitFor(LINE_FACE);
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });
});

describe('the wizard nobody chose says once how to get the line face', () => {
  it('on the first screen, until the first key', async () => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN], envFor(emulator), { cols: 60, rows: 20 });
    await run.waitFor(WIZARD);
    const rows = run.screen().split('\n');
    expect(rows.filter((row) => row.includes(LINE_FACE_OFFER))).toEqual([`ℹ ${LINE_FACE_OFFER}`]);
    await run.type('w');
    await run.waitFor('❯ w');
    expect(run.screen()).not.toContain('ACCESSIBLE');
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });

  it('not to whoever chose it: ACCESSIBLE=0', async () => {
    const emulator = await useEmulator();
    const run = runInPty(process.execPath, [BIN], { ...envFor(emulator), ACCESSIBLE: '0' }, { cols: 80, rows: 24 });
    await run.waitFor('web-01');
    expect(run.text()).not.toContain('ACCESSIBLE');
    run.pty.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
  });
});

describe('the wizard under a screen reader (ACCESSIBLE=0 INK_SCREEN_READER=true): labels and roles, no decoration', () => {
  it('the deployment list, the key console, the expiry, the policy checklist and the key panel', async () => {
    const emulator = await useEmulator();
    const env = { ...envFor(emulator), ACCESSIBLE: '0', INK_SCREEN_READER: 'true' };
    const run = runInPty(process.execPath, [BIN], env, { cols: 160, rows: 40 });
    // Each deployment an option whose label says its marks in words; the legend of the marks left out.
    await run.waitFor(
      'option: web-01, group edge-rg, Contoso Production, eastus2: 3 keys, 1 expired, 1 expiring within 30 days',
    );
    expect(run.screen()).toMatch(/listbox: option: \(selected\) api-gateway, /);
    expect(run.screen()).toContain(
      'option: broken-01, group platform-rg, Contoso Production, eastus: cannot take a key: deployment failed',
    );
    expect(run.screen()).not.toContain('❯');
    expect(run.screen()).not.toContain('a key expired or expiring');
    await run.type(...'web-01'.split(''), KEY.enter);
    await run.waitFor(/listbox: option: \(selected\) ci-2025, hint \w+, expires \d{4}-\d\d-\d\d, expired 12 days ago/);
    expect(run.screen()).not.toContain('EXPIRES (UTC)');
    await toNameStep(run);
    await run.type(...'sr-key'.split(''), KEY.enter);
    await run.waitFor(/radio: \(checked\) 6 months: .*, the default/);
    await run.type(KEY.enter);
    await run.waitFor('The key value');
    await run.type('a', 'b', 'c');
    await run.waitFor('3 characters typed, hidden');
    expect(run.screen()).toContain('list: listitem: at least 12 characters (3 so far): not met');
    expect(run.screen()).toContain('listitem: (checked) one of the kinds: a lowercase letter (a-z): met');
    await run.type(KEY.backspace, KEY.backspace, KEY.backspace, KEY.enter);
    await run.waitFor('CREATE a new key');
    await run.type(KEY.enter);
    await run.waitFor(/the key, masked: its hint \w{3}, the rest hidden/);
    // Said with its role in a word, not by a mark.
    await run.waitFor('done: The dataplane accepted the key');
    expect(run.screen()).toContain('warning: Save the key now: it is never shown again.');
    // A generated key never shown, copied or handed off: leaving is not offered, deleting it is.
    await run.type('q');
    await run.waitFor('No one holds this key');
    await run.type('d');
    expect(await run.exit).toBe(0);
    expect(run.text().replace(/\s+/g, ' ')).toContain("Deleted key 'sr-key' again, as asked");
  });
});

describe('help accessibility', () => {
  it('tells the line face, choosing it, making it stick, colours and spinners; a11y is its alias', async () => {
    const long = await runCli(['help', 'accessibility']);
    const short = await runCli(['help', 'a11y']);
    expect(long.code).toBe(0);
    expect(short.stdout).toBe(long.stdout);
    for (const heading of [
      'THE LINE FACE',
      'CHOOSING IT',
      'MAKING IT STICK',
      'COLOURS',
      'SPINNERS AND THE STATUS LINE',
    ])
      expect(long.stdout).toContain(`\n${heading}\n`);
    const words = long.stdout.replace(/\s+/g, ' ');
    for (const said of ['ACCESSIBLE', 'INK_SCREEN_READER=true', 'NO_COLOR', 'config set accessible true', '--plain'])
      expect(words).toContain(said);
    expect(long.stdout.endsWith('\n')).toBe(true);
    // The wizard's own help points to it.
    expect((await runCli(['--help'])).stdout.replace(/\s+/g, ' ')).toContain('nginxaas-keys help accessibility');
  });

  it.each([60, 80])('at %i columns, no line is wider than the terminal', async (cols) => {
    const run = runInPty(process.execPath, [BIN, 'help', 'a11y'], {}, { cols, rows: 60 });
    expect(await run.exit).toBe(0);
    expect(run.rows().filter((row) => row.wrapped || row.full)).toEqual([]);
    expect(run.text()).toContain('MAKING IT STICK');
  });
});
