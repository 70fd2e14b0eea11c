/**
 * Writing a file that holds a secret: created under a random name with O_EXCL, mode 0600 from its
 * first byte, then renamed into place. Nothing can be waiting at the temporary name (a planted
 * symbolic link there makes the write fail instead of being followed), and rename() replaces
 * whatever is at the destination — a file, or a link itself — so the result is always our own
 * 0600 file.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync, constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Creates `<dir>/.<name>.<random>.tmp` (0600, O_EXCL, never through a link) with `content`. */
export function writeExclusive(path: string, content: string): string {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(
    temporary,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o600,
  );
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temporary;
}

/** Replaces `path` with a 0600 file holding `content`, atomically. */
export function writeSecretFile(path: string, content: string): void {
  const temporary = writeExclusive(path, content);
  try {
    renameSync(temporary, path);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}
