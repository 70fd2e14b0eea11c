/**
 * How a run that failed ends: one line on stderr in plain words (the ARM code where Azure gave one),
 * the advice for that kind of failure, and the exit code. Never a stack trace unless --verbose.
 */
import type { Mode } from './commands';
import { flag, type Values } from './options';
import { printable } from '../domain/printable';
import { advice, GatewayError } from '../port/gateway';
import { EXIT, stopWords, type Io } from '../port/io';
import { UsageError } from '../port/usage-error';

export function reportFailure(error: unknown, values: Values, io: Io, mode: Mode = 'wizard'): number {
  const p = io.err;
  if (error instanceof UsageError) {
    // A message may quote what was typed: no control character of it reaches the terminal.
    const message = error.message.split('\n').map(printable).join('\n');
    const command = error.command ?? (mode === 'wizard' ? undefined : mode);
    const help = command === undefined ? 'nginxaas-keys --help' : `nginxaas-keys ${command} --help`;
    io.stderr.write(`${p('danger', 'error:')} ${message}\nSee '${help}'.\n`);
    return EXIT.usage;
  }
  const stopped = stopWords(io);
  const stoppedBySignal =
    (error instanceof GatewayError && error.kind === 'cancelled') ||
    (error as Error)?.name === 'AbortError' ||
    (error as Error)?.name === 'ExitPromptError';
  if (stoppedBySignal && stopped.exit !== EXIT.cancelled) {
    io.stderr.write(`${p('danger', 'error:')} ${stopped.words.replace(/^Gave/, 'gave')}.\n`);
    return stopped.exit;
  }
  if (error instanceof GatewayError && error.kind === 'cancelled') {
    io.stderr.write(`${error.message === 'cancelled' ? 'Cancelled.' : `Cancelled: ${error.message}.`}\n`);
    return EXIT.cancelled;
  }
  if (error instanceof GatewayError) {
    const next = advice(error.kind, error.message);
    io.stderr.write(`${p('danger', 'error:')} ${error.plain}\n${next ? `${next}\n` : ''}`);
    return EXIT.failed;
  }
  if ((error as Error)?.name === 'AbortError' || (error as Error)?.name === 'ExitPromptError') {
    io.stderr.write('Cancelled.\n');
    return EXIT.cancelled;
  }
  const message = (error as Error)?.message?.split('\n')[0] ?? String(error);
  io.stderr.write(`${p('danger', 'error:')} ${message}\n`);
  if (flag(values, 'verbose') && (error as Error)?.stack) io.stderr.write(`${(error as Error).stack}\n`);
  return EXIT.failed;
}
