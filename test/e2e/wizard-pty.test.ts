/**
 * The built binary in a real pseudo-terminal against the emulator over HTTPS: a person walks the
 * wizard to the reveal panel, and another cancels it with Ctrl+C.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { useEmulator } from '../helpers/emulator';
import { BIN, KEY, runInPty, toNameStep, walkToReview, type PtyRun } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('wizard-e2e-');

async function emulatorEnv() {
  const emulator = await useEmulator();
  const folder = tempDir();
  const caFile = join(folder, 'ca.pem');
  writeFileSync(caFile, emulator.caPem);
  return {
    emulator,
    env: { NGINXAAS_ARM_ENDPOINT: emulator.url, NGINXAAS_ARM_CA: caFile, NGINXAAS_ACCESS_TOKEN: emulator.token },
  };
}

/** From the name step: the default expiry, a generated key, create; waits for the panel. */
async function generateAndCreate(run: PtyRun): Promise<void> {
  await run.waitFor('When should the key expire?');
  await run.type(KEY.enter);
  await run.waitFor('The key value');
  await run.type(KEY.enter);
  await run.waitFor('CREATE a new key');
  await run.type(KEY.enter);
  await run.waitFor('The dataplane accepted the key');
}

/** What stays on screen at the end: Ink draws every frame whole, header first. */
const lastFrameOf = (run: PtyRun) => run.text().slice(run.text().lastIndexOf('NGINXaaS dataplane API key'));

