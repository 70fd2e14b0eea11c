/**
 * A yes/no question on the terminal (stderr, so stdout stays for results); "no" is the default.
 * On TERM=dumb it is one bare line read in the terminal's cooked mode: inquirer's redraws would
 * print as escape codes there.
 */
import { createInterface } from 'node:readline';
import type { Io } from '../../port/io';
import { messageLines } from '../../term/text-width';

export async function confirmOnTerminal(io: Io, message: string): Promise<boolean> {
  if (io.env.TERM === 'dumb') return whilePersonAnswers(io, confirmOnLine(io, message));
  const { default: confirm } = await import('@inquirer/confirm');
  return whilePersonAnswers(
    io,
    confirm(
      { message: laidOut(message, (io.stderr as { columns?: number }).columns), default: false },
      { input: io.stdin, output: io.stderr, signal: io.signal },
    ),
  );
}

/**
 * The question wrapped by us, later lines under its words: inquirer breaks it only at the edge,
 * with the rest under the '?'. Room is kept for '? ' before it and ' (y/N) ' and 'Yes' after it.
 */
function laidOut(message: string, columns: number | undefined): string {
  if (!columns) return message;
  return messageLines(message, columns - 14, 'whole').join('\n  ');
}

/** The run's time limit stands still and its status line gives way while a person answers. */
export function whilePersonAnswers<T>(io: Io, asking: Promise<T>): Promise<T> {
  return io.askingPerson ? io.askingPerson(asking) : asking;
}

function confirmOnLine(io: Io, message: string): Promise<boolean> {
  const lines = createInterface({ input: io.stdin, output: io.stderr, terminal: false });
  return new Promise((resolve, reject) => {
    const abort = () => {
      lines.close();
      reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
    };
    io.signal?.addEventListener('abort', abort, { once: true });
    lines.question(`? ${message} (y/N): `, (answer) => {
      io.signal?.removeEventListener('abort', abort);
      lines.close();
      resolve(/^\s*y(es)?\s*$/i.test(answer));
    });
  });
}
