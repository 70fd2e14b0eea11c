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
  // Stopped by a signal, a Ctrl+C at a prompt, or the run's time limit: said as such, never as a failure of Azure.
  const name = (error as Error)?.name;
  const cancelled = error instanceof GatewayError && error.kind === 'cancelled';
  if (cancelled || name === 'AbortError' || name === 'ExitPromptError') {
    const stopped = stopWords(io);
    if (stopped.exit !== EXIT.cancelled) {
      io.stderr.write(`${p('danger', 'error:')} ${stopped.words.replace(/^Gave/, 'gave')}.\n`);
      return stopped.exit;
    }
    const said = cancelled && error.message !== 'cancelled' ? `Cancelled: ${error.message}.` : 'Cancelled.';
    io.stderr.write(`${said}\n`);
    return EXIT.cancelled;
  }
  if (error instanceof GatewayError) {
    const next = advice(error.kind, error.message);
    io.stderr.write(`${p('danger', 'error:')} ${error.plain}\n${next ? `${next}\n` : ''}`);
    return EXIT.failed;
  }
  const message = (error as Error)?.message?.split('\n')[0] ?? String(error);
  io.stderr.write(`${p('danger', 'error:')} ${message}\n`);
  if (flag(values, 'verbose') && (error as Error)?.stack) io.stderr.write(`${(error as Error).stack}\n`);
  return EXIT.failed;
}