describe('the wizard in a real terminal', () => {
  it('creates a key; the emulator holds exactly the key the screen revealed', async () => {
    const { emulator, env } = await emulatorEnv();
    const run = runInPty(process.execPath, [BIN], env);
    await run.waitFor('Choose a deployment');
    await run.type(...'web-01'.split(''), KEY.enter);
    await toNameStep(run);
    // Edited as in a shell: Ctrl+U clears, Ctrl+W takes a word, Home and ← move the caret.
    await run.type(...'wrong name'.split(''), KEY.ctrlU, ...'2e-key x'.split(''), KEY.ctrlW, KEY.home, 'e');
    await run.type(KEY.end, KEY.backspace, KEY.enter);
    await generateAndCreate(run);
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    const endpoint = `${emulator.url}/${emulator.world.endpointHost(web)}/`;
    const lines = run
      .screen()
      .split('\n')
      .map((line) => line.trim());
    expect(lines).toContain(endpoint);
    expect(lines).toContain(`${endpoint}nplus`);

    const stored = emulator.world.key(web, 'e2e-key')!;
    expect(run.text()).not.toContain(stored.secret);
    await run.type('r');
    await run.waitFor(stored.secret);
    const revealed = /\(hides in \d+ s\)\s+([0-9a-f-]{36})/.exec(run.text())?.[1];
    expect(revealed).toBe(stored.secret);

    await run.type('q');
    await run.waitFor('Have you saved the key?');
    await run.type('y');
    expect(await run.exit).toBe(0);
    expect(run.text()).toContain("Key 'e2e-key' is ready");
    const lastFrame = lastFrameOf(run);
    expect(lastFrame).toContain(`${stored.secret.slice(0, 3)}••••`);
    expect(lastFrame).not.toContain(stored.secret);
    expect(emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('Ctrl+C mid-flow exits 130, creates nothing, and leaves the terminal sane', async () => {
    const { emulator, env } = await emulatorEnv();
    // The shell reports the terminal's modes after the program ends.
    const run = runInPty('/bin/sh', ['-c', `"${process.execPath}" "${BIN}"; echo "exit=$?"; stty -a`], env);
    await run.waitFor('Choose a deployment');
    await run.type(KEY.enter);
    await toNameStep(run);
    await run.type(...'half-done'.split(''), KEY.enter);
    await run.waitFor('When should the key expire?');
    await run.type(KEY.ctrlC);
    await run.waitFor(/exit=\d+/);
    await run.exit;
    // The pty may report the exit before the last of stty's output is read.
    await run.waitFor(/(^|\s)-?icanon(\s|$)/m);
    expect(run.text()).toContain('exit=130');
    expect(run.text()).toContain('Cancelled. Nothing was created.');
    const modes = run.text().slice(run.text().indexOf('exit=130'));
    expect(modes).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(modes).toMatch(/(^|\s)echo(\s|$)/m);
    expect(run.raw()).toContain('\u001b[?25h');
    expect(emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('SIGTERM on the reveal panel leaves 130 with the key masked in the last frame', async () => {
    const { emulator, env } = await emulatorEnv();
    const run = runInPty(process.execPath, [BIN, '-d', 'web-01', '--name', 'term-key'], env);
    await run.waitFor('Name the key');
    await run.type(KEY.enter);
    await generateAndCreate(run);
    await run.type('r');
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    const secret = emulator.world.key(web, 'term-key')!.secret;
    await run.waitFor(secret);
    run.pty.kill('SIGTERM');
    expect(await run.exit).toBe(130);
    const lastFrame = lastFrameOf(run);
    expect(lastFrame).not.toContain(secret);
    expect(lastFrame).toContain("Key 'term-key' was created and is active");
  });

  describe('a generated key that no one holds (never shown, copied or handed off) is not left live', () => {
    it('Ctrl+C twice on the panel deletes it again, then leaves with 130', async () => {
      const { emulator, env } = await emulatorEnv();
      const run = runInPty(process.execPath, [BIN, '-d', 'web-01', '--name', 'unheld-key'], env);
      await run.waitFor('Name the key');
      await run.type(KEY.enter);
      await generateAndCreate(run);
      const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
      expect(emulator.world.key(web, 'unheld-key')).toBeDefined();
      await run.type(KEY.ctrlC);
      await run.waitFor('Ctrl+C again: delete it and leave');
      expect(run.screen()).toContain('No one holds this key');
      expect(run.screen()).not.toMatch(/\by leave\b/);
      await run.type(KEY.ctrlC);
      expect(await run.exit).toBe(130);
      expect(lastFrameOf(run).replace(/\s+/g, ' ')).toContain("Deleted key 'unheld-key' again, because no one held it");
      expect(emulator.world.key(web, 'unheld-key')).toBeUndefined();
    });

    it('SIGTERM on the panel deletes it again, then leaves with 130', async () => {
      const { emulator, env } = await emulatorEnv();
      const run = runInPty(process.execPath, [BIN, '-d', 'web-01', '--name', 'term-unheld'], env);
      await run.waitFor('Name the key');
      await run.type(KEY.enter);
      await generateAndCreate(run);
      run.pty.kill('SIGTERM');
      expect(await run.exit).toBe(130);
      const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
      expect(emulator.world.key(web, 'term-unheld')).toBeUndefined();
      expect(emulator.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    });

    it('SIGTERM while Azure creates it: the PUT finishes, and the key it made is deleted again', async () => {
      const { emulator, env } = await emulatorEnv();
      emulator.faults.add({ method: 'PUT', delayMs: 1500 });
      const run = runInPty(process.execPath, [BIN, '-d', 'web-01', '--name', 'signal-made'], env);
      await walkToReview(run);
      await run.type(KEY.enter);
      await run.waitFor('Creating key');
      run.pty.kill('SIGTERM');
      expect(await run.exit).toBe(130);
      const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
      expect(emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
      expect(emulator.world.key(web, 'signal-made')).toBeUndefined();
      expect(lastFrameOf(run).replace(/\s+/g, ' ')).toContain(
        "Deleted key 'signal-made' again, because no one held it",
      );
    });
  });

  it('a one-chunk paste of a whole answer with Enter works as in tmux send-keys', async () => {
    const { emulator, env } = await emulatorEnv();
    const run = runInPty(process.execPath, [BIN, '-d', 'web-01'], env);
    // Each answer, Enter included, arrives as one chunk.
    const answers: [screen: string, chunk: string][] = [
      ['Keys of web-01', 'n'],
      ['Name the key', 'pasted-key\r'],
      ['When should the key expire?', '\r'],
      ['The key value', 'Pasted-Secret-2026\r'],
      ['CREATE a new key', '\r'],
      ['The dataplane accepted the key', 'q'],
      ['Have you saved the key?', 'y'],
    ];
    for (const [screen, chunk] of answers) {
      await run.waitFor(screen);
      run.pty.write(chunk);
    }
    expect(await run.exit).toBe(0);
    expect(run.text()).not.toContain('Pasted-Secret-2026');
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(emulator.world.key(web, 'pasted-key')?.secret).toBe('Pasted-Secret-2026');
  });
});

describe('colour', () => {
  const colourCodes = (raw: string) => (raw.match(/\u001b\[(3\d|9\d)m/g) ?? []).length;

  it.each([
    ['--no-color', ['--no-color'], {}],
    ['NO_COLOR', [], { NO_COLOR: '1' }],
  ])('%s draws the wizard without colour; by default it has colour', async (_what, flags, extra) => {
    const { env } = await emulatorEnv();
    const plainRun = runInPty(process.execPath, [BIN, ...flags], { ...env, ...extra, FORCE_COLOR: undefined });
    await plainRun.waitFor('Choose a deployment');
    // No colour is not no caret: reverse video is an attribute, and ← must move something seen.
    await plainRun.type('w', 'e', 'b', KEY.left);
    await plainRun.waitFor(/❯ web\s*$/m);
    plainRun.pty.write(KEY.ctrlC);
    await plainRun.exit;
    expect(colourCodes(plainRun.raw())).toBe(0);
    expect(plainRun.raw()).toContain('we\u001b[7mb\u001b[27m');
    const coloured = runInPty(process.execPath, [BIN], { ...env, NO_COLOR: undefined, FORCE_COLOR: undefined });
    await coloured.waitFor('Choose a deployment');
    coloured.pty.write(KEY.ctrlC);
    await coloured.exit;
    expect(colourCodes(coloured.raw())).toBeGreaterThan(5);
  });
});
