/**
 * Every step of the wizard, walked in the real binary in a real terminal at 60×20, 80×24 and
 * 120×40, in the full-screen face and in the line face (issue 34, item 2): after each step the
 * terminal's rows (scrollback included) are read as xterm holds them, and the walk fails on a row
 * the terminal had to wrap (or that reaches its last column), a title drawn twice (a frame as tall
 * as the terminal is drawn again from the top), or a message broken inside (a blank row in it, a
 * line wrapped under its mark). The last output ends with a newline: the shell's next line
 * starts on a row of its own.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NLK_CHART, NLK_CHART_VERSION } from '../../src/domain/handoff';
import { fleetWorld } from '../../src/emulator/fleet';
import { LINE_FACE_OFFER } from '../../src/ui/app';
import { envFor } from '../helpers/cli';
import { sampleWeb, useEmulator } from '../helpers/emulator';
import { makeFakeAz, noAzPath } from '../helpers/fake-az';
import { expectSoundFrames } from '../helpers/frame-check';
import { BIN, KEY, childEnv, runInPty, type PtyRun } from '../helpers/pty';
import { WEB_ARGV } from '../helpers/sample';

const SIZES = [
  [60, 20],
  [80, 24],
  [120, 40],
] as const;

/** The binary under a shell that says its exit status after it, on the next line. */
function underShell(args: string[], env: Record<string, string | undefined>, size: { cols: number; rows: number }) {
  const words = args.map((a) => `'${a}'`).join(' ');
  return runInPty('/bin/sh', ['-c', `"${process.execPath}" "${BIN}" ${words}; echo "EXIT=$?"`], env, size);
}

/**
 * Waits for `expected` and for the program to have finished drawing (a frame arrives in several
 * chunks: read between two, the screen is half erased), then reads the whole terminal.
 */
async function see(run: PtyRun, expected: string | RegExp, where: string): Promise<void> {
  await run.waitFor(expected);
  await run.quiet();
  expectSoundFrames(run, where);
}

/** The shell's line after the program's last: its own row, at its start. */
async function endsOnItsOwnLine(run: PtyRun, code: number): Promise<void> {
  await run.waitFor(`EXIT=${code}`);
  const rows = run.rows().map((row) => row.text);
  expect(rows, run.screen()).toContain(`EXIT=${code}`);
}

const typeWords = (run: PtyRun, words: string) => run.type(...words.split(''));

/**
 * The command the terminal shows from the row that starts with `start`: that row and the rows its
 * continuations (a trailing `\\`) carry on to, as printed — for a shell to read as it stands.
 */
function commandOnScreen(run: PtyRun, start: string): string {
  const rows = run.rows().map((row) => row.text);
  const at = rows.findLastIndex((row) => row.includes(start));
  expect(at, run.screen()).toBeGreaterThanOrEqual(0);
  let end = at;
  while ((rows[end] ?? '').endsWith('\\')) end += 1;
  return rows.slice(at, end + 1).join('\n');
}

/** The words a shell makes of `text` (as printed, line breaks and all). */
function shellWords(text: string): string[] {
  const out = execFileSync(
    '/bin/sh',
    ['-c', `words() { for w in "$@"; do printf '%s\\n' "$w"; done; }\nwords ${text}`],
    {
      encoding: 'utf8',
    },
  );
  return out.split('\n').slice(0, -1);
}

