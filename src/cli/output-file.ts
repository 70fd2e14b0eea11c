/**
 * --output-file for a command: its stdout is gathered in memory and written only when the command
 * has run to its end (any exit code it chose — 3 for keys expiring, 1 for a blind check — but not
 * a failure thrown half way), whole, by files/output-file.ts. The file of an earlier run stays as
 * it was otherwise.
 */
import { Writable } from 'node:stream';
import { flag, text, type Values } from './options';
import { checkOutputFile, writeOutputFile } from '../files/output-file';
import { UnfitDestination } from '../files/secret-file';
import { UsageError } from '../port/usage-error';
import { describeFsError } from '../files/fs-error';

export interface CapturedOutput {
  path: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  /** Writes what was gathered; the words of a failure, or undefined. */
  commit(): string | undefined;
}

/** Checked with the other flags, before any request; undefined without --output-file. */
export function captureOutput(values: Values): CapturedOutput | undefined {
  const path = text(values, 'output-file');
  if (path === undefined) return undefined;
  if (flag(values, 'show-secret'))
    throw new UsageError('--output-file is refused for output that holds a key (--show-secret); use --secret-out');
  try {
    checkOutputFile(path);
  } catch (error) {
    if (error instanceof UnfitDestination) throw new UsageError(error.message);
    throw error;
  }
  const chunks: Buffer[] = [];
  const stdout = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  return {
    path,
    stdout: Object.assign(stdout, { isTTY: false }),
    commit() {
      try {
        writeOutputFile(path, Buffer.concat(chunks).toString('utf8'));
        return undefined;
      } catch (error) {
        return `--output-file ${path} was not written (${describeFsError(error)}): what the command printed is lost`;
      }
    },
  };
}
