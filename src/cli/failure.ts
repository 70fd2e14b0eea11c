/**
 * How a run that failed ends: one line on stderr in plain words (the ARM code where Azure gave one),
 * the advice for that kind of failure, and the exit code. Never a stack trace unless --verbose.
 */
import type { Mode } from './command-table';
import { flag, text, type Values } from './options';
import { authModeOf } from './scope';
import { printable } from '../domain/printable';
import { isSignInCode, waysToSignIn } from '../domain/sign-in';
import { commandLine, shellWord } from '../domain/started-as';
import { advice, GatewayError } from '../port/gateway';
import { EXIT, stopWords, type Io } from '../port/io';
import { UsageError } from '../port/usage-error';

/** How the run was started, for the commands a failure names: the program, and the words it was given. */
export interface RunStart {
  program?: string;
  argv?: readonly string[];
}

/**
 * `extra`: what the closing step adds to a JSON run's error document (the keys that may be live,
 * and the secret when --show-secret asked for it); undefined when the run printed its document already.
 */
export function reportFailure(
  error: unknown,
  values: Values,
  io: Io,
  mode: Mode = 'wizard',
  extra: Record<string, unknown> | undefined = {},
  start: RunStart = {},
): number {
  const p = io.err;
  const jsonError = (values: Values, io: Io, error: Record<string, unknown>) => {
    if (extra !== undefined) printJsonError(values, io, error, extra);
  };
  if (error instanceof UsageError) {
    // A message may quote what was typed: no control character of it reaches the terminal.
    const message = error.message.split('\n').map(printable).join('\n');
    const command = error.command ?? (mode === 'wizard' ? undefined : mode);
    // Help needs no --demo: only the program's name is taken from how the run was started.
    const help = commandLine(command === undefined ? '--help' : `${command} --help`, { program: start.program });
    io.stderr.write(`${p('danger', 'error:')} ${message}\nSee '${help}'.\n`);
    jsonError(values, io, { kind: 'usage', message });
    return EXIT.usage;
  }
  // Stopped by a signal, a Ctrl+C at a prompt, or the run's time limit: said as such, never as a failure of Azure.
  const name = (error as Error)?.name;
  const cancelled = error instanceof GatewayError && error.kind === 'cancelled';
  if (cancelled || name === 'AbortError' || name === 'ExitPromptError') {
    const stopped = stopWords(io);
    // What the stopped step says of itself (a change that may have been made meanwhile) is kept.
    const own = cancelled && error.message !== 'cancelled' ? error.message : undefined;
    if (stopped.exit !== EXIT.cancelled) {
      const words = `${stopped.words.replace(/^Gave/, 'gave')}${own ? `; ${own}` : ''}`;
      io.stderr.write(`${p('danger', 'error:')} ${words}.\n`);
      jsonError(values, io, { kind: 'timeLimit', message: words });
      return stopped.exit;
    }
    const said = own ? `Cancelled: ${own}.` : 'Cancelled.';
    io.stderr.write(`${said}\n`);
    jsonError(values, io, {
      kind: 'cancelled',
      message: said.replace(/^Cancelled:? ?/, '').replace(/\.$/, '') || 'cancelled',
    });
    return EXIT.cancelled;
  }
  if (error instanceof GatewayError && error.kind === 'unauthenticated')
    return notSignedIn(error, values, io, start, (v, i, e) => jsonError(v, i, e));
  if (error instanceof GatewayError) {
    const next = advice(error.kind);
    // A code of '' is no code (as GatewayError.plain reads it): kept out of the document.
    jsonError(values, io, { kind: error.kind, ...(error.code ? { code: error.code } : {}), message: error.message });
    io.stderr.write(`${p('danger', 'error:')} ${error.plain}\n${next ? `${next}\n` : ''}`);
    return EXIT.failed;
  }
  const message = (error as Error)?.message?.split('\n')[0] ?? String(error);
  io.stderr.write(`${p('danger', 'error:')} ${message}\n`);
  jsonError(values, io, { kind: 'unknown', message });
  if (flag(values, 'verbose') && (error as Error)?.stack) io.stderr.write(`${(error as Error).stack}\n`);
  return EXIT.failed;
}

/** With -o json, a failure is a JSON document on stdout too (its words are on stderr as well). */
function printJsonError(values: Values, io: Io, error: Record<string, unknown>, extra: Record<string, unknown>): void {
  if (values.output !== 'json') return;
  writeJsonDocument(io, { error, ...extra });
}

export function writeJsonDocument(io: Io, document: Record<string, unknown>): void {
  io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

/**
 * Exit 4: what is wrong, then the commands that sign this run in, one per line, fitted to how it
 * tried (--auth, --tenant); a 401 from Azure (a token it no longer takes) the same way.
 */
function notSignedIn(
  error: GatewayError,
  values: Values,
  io: Io,
  start: RunStart,
  jsonError: (values: Values, io: Io, error: Record<string, unknown>) => void,
): number {
  const auth = authModeOf(values, io.env);
  const tenant = text(values, 'tenant');
  const code = isSignInCode(error.code) ? error.code : undefined;
  const ways = waysToSignIn(code, {
    auth,
    tenant,
    program: start.program,
    again:
      start.argv &&
      withoutAuth(start.argv)
        .map((word) => shellWord(word))
        .join(' '),
  });
  io.stderr.write(`${io.err('danger', 'error:')} ${error.plain}\nTo sign in:\n${ways.map((w) => `  ${w}\n`).join('')}`);
  jsonError(values, io, {
    kind: error.kind,
    ...(error.code ? { code: error.code } : {}),
    message: error.message,
    waysToSignIn: ways,
  });
  return EXIT.notSignedIn;
}

/** The words of a run without its --auth (and its value), to be run again with another way to sign in. */
function withoutAuth(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--auth') i += 1;
    else if (!word.startsWith('--auth=')) kept.push(word);
  }
  return kept;
}
