/**
 * Where a key comes from: standard input, a terminal (never echoed) or a file, at most 256
 * characters read. Where a key goes (files written 0600, never through a link) is src/files/secret-file.ts.
 */
import { MAX_SECRET_LENGTH } from '../../domain/policy';
import { readSmallFile, SmallFileError } from '../../files/small-file';
import { UsageError } from '../../port/usage-error';

/** One trailing line break is what `echo` and editors add; it is not part of the key. */
function withoutFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** Room for the longest key we accept plus a CRLF: one byte more proves the input is too long. */
const READ_LIMIT = MAX_SECRET_LENGTH + 3;

/** A file is refused by its size, unread; a stream stops at the first read past the limit (a pipe gives up to 64 KiB at once). */
function tooLong(where: string, after = 'nothing was read past that'): UsageError {
  return new UsageError(`the key in ${where} is longer than ${MAX_SECRET_LENGTH} characters; ${after}`);
}

/** The run's signal ends a read that waits (a pipe whose writer never closes it). */
function cancelled(): Error {
  return Object.assign(new Error('cancelled'), { name: 'AbortError' });
}

export async function readSecretFromStream(stream: NodeJS.ReadableStream, signal?: AbortSignal): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const onAbort = () => (stream as NodeJS.ReadableStream & { destroy?: (e?: Error) => void }).destroy?.(cancelled());
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) throw cancelled();
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(buffer);
      size += buffer.length;
      if (size >= READ_LIMIT) {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        throw tooLong('standard input', 'reading stopped there');
      }
    }
  } catch (error) {
    if (signal?.aborted) throw cancelled();
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  const text = withoutFinalNewline(Buffer.concat(chunks).toString('utf8'));
  if (text === '') throw new UsageError('standard input held no key');
  return text;
}

export function readSecretFile(path: string): string {
  let content: string;
  try {
    // One byte past the longest key and a CRLF proves the file too long, without reading on.
    content = readSmallFile(path, READ_LIMIT - 1, 'the key file', () => tooLong(`'${path}'`));
  } catch (error) {
    if (error instanceof SmallFileError) throw new UsageError(error.message);
    throw error;
  }
  const text = withoutFinalNewline(content);
  if (text === '') throw new UsageError(`the key file '${path}' is empty`);
  return text;
}

type RawInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/**
 * A key typed or pasted at a terminal, never echoed: the terminal is put in raw mode, so nothing
 * typed is drawn, and only a count of bullets is shown. Enter (or Ctrl+D) ends it; Backspace and
 * Ctrl+U edit; Ctrl+C cancels.
 */
export function readSecretFromTerminal(
  stdin: RawInput,
  stderr: NodeJS.WritableStream,
  dumb = false,
  signal?: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    // SIGTERM or SIGHUP while the key is typed: raw mode swallows Ctrl+C, but not those.
    const onAbort = () => done(cancelled());
    // A dumb terminal cannot redraw a line: it gets the question once and no bullets.
    const draw = () =>
      dumb ? undefined : stderr.write(`\r\u001b[2KKey (hidden): ${'•'.repeat(Math.min(value.length, 40))}`);
    const done = (error?: Error) => {
      signal?.removeEventListener('abort', onAbort);
      stdin.removeListener('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write(dumb ? '\n' : '\r\u001b[2K');
      if (error) reject(error);
      else if (value === '') reject(new UsageError('no key was typed'));
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
        if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else if (ch === '\u0015') value = '';
        else value += ch;
        if (value.length > MAX_SECRET_LENGTH) return done(tooLong('what was typed'));
      }
      draw();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.on('data', onData);
    if (dumb) stderr.write('Key (hidden): ');
    draw();
  });
}