describe.each(SIZES)('the full-screen wizard at %i×%i', (cols, rows) => {
  const size = { cols, rows };

  it('create: the list, a filter, a refusal, the console and its questions, each step with its errors, the panel, the hand-off, delete again', async () => {
    const emulator = await useEmulator();
    // A zone with a Local row beside UTC: the reveal panel is a row taller there.
    const run = underShell([], { ...envFor(emulator), TZ: 'America/New_York' }, size);
    await see(run, 'Choose a deployment', 'the list');
    // The first screen says once how to get the line face; the first key takes it away.
    expect(run.screen()).toContain(LINE_FACE_OFFER);
    await typeWords(run, 'zzz');
    await see(run, 'No deployment matches', 'a filter that matches nothing');
    await run.type(KEY.esc);
    await typeWords(run, 'broken');
    await run.waitFor('deployment failed');
    await run.type(KEY.enter);
    await see(run, /✖ .*broken-01/, 'a deployment that cannot take a key');
    await run.type(KEY.esc);
    await typeWords(run, 'web-01');
    await run.type(KEY.enter);
    await see(run, 'Keys of web-01', 'the key console');
    await run.waitFor('ci-2025');
    await run.type('d');
    await see(run, "Delete key 'ci-2025'?", 'the delete question');
    await run.type(KEY.esc, KEY.down, 'r');
    await see(run, "Rotate key 'nlk-prod'", 'the rotation plan');
    await run.type(KEY.esc, KEY.down, 'e');
    await see(run, "New expiry for 'asg-sync'", 'the new expiry');
    await run.type(KEY.up, KEY.up, KEY.enter);
    await see(run, "Shorten 'asg-sync'?", 'a shorter expiry');
    await run.type('n', KEY.esc);
    await run.waitFor('Keys of web-01');
    await run.type('n');
    await see(run, 'Name the key', 'the name step');
    await typeWords(run, 'abc_d');
    await see(run, "character '_'", 'a name with a character it may not hold');
    await run.type(KEY.ctrlU);
    await typeWords(run, 'nlk-prod');
    await see(run, 'REPLACED', 'a name in use');
    await run.type(KEY.ctrlU);
    await typeWords(run, 'walk-key');
    await run.type(KEY.enter);
    await see(run, 'When should the key expire?', 'the expiry');
    await run.type(KEY.down, KEY.down, KEY.down, KEY.enter);
    await typeWords(run, 'nonsense');
    await see(run, /✖ /, 'a date that is no date');
    await run.type(KEY.enter);
    await see(run, /✖ /, 'a date refused on Enter');
    await run.type(KEY.esc, KEY.up, KEY.up, KEY.enter);
    await see(run, 'The key value', 'the key value');
    await typeWords(run, 'abc');
    await run.type(KEY.enter);
    await see(run, 'Enter is refused', 'a key too short (the issue: wrapped at 60×20)');
    await run.type(KEY.backspace, KEY.backspace, KEY.backspace, KEY.enter);
    await see(run, 'CREATE a new key', 'the review');
    await run.type(KEY.enter);
    await see(run, 'The dataplane accepted the key', 'the reveal panel');
    await run.type('r');
    await see(run, '(hides in', 'the key shown');
    await run.type('r', 'h');
    await see(run, 'Hand the key to', 'the hand-off menu');
    await run.type(KEY.down, KEY.down, KEY.enter);
    await see(run, 'Where should the', 'the hand-off destination');
    await run.type(KEY.ctrlU);
    await typeWords(run, '/nonexistent/dir/x.env');
    await run.type(KEY.enter);
    await see(run, /✖ .*nonexistent/, 'a destination whose folder does not exist (the issue: a path split)');
    await run.type(KEY.ctrlU);
    await typeWords(run, 'walk.env');
    await run.type(KEY.enter);
    await see(run, /✔ .*walk\.env/, 'a hand-off done');
    await run.type('q');
    await see(run, 'Have you saved the key?', 'the saved-it question');
    await run.type('d');
    await see(run, /nothing is left\s+behind/, 'the last frame');
    await endsOnItsOwnLine(run, 0);
    expectSoundFrames(run, 'after the end');
  });

  it('rotate: the new key beside the old, never held, stopping, then to the end', async () => {
    const emulator = await useEmulator();
    const run = underShell(WEB_ARGV, envFor(emulator), size);
    await run.waitFor('ci-2025');
    await run.type(KEY.down, 'r');
    await run.waitFor("Rotate key 'nlk-prod'");
    await run.type(KEY.enter);
    await see(run, 'The dataplane accepted the key', 'the rotation’s panel');
    await run.type(KEY.enter);
    await see(run, "though no one holds 'nlk-prod-2'?", 'a delete of the old key while the new one is held nowhere');
    await run.type(KEY.esc);
    await see(run, 'Stop the rotation?', 'stopping a rotation');
    await run.type('n', 'r');
    await run.waitFor('(hides in');
    await run.type(KEY.enter);
    await see(run, /Rotated: the dataplane takes/, 'the rotation done');
    await run.type(KEY.ctrlC);
    await see(run, 'Done before that', 'the farewell');
    await endsOnItsOwnLine(run, 130);
    expectSoundFrames(run, 'after the end');
  });

  it('rotate in New York: an NLK hand-off, its helm command as a shell reads it, stopped, the delete command that runs as printed', async () => {
    const emulator = await useEmulator();
    const env = { ...envFor(emulator), TZ: 'America/New_York' };
    const run = underShell(WEB_ARGV, env, size);
    await run.waitFor('ci-2025');
    await run.type(KEY.down, 'r');
    await run.waitFor("Rotate key 'nlk-prod'");
    await run.type(KEY.enter);
    await see(run, 'The dataplane accepted the key', 'the rotation’s panel');
    await run.type('h');
    await see(run, 'Hand the key to', 'the hand-off menu in a rotation');
    await run.type(KEY.enter);
    await see(run, 'Where should the', 'the NLK values file’s destination');
    await run.type(KEY.ctrlU);
    await typeWords(run, 'walk-values.yaml');
    await run.type(KEY.enter);
    await see(run, /✔ nlk: /, 'an NLK hand-off in a rotation (the issue: 22 rows at 60×20)');
    expect(run.screen()).toMatch(/Created key 'nlk-prod-\d+'/);
    expect(shellWords(commandOnScreen(run, 'helm upgrade'))).toEqual(
      `helm upgrade --install nlk ${NLK_CHART} --version ${NLK_CHART_VERSION} -f walk-values.yaml`.split(' '),
    );
    await run.type('r');
    await see(run, '(hides in', 'the key shown after the hand-off');
    await run.type(KEY.esc);
    await see(run, 'Stop the rotation?', 'stopping');
    await run.type('y');
    await see(run, 'Rotation stopped', 'the rotation stopped, with the command that finishes it');
    const printed = commandOnScreen(run, ' delete -d ');
    expect(shellWords(printed)).toEqual(expect.arrayContaining(['delete', '--name', 'nlk-prod']));
    await run.type(KEY.ctrlC);
    await endsOnItsOwnLine(run, 130);
    expectSoundFrames(run, 'after the end');
    // As printed, in a shell: it deletes the old key.
    // (Not execFileSync: the emulator answers from this process.)
    await promisify(execFile)('/bin/sh', ['-c', `${printed} --yes`], { env: childEnv(env) });
    expect(emulator.world.key(sampleWeb(emulator).web(), 'nlk-prod')).toBeUndefined();
  });

  it('Azure refuses the key', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({
      method: 'PUT',
      status: 409,
      code: 'Conflict',
      message: 'The deployment is being updated by another operation; try again when it has finished.',
    });
    const run = underShell([...WEB_ARGV, '--name', 'walk-fail'], envFor(emulator), size);
    await run.waitFor('Name the key');
    await run.type(KEY.enter);
    await run.waitFor('When should the key expire?');
    await run.type(KEY.enter);
    await run.waitFor('The key value');
    await run.type(KEY.enter);
    await run.waitFor('CREATE a new key');
    await run.type(KEY.enter);
    await see(run, 'Azure did not create the key', 'a create refused');
    await run.type(KEY.ctrlC);
    await endsOnItsOwnLine(run, 130);
    expectSoundFrames(run, 'after the end');
  });

  it('a long list: its window, a page down, a filter', async () => {
    const emulator = await useEmulator({ data: fleetWorld({ subscriptions: 3, deployments: 40 }, new Date()) });
    const run = underShell([], envFor(emulator), size);
    await see(run, /↓ \d+ more/, 'a long list, its first window');
    await run.type(KEY.pageDown, KEY.pageDown);
    await see(run, /↑ \d+ more/, 'two pages down');
    await typeWords(run, '!');
    await see(run, /of 120 deployments/, 'only those with keys expired or expiring');
    await run.type(KEY.ctrlC);
    await endsOnItsOwnLine(run, 130);
    expectSoundFrames(run, 'after the end');
  });

  it('a list that cannot be read', async () => {
    const emulator = await useEmulator();
    emulator.faults.add({
      method: 'GET',
      path: '^/subscriptions\\?',
      status: 403,
      code: 'AuthorizationFailed',
      message:
        "The client 'alice@contoso.com' does not have authorization to perform action 'Microsoft.Resources/subscriptions/read' over scope '/subscriptions'.",
      times: -1,
    });
    const run = underShell([], envFor(emulator), size);
    await see(run, /r try again/, 'the failure screen');
    await run.type('q');
    await endsOnItsOwnLine(run, 1);
  });

  it('signed out: the sign-in screen', async () => {
    const emulator = await useEmulator();
    const az = makeFakeAz({ token: emulator.token, subscription: '', loggedOut: true });
    const env = { ...envFor(emulator), NGINXAAS_ACCESS_TOKEN: undefined, PATH: az.path ?? noAzPath() };
    const run = underShell([], env, size);
    await see(run, 'Sign in to Azure', 'the sign-in screen');
    await run.type('q');
    await run.waitFor(/EXIT=\d+/);
    expectSoundFrames(run, 'after the end');
  });
});

