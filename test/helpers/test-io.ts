/**
 * The outside world of a command, in memory: stdout and stderr captured as text, stdin from a
 * string, a terminal flag, a fixed clock and an abort signal — for running commands in-process.
 */
import { PassThrough, Readable } from 'node:stream';
import type { Io } from '../../src/port/io';
import { painter } from '../../src/term/style';

export interface TestIo {
  io: Io;
  stdout(): string;
  stderr(): string;
  /** As SIGINT would: the first call aborts the command's signal, the second its force signal. */
  abort(): void;
}

export function testIo(options: { stdin?: string; tty?: boolean; now?: Date; columns?: number } = {}): TestIo {
  const tty = options.tty ?? false;
  const stdout = Object.assign(new PassThrough(), { isTTY: tty, columns: options.columns ?? 100 });
  const stderr = Object.assign(new PassThrough(), { isTTY: tty, columns: options.columns ?? 100 });
  let outText = '';
  let errText = '';
  stdout.on('data', (d: Buffer) => (outText += d.toString()));
  stderr.on('data', (d: Buffer) => (errText += d.toString()));
  const stdin = Object.assign(Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]), {
    isTTY: tty,
  });
  const aborter = new AbortController();
  const forcer = new AbortController();
  const io: Io = {
    stdin,
    stdout,
    stderr,
    env: {},
    now: () => options.now ?? new Date(),
    out: painter(false),
    err: painter(false),
    signal: aborter.signal,
    forceSignal: forcer.signal,
  };
  return {
    io,
    stdout: () => outText,
    stderr: () => errText,
    abort: () => (aborter.signal.aborted ? forcer.abort() : aborter.abort()),
  };
}
