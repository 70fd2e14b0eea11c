/**
 * Channels a key could leak through that the other tests do not watch: the clipboard tool (the key
 * on its stdin only), OSC 52 (only when asked), the ApiKey form on a terminal's scrollback after the
 * program ends, and the environment of the children it starts (az, the clipboard tool).
 */
import { describe, expect, it } from 'vitest';
import { withEnv } from '../helpers/child-env';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRODUCTION } from '../../src/emulator/sample-data';
import { envFor, runCli } from '../helpers/cli';
import { useEmulator } from '../helpers/emulator';
import { makeFakeAz, makeFakeClipboard } from '../helpers/fake-az';
import { BIN, KEY, runInPty } from '../helpers/pty';
import { WEB_ARGV } from '../helpers/sample';
import { useTempDir } from '../helpers/temp';
import { base64 } from '../helpers/secrets';

const tempDir = useTempDir('secret-channels-');

describe('the clipboard', () => {
  it('the tool gets the key on stdin, never in its arguments or environment; OSC 52 only after c', async () => {
    const emulator = await useEmulator();
    const clipboard = makeFakeClipboard();
    const env = { ...envFor(emulator), PATH: clipboard.path, DISPLAY: ':99', WAYLAND_DISPLAY: undefined };
    const run = runInPty(process.execPath, [BIN, ...WEB_ARGV, '--name', 'copied'], env);
    await run.waitFor('Name the key');
    await run.type(KEY.enter);
    await run.waitFor('When should the key expire?');
    await run.type(KEY.enter);
    await run.waitFor('The key value');
    await run.type(...'Copied-Secret-42'.split(''), KEY.enter);
    await run.waitFor('CREATE a new key');
    await run.type(KEY.enter);
    await run.waitFor('The dataplane accepted the key');
    expect(run.raw()).not.toContain('\u001b]52;');
    await run.type('c');
    await run.waitFor('Copied with xclip');
    expect(clipboard.input()).toBe('Copied-Secret-42');
    expect(clipboard.args()).not.toContain('Copied-Secret-42');
    expect(clipboard.environment().length).toBeGreaterThan(50);
    expect(clipboard.environment()).not.toContain('Copied-Secret-42');
    expect(run.raw()).toContain(`\u001b]52;c;${base64('Copied-Secret-42')}\u0007`);
    run.pty.kill('SIGTERM');
    await run.exit;
  });
});

describe('the terminal after the program ends', () => {
  /** The wizard in a tmux of the test's own: the key shown with r, `whileShown` done, then left. */
  async function scrollbackAfter(
    name: string,
    secret: string,
    whileShown: (tmux: (...args: string[]) => string, session: string) => Promise<void>,
  ): Promise<string> {
    const emulator = await useEmulator();
    const session = `nk-scrollback-${process.pid}-${Date.now()}`;
    const env = envFor(emulator);
    const folder = tempDir();
    const script = join(folder, 'run.sh');
    const exports = Object.entries(env).map(([key, value]) => `export ${key}='${value}'`);
    writeFileSync(
      script,
      [
        ...exports,
        'unset CI',
        `cd '${folder}'`,
        `node '${BIN}' ${WEB_ARGV.join(' ')} --name ${name}`,
        'echo "exit=$?"',
        'sleep 30',
      ].join('\n'),
    );
    // A tmux server of this test's own (-L): another tmux running on the machine is never touched.
    const socket = `nk-${process.pid}-${Date.now()}`;
    // Its server and the program in it start from a small environment, not the host's; its socket
    // lives in the test's folder.
    const tmuxEnv = withEnv({ TERM: 'xterm-256color', TMUX_TMPDIR: folder });
    const tmux = (...args: string[]) =>
      execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', env: tmuxEnv });
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', `sh ${script}`);
    const screen = () => tmux('capture-pane', '-p', '-t', session);
    const waitFor = async (text: string) => {
      const started = Date.now();
      while (!screen().includes(text)) {
        if (Date.now() - started > 15_000) throw new Error(`waited for ${text}; screen:\n${screen()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      await waitFor('Name the key');
      tmux('send-keys', '-t', session, 'Enter');
      await waitFor('When should the key expire?');
      tmux('send-keys', '-t', session, 'Enter');
      await waitFor('The key value');
      tmux('send-keys', '-t', session, '-l', secret);
      tmux('send-keys', '-t', session, 'Enter');
      await waitFor('CREATE a new key');
      tmux('send-keys', '-t', session, 'Enter');
      await waitFor('The dataplane accepted the key');
      tmux('send-keys', '-t', session, 'r');
      await waitFor(`ApiKey ${base64(secret)}`);
      await whileShown(tmux, session);
      tmux('send-keys', '-t', session, 'q');
      await waitFor('Have you saved the key?');
      tmux('send-keys', '-t', session, 'y');
      await waitFor('exit=0');
      return tmux('capture-pane', '-p', '-S', '-', '-E', '-', '-t', session);
    } finally {
      tmux('kill-server');
    }
  }

  it('neither the key nor its ApiKey form is left anywhere in the scrollback (tmux)', async () => {
    const everything = await scrollbackAfter('scrolled', 'Scrolled-Secret-7', async () => {});
    expect(everything).toContain("Key 'scrolled' is ready");
    expect(everything).not.toContain('Scrolled-Secret-7');
    expect(everything).not.toContain(base64('Scrolled-Secret-7'));
  });

  it('nor after the terminal was narrowed and widened again while the key was shown', async () => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
    const everything = await scrollbackAfter('resized', 'Resized-Secret-8', async (tmux, session) => {
      tmux('resize-window', '-t', session, '-x', '70');
      await settle();
      tmux('resize-window', '-t', session, '-x', '100');
      await settle();
    });
    expect(everything).toContain("Key 'resized' is ready");
    expect(everything).not.toContain('Resized-Secret-8');
    expect(everything).not.toContain(base64('Resized-Secret-8'));
  });
});

describe('the environment of the children', () => {
  it('az, run while a key read from stdin is in memory, never has the key in its environment or arguments', async () => {
    const emulator = await useEmulator();
    const az = makeFakeAz({ token: emulator.token, subscription: PRODUCTION });
    const result = await runCli(['create', ...WEB_ARGV, '--name', 'via-az', '--secret-stdin', '--auth', 'cli'], {
      env: { ...envFor(emulator), NGINXAAS_ACCESS_TOKEN: undefined, PATH: az.path },
      input: 'Az-Child-Secret-9',
    });
    expect(result.code).toBe(0);
    expect(az.calls().length).toBeGreaterThan(0);
    expect(az.environments().length).toBeGreaterThan(50);
    expect(az.environments()).not.toContain('Az-Child-Secret-9');
    expect(az.calls().join('\n')).not.toContain('Az-Child-Secret-9');
  });
});

describe('--secret-stdin on a terminal', () => {
  it('the key typed is never echoed, and Backspace edits it', async () => {
    const emulator = await useEmulator();
    const run = runInPty(
      process.execPath,
      [BIN, 'create', ...WEB_ARGV, '--name', 'typed', '--secret-stdin'],
      envFor(emulator),
    );
    await run.waitFor('Key (hidden)');
    await run.type(...'Hidden-Secret-77x'.split(''), KEY.backspace, KEY.enter);
    expect(await run.exit).toBe(0);
    const web = emulator.world.deployment(PRODUCTION, 'edge-rg', 'web-01')!;
    expect(emulator.world.key(web, 'typed')?.secret).toBe('Hidden-Secret-77');
    expect(run.text()).not.toContain('Hidden-Secret');
    expect(run.text()).toContain("Created key 'typed'");
  });
});
