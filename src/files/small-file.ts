/**
 * Reading a file the user named (a CA certificate, a demo world): only a regular file, and only
 * up to a size, so that /dev/zero, a FIFO with no writer or a huge file ends with words instead
 * of reading for ever or blocking past every signal.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { describeFsError } from './fs-error';

export class SmallFileError extends Error {
  override readonly name = 'SmallFileError';
}

/** Reads `path` if it is a regular file of at most `maxBytes`; `tooLarge` words the refusal of one larger. */
export function readSmallFile(path: string, maxBytes: number, what: string, tooLarge?: () => Error): string {
  return readSmallFileBytes(path, maxBytes, what, { tooLarge }).bytes.toString('utf8');
}

export interface SmallFileOptions {
  tooLarge?: () => Error;
  /** A link at the path itself is refused (ELOOP), not followed. */
  noFollow?: boolean;
}

/** The bytes of `path` if it is a regular file of at most `maxBytes`, with what fstat said of it. */
export function readSmallFileBytes(
  path: string,
  maxBytes: number,
  what: string,
  options: SmallFileOptions = {},
): { bytes: Buffer; stat: Stats } {
  const tooLarge =
    options.tooLarge ??
    (() => new SmallFileError(`${what} '${path}' is larger than ${Math.round(maxBytes / 1024)} KiB; it was not read`));
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would block the open itself.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0));
  } catch (error) {
    throw new SmallFileError(`cannot read ${what} '${path}': ${describeFsError(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new SmallFileError(`${what} '${path}' is not a regular file`);
    if (stat.size > maxBytes) throw tooLarge();
    // Sized by what fstat says, grown (up to one byte past the limit) if the file grows while it is
    // read: a buffer of the limit itself was 256 MB for the demo's world, ~10 ms each time it was made.
    let buffer = Buffer.alloc(Math.min(maxBytes + 1, stat.size + 1));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (filled > maxBytes) throw tooLarge();
        const grown = Buffer.alloc(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
      const got = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (got === 0) break;
      filled += got;
    }
    return { bytes: buffer.subarray(0, filled), stat };
  } finally {
    closeSync(fd);
  }
}
