/**
 * The built binary in a real pseudo-terminal (@lydell/node-pty), read as a person would: its output
 * is fed to a headless terminal (@xterm/headless) of the same size, so `waitFor` looks at what is on
 * the screen now, not at everything ever printed. `text()` keeps the whole history, for checks that
 * something was never printed at all. A child still running when its test ends is killed.
 */
import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { mkdtempSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterEach } from 'vitest';
import { withEnv } from './child-env';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${ROOT}bin/nginxaas-keys.js`;

export interface PtyRun {
  pty: IPty;
  /** Everything written so far, raw (with escape sequences). */
  raw(): string;
  /** Everything written so far, without escape sequences. */
  text(): string;
  /** The screen as it is now: one line per row, trailing spaces trimmed. */
  screen(): string;
  /**
   * Every row the terminal holds, scrollback included: its text, whether the terminal wrapped it
   * (a row continued from the one above), and whether it reaches the last column.
   */
  rows(): { text: string; wrapped: boolean; full: boolean }[];
  /** Waits until the screen shows `expected`. */
  waitFor(expected: string | RegExp, timeoutMs?: number): Promise<void>;
  /**
   * Waits until the program has written nothing new for a few polls and all it wrote is on the
   * screen: a frame is drawn whole. A spinner never stops, so after `timeoutMs` it goes on anyway.
   */
  quiet(timeoutMs?: number): Promise<void>;
  /** Types one key per write, a few milliseconds apart, as a person would. */
  type(...keys: string[]): Promise<void>;
  /** Resizes the terminal and the program's pty together, as a window drag does. */
  resize(cols: number, rows: number): void;
  /** Waits until the program has written `expected` after the first `from` characters of its output, and that is on the screen. */
  waitForAfter(from: number, expected: string, timeoutMs?: number): Promise<void>;
  exit: Promise<number>;
}

const live = new Set<IPty>();
afterEach(() => {
  for (const pty of live) {
    try {
      pty.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
  live.clear();
});

/**
 * A small environment of its own (helpers/child-env.ts): never the host's NGINXAAS_*, AZURE_*,
 * proxies or CI (the wizard refuses to draw under CI, architecture rule 9: the child is a
 * terminal user).
 */
export function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env = withEnv(extra);
  env.TERM = extra.TERM ?? 'xterm-256color';
  // A --demo world of its own for each run (the demo keeps its world in the user's state folder).
  env.XDG_STATE_HOME = extra.XDG_STATE_HOME ?? mkdtempSync(join(tmpdir(), 'demo-state-'));
  // Saved defaults of its own too: a run never reads the config of whoever runs the tests.
  env.XDG_CONFIG_HOME = extra.XDG_CONFIG_HOME ?? join(env.XDG_STATE_HOME, 'config');
  return env;
}

/**
 * node-pty destroys its socket 200 ms after the child has exited, unread output and all: on a busy
 * machine the last lines (the end of a long --help) were lost. The socket closes by itself once
 * everything is read (the pty answers EIO); its destroy waits for that, 10 s at most.
 */
function readToTheEnd(pty: IPty): void {
  const socket = (pty as unknown as { _socket?: Socket })._socket;
  if (!socket) return;
  const destroy = socket.destroy.bind(socket);
  let asked = false;
  socket.destroy = ((error?: Error) => {
    if (socket.readableEnded || socket.destroyed || asked) return destroy(error);
    asked = true;
    const late = setTimeout(() => destroy(error), 10_000);
    socket.once('close', () => clearTimeout(late));
    return socket;
  }) as typeof socket.destroy;
}

export function runInPty(
  file: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  size = { cols: 110, rows: 34 },
  // A folder of its own unless told: a file the program writes by default lands there, never in
  // the checkout.
  cwd = mkdtempSync(join(tmpdir(), 'cwd-')),
): PtyRun {
  const environment = childEnv(env);
  // node-pty sets TERM from `name`, over the environment's.
  const pty = spawn(file, args, {
    name: environment.TERM ?? 'xterm-256color',
    cols: size.cols,
    rows: size.rows,
    cwd,
    env: environment,
  });
  live.add(pty);
  readToTheEnd(pty);
  const terminal = new xterm.Terminal({ cols: size.cols, rows: size.rows, allowProposedApi: true, scrollback: 1000 });
  let output = '';
  // xterm parses what it is given later, in its own time: the exit waits until the last output is
  // on the screen, so that a test reading the screen after the exit sees the final frame. node-pty
  // reports the exit only once the pty's socket has closed, so every byte has been handed over by then.
  let parsed = Promise.resolve();
  pty.onData((data) => {
    output += data;
    parsed = new Promise((resolve) => terminal.write(data, resolve));
  });
  const exit = new Promise<number>((resolve) =>
    pty.onExit(({ exitCode }) => {
      live.delete(pty);
      void parsed.then(() => resolve(exitCode));
    }),
  );
  const text = () => stripVTControlCharacters(output);
  const screen = () => {
    const buffer = terminal.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < terminal.rows; row++)
      lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
    return lines.join('\n').replace(/\n+$/, '');
  };
  const rows = () => {
    const buffer = terminal.buffer.active;
    const all: { text: string; wrapped: boolean; full: boolean }[] = [];
    for (let row = 0; row < buffer.length; row++) {
      const line = buffer.getLine(row);
      if (!line) continue;
      const last = line.getCell(terminal.cols - 1)?.getChars() ?? '';
      all.push({ text: line.translateToString(true), wrapped: line.isWrapped, full: last !== '' });
    }
    return all;
  };
  return {
    pty,
    raw: () => output,
    text,
    screen,
    rows,
    exit,
    async waitFor(expected, timeoutMs = 10_000) {
      const started = Date.now();
      const shown = () => (typeof expected === 'string' ? screen().includes(expected) : expected.test(screen()));
      while (!shown()) {
        if (Date.now() - started > timeoutMs)
          throw new Error(`waited for ${String(expected)}; the screen:\n${screen()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // All that has arrived is on the screen; what the program draws next, a test waits for.
      await parsed;
    },
    async waitForAfter(from, expected, timeoutMs = 10_000) {
      const started = Date.now();
      while (!stripVTControlCharacters(output.slice(from)).includes(expected)) {
        if (Date.now() - started > timeoutMs)
          throw new Error(`waited for ${expected} after ${from} characters; the screen:\n${screen()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await parsed;
    },
    async quiet(timeoutMs = 2_000) {
      const started = Date.now();
      let seen = -1;
      let still = 0;
      while (still < 3 && Date.now() - started < timeoutMs) {
        still = output.length === seen ? still + 1 : 0;
        seen = output.length;
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      await parsed;
    },
    resize(cols, rows) {
      terminal.resize(cols, rows);
      pty.resize(cols, rows);
    },
    async type(...keys) {
      // Pacing, not synchronisation: each key in a read of its own, as a person types (keys that
      // arrive in one read reach Ink as one input). What a key makes happen, a test waits for.
      for (const key of keys) {
        pty.write(key);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    },
  };
}

import { KEY } from './keys';

export { KEY };

/** After a deployment is chosen: past its key console (n, a new key) when it has keys, to the name step. */
export async function toNameStep(run: PtyRun): Promise<void> {
  await run.waitFor(/Keys of |Name the key/);
  if (!run.screen().includes('Name the key')) await run.type('n');
  await run.waitFor('Name the key');
}

/** From the deployment's console or the name step to the review: the name, the default expiry, a generated key. */
export async function walkToReview(run: PtyRun, name = ''): Promise<void> {
  await toNameStep(run);
  await run.type(...name.split(''), KEY.enter);
  await run.waitFor('When should the key expire?');
  await run.type(KEY.enter);
  await run.waitFor('The key value');
  await run.type(KEY.enter);
  await run.waitFor('CREATE a new key');
}