/** Answers a line face's question: waits for it (and the program to be done saying things), checks the terminal, answers. */
async function answerAt(run: PtyRun, question: string | RegExp, words: string, where: string): Promise<void> {
  await see(run, question, where);
  await run.type(...words.split(''), KEY.enter);
}

describe.each(SIZES)('the line face at %i×%i', (cols, rows) => {
  const size = { cols, rows };

  it('TERM=dumb, bare lines: the list, a refusal, the review', async () => {
    const emulator = await useEmulator();
    const run = underShell([], { ...envFor(emulator), TERM: 'dumb' }, size);
    await answerAt(run, '? Deployment', 'web-01', 'the list');
    await answerAt(run, /\? n new/, 'n', 'the key console');
    await answerAt(run, '? Key name', 'a_b', 'the name step');
    await answerAt(run, /✖ [^]*\? Key name/, 'dumb-walk', 'a name refused');
    await answerAt(run, '? Expiry: a number', '', 'the expiry');
    await answerAt(run, '? Key (hidden', 'abc', 'the key value');
    await answerAt(run, /Enter is refused[^]*\? Key \(hidden/, '', 'a key too short');
    await answerAt(run, '? Create it?', '<', 'the review');
    await see(run, '? Key (hidden', 'back a step');
    run.pty.write(KEY.ctrlC);
    await endsOnItsOwnLine(run, 130);
    expectSoundFrames(run, 'after the end');
  });

  it('create: the list with its marks in words, each step with its errors, the panel, the hand-off, delete again', async () => {
    const emulator = await useEmulator();
    const run = underShell(['--plain'], envFor(emulator), size);
    await answerAt(run, '? Deployment', 'zzz', 'the list');
    await answerAt(run, /0 of 6 deployments match/, '', 'a filter that matches nothing');
    await answerAt(run, /\? Deployment \(\? says the choices\)/, '?', 'the question asked again, short');
    await answerAt(run, /Deployment: a number[^]*\? Deployment \(\? says/, 'web-01', 'the choices said again');
    await answerAt(run, /\? n new/, 'd 1', 'the key console');
    await answerAt(run, "? Type the key's name", '', 'the delete question');
    await answerAt(run, /\? Keys \(\? says the choices\)/, 'r 2', 'the key console, asked again');
    await answerAt(run, /\? Rotate 'nlk-prod'\?/, '<', 'the rotation plan');
    await answerAt(run, /\? Keys \(\?/, 'e 3', 'the key console, again');
    await answerAt(run, '? Expiry: a number', '1', 'the new expiry');
    await answerAt(run, /\? Shorten 'asg-sync'\?/, 'n', 'a shorter expiry');
    await answerAt(run, '? Expiry: a number', '<', 'the new expiry, again');
    await answerAt(run, /\? Keys \(\?/, 'n', 'the key console, a new key');
    await answerAt(run, '? Key name', 'abc_d', 'the name step');
    await answerAt(run, /✖ [^]*character '_'[^]*\? Key name/, 'walk-key', 'a name refused');
    await answerAt(run, '? Expiry: a number', 'nonsense', 'the expiry');
    await answerAt(run, /✖ [^]*\? Expiry: a date/, '<', 'a date refused');
    await answerAt(run, '? Expiry: a number', '3', 'the expiry, again');
    await answerAt(run, '? Key (hidden', 'abc', 'the key value');
    await answerAt(run, /Enter is refused[^]*\? Key \(hidden/, '', 'a key too short');
    await answerAt(run, '? Create it?', 'y', 'the review');
    await answerAt(run, /\? r shows the key/, 'r', 'the panel');
    await answerAt(run, /\? The key \(\? says the choices\)/, 'h', 'the key said once');
    await answerAt(run, '? Hand the key to', '3', 'the hand-off menu');
    await answerAt(run, '? Where', '/nonexistent/dir/x.env', 'the destination');
    await answerAt(run, /✖ [^]*nonexistent[^]*\? Where/, 'walk.env', 'a destination whose folder does not exist');
    await answerAt(run, /✔ [^]*walk\.env[^]*\? The key/, 'q', 'a hand-off done');
    await answerAt(run, '? Have you saved the key?', 'd', 'the saved-it question');
    await see(run, /nothing is left\s+behind/, 'the end');
    await endsOnItsOwnLine(run, 0);
    expectSoundFrames(run, 'after the end');
  });

  it('rotate: the new key never held, stopping, then to the end', async () => {
    const emulator = await useEmulator();
    const run = underShell(['--plain', ...WEB_ARGV], envFor(emulator), size);
    await answerAt(run, /\? n new/, 'r 2', 'the key console');
    await answerAt(run, /\? Rotate 'nlk-prod'\?/, 'y', 'the rotation plan');
    await answerAt(run, /s stops here/, 'y', 'the rotation’s panel');
    await answerAt(
      run,
      /\? Delete 'nlk-prod' though no one holds/,
      's',
      'the old key while the new one is held nowhere',
    );
    await answerAt(run, /\? Stop the rotation\?/, 'n', 'stopping');
    await answerAt(run, /\? Rotation \(\? says the choices\)/, 'r', 'the rotation’s panel, again');
    await answerAt(run, /Key: [^]*\? Rotation \(\?/, 'y', 'the key shown');
    await answerAt(run, /Rotated: the dataplane takes[^]*\? Keys/, 'q', 'the rotation done');
    await endsOnItsOwnLine(run, 0);
    expectSoundFrames(run, 'after the end');
  });
});
