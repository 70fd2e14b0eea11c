/**
 * Where a key comes from (standard input, a file) and where a generated key goes (a file, mode
 * 0600 from its first byte, written under a random name and moved into place, never over an
 * existing file unless asked, never through a symbolic link).
 */
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { MAX_SECRET_LENGTH } from '../domain/policy';
import { writeExclusive } from '../secret-file';
import { UsageError } from '../usage-error';

/** One trailing line break is what `echo` and editors add; it is not part of the key. */
function withoutFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** Room for the longest key we accept plus a CRLF: one byte more proves the input is too long. */
const READ_LIMIT = MAX_SECRET_LENGTH + 3;

function tooLong(where: string): UsageError {
  return new UsageError(
    `the key in ${where} is longer than ${MAX_SECRET_LENGTH} characters; nothing was read past that`,
  );
}

export async function readSecretFromStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    size += buffer.length;
    if (size >= READ_LIMIT) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw tooLong('standard input');
    }
  }
  const text = withoutFinalNewline(Buffer.concat(chunks).toString('utf8'));
  if (text === '') throw new UsageError('standard input held no key');
  return text;
}

export function readSecretFile(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new UsageError(`cannot read the key file '${path}': ${describeFsError(error)}`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new UsageError(`the key file '${path}' is not a regular file`);
    const buffer = Buffer.alloc(READ_LIMIT);
    let filled = 0;
    for (let got = -1; got !== 0 && filled < READ_LIMIT; filled += got)
      got = readSync(fd, buffer, filled, READ_LIMIT - filled, null);
    if (filled >= READ_LIMIT) throw tooLong(`'${path}'`);
    const text = withoutFinalNewline(buffer.subarray(0, filled).toString('utf8'));
    if (text === '') throw new UsageError(`the key file '${path}' is empty`);
    return text;
  } finally {
    closeSync(fd);
  }
}

/** Words for a file-system error: the reason, not an errno name alone. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    EEXIST: 'a file of that name appeared meanwhile',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
  };
  return (code && words[code]) ?? (error as Error)?.message ?? String(error);
}

/**
 * Refuses, before anything is sent, a destination that would fail once the key exists: a symbolic
 * link (followed, it could put the key anywhere), a folder, an existing file without --force, or
 * a folder that does not exist or cannot be written.
 */
export function checkSecretOut(path: string, force: boolean, option = '--secret-out'): void {
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(path);
  } catch {
    existing = undefined;
  }
  if (existing?.isSymbolicLink())
    throw new UsageError(`${option} '${path}' is a symbolic link; name the real file (a link is never followed)`);
  if (existing?.isDirectory()) throw new UsageError(`${option} '${path}' is a folder; name a file in it`);
  if (existing && !existing.isFile()) throw new UsageError(`${option} '${path}' is not a regular file`);
  if (existing && !force) throw new UsageError(`${option} '${path}' exists; pass --force to replace it`);
  const folder = dirname(path);
  let folderStat;
  try {
    folderStat = statSync(folder);
  } catch {
    throw new UsageError(`the folder of ${option} '${path}' does not exist`);
  }
  if (!folderStat.isDirectory()) throw new UsageError(`the folder of ${option} '${path}' is not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`the folder of ${option} '${path}' cannot be written`);
  }
}

/**
 * A key file staged beside its destination before the key is created, so that a failed write
 * cannot leave a created key that nobody has; `commit` moves it into place, `discard` removes it.
 */
export interface StagedSecretFile {
  path: string;
  /** Where the key waits (mode 0600) until commit. */
  stagingPath: string;
  commit(): void;
  discard(): void;
}

export function stageSecretFile(
  path: string,
  content: string,
  force: boolean,
  option = '--secret-out',
): StagedSecretFile {
  checkSecretOut(path, force, option);
  const staging = writeExclusive(path, content);
  return {
    path,
    stagingPath: staging,
    commit() {
      if (force) {
        // rename() replaces a file or a link itself, never what a link points to.
        renameSync(staging, path);
        return;
      }
      // link() fails if the destination appeared meanwhile: never overwrite without --force.
      linkSync(staging, path);
      unlinkSync(staging);
    },
    discard() {
      try {
        unlinkSync(staging);
      } catch {
        // Already gone.
      }
    },
  };
}
