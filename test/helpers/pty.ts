/** The built binary in a real pseudo-terminal (@lydell/node-pty), read as a person would. */
import { spawn, type IPty } from '@lydell/node-pty';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${ROOT}bin/nginxaas-keys.js`;

export interface PtyRun {
  pty: IPty;
  /** Everything written so far, raw (with escape sequences). */
  raw(): string;
  /** Everything written so far, without escape sequences. */
  text(): string;
  waitFor(expected: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Types one key per write, a few milliseconds apart, as a person would. */
  type(...keys: string[]): Promise<void>;
  exit: Promise<number>;
}

export function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...process.env, ...extra })) {
    // The wizard refuses to draw under CI (architecture rule 9): the child is a terminal user.
    if (value !== undefined && name !== 'CI') env[name] = value;
  }
  env.TERM = extra.TERM ?? 'xterm-256color';
  return env;
}

export function runInPty(
  file: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  size = { cols: 110, rows: 34 },
): PtyRun {
  const environment = childEnv(env);
  // node-pty sets TERM from `name`, over the environment's.
  const pty = spawn(file, args, {
    name: environment.TERM ?? 'xterm-256color',
    cols: size.cols,
    rows: size.rows,
    cwd: ROOT,
    env: environment,
  });
  let output = '';
  pty.onData((data) => (output += data));
  const exit = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  const text = () => stripVTControlCharacters(output);
  return {
    pty,
    raw: () => output,
    text,
    exit,
    async waitFor(expected, timeoutMs = 10_000) {
      const started = Date.now();
      while (!(typeof expected === 'string' ? text().includes(expected) : expected.test(text()))) {
        if (Date.now() - started > timeoutMs)
          throw new Error(`waited for ${String(expected)}; screen so far:\n${text().slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, 30));
    },
    async type(...keys) {
      for (const key of keys) {
        pty.write(key);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    },
  };
}

export const KEY = {
  enter: '\r',
  esc: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  tab: '\t',
  ctrlC: '\u0003',
  backspace: '\u007f',
};
