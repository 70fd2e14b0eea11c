/**
 * Writing a file that holds a secret: created under a random name with O_EXCL, mode 0600 from its
 * first byte, then renamed into place. Nothing can be waiting at the temporary name (a planted
 * symbolic link there makes the write fail instead of being followed), and rename() replaces
 * whatever is at the destination — a file, or a link itself — so the result is always our own
 * 0600 file.
 */
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { describeFsError } from './fs-error';
import { randomHex } from '../domain/random';
import { basename, dirname, join } from 'node:path';

/** A failed write names the file it was for (ENOSPC alone says nothing of where). */
export class FileWriteError extends Error {
  override readonly name = 'FileWriteError';
  readonly code: string | undefined;
  constructor(
    readonly path: string,
    reason: unknown,
  ) {
    super(`could not write ${path}: ${describeFsError(reason)}`);
    this.code = (reason as { code?: string }).code;
  }
}

/**
 * Creates `<dir>/.<name>.<random>.tmp` (0600, O_EXCL, never through a link) with `content`. A
 * write that fails (a full disk) removes the half-written file and says which file it was for.
 */
export function writeExclusive(path: string, content: string, write = writeSync, mode = 0o600): string {
  return writeExclusiveFile(path, content, write, mode).temporary;
}

/** Which file was written: its device and inode, read from its own descriptor. */
interface FileIdentity {
  dev: number;
  ino: number;
}

/** writeExclusive, and the identity of the file it made, read from its own descriptor. */
function writeExclusiveFile(
  path: string,
  content: string,
  write = writeSync,
  mode = 0o600,
): { temporary: string; identity: FileIdentity } {
  const temporary = join(dirname(path), `.${basename(path)}.${randomHex(8)}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    // Named by the file it was for, in words: the temporary name means nothing to anyone.
    throw new FileWriteError(path, error);
  }
  try {
    // Created 0600 whatever the umask; opened up (an output file for a collector) only by asking.
    if (mode !== 0o600) fchmodSync(fd, mode);
    write(fd, content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temporary);
    throw new FileWriteError(path, error);
  }
  const { dev, ino } = fstatSync(fd);
  closeSync(fd);
  return { temporary, identity: { dev, ino } };
}

/** Replaces `path` with a file holding `content` (0600 unless told), atomically. */
export function writeSecretFile(path: string, content: string, mode = 0o600): void {
  const temporary = writeExclusive(path, content, writeSync, mode);
  try {
    renameSync(temporary, path);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}

/** Words for a file-system error: the reason, not an errno name alone. */
/**
 * Refuses, before anything is sent, a destination that would fail once the key exists: a symbolic
 * link (followed, it could put the key anywhere), a folder, an existing file without --force, or
 * a folder that does not exist or cannot be written.
 */
/** A destination that cannot take the file, said before anything is sent; the command line turns it into a usage error. */
export class UnfitDestination extends Error {
  override name = 'UnfitDestination';
}

/**
 * How a refusal names a destination and the way to replace a file that is there: a command's flag
 * (`--emit env`, pass --force), or the words of the wizard, which speaks in no flags.
 */
export interface FileNaming {
  name: string;
  toReplace: string;
}

function namingOf(naming: string | FileNaming): FileNaming {
  return typeof naming === 'string' ? { name: naming, toReplace: 'pass --force to replace it' } : naming;
}

export function checkSecretOut(path: string, force: boolean, naming: string | FileNaming = '--secret-out'): void {
  const { name: option, toReplace } = namingOf(naming);
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(path);
  } catch {
    existing = undefined;
  }
  if (existing?.isSymbolicLink())
    throw new UnfitDestination(`${option} '${path}' is a symbolic link; name the real file (a link is never followed)`);
  if (existing?.isDirectory()) throw new UnfitDestination(`${option} '${path}' is a folder; name a file in it`);
  if (existing && !existing.isFile()) throw new UnfitDestination(`${option} '${path}' is not a regular file`);
  if (existing && !force) throw new UnfitDestination(`${option} '${path}' exists; ${toReplace}`);
  const folder = dirname(path);
  let folderStat;
  try {
    folderStat = statSync(folder);
  } catch {
    throw new UnfitDestination(`the folder of ${option} '${path}' does not exist`);
  }
  if (!folderStat.isDirectory()) throw new UnfitDestination(`the folder of ${option} '${path}' is not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UnfitDestination(`the folder of ${option} '${path}' cannot be written`);
  }
}

/**
 * A key file staged beside its destination before the key is created, so that a failed write
 * cannot leave a created key that nobody has; `commit` moves it into place, `discard` removes it.
 */
export interface StagedSecretFile {
  path: string;
  /** Where the key waits (mode 0600) until commit; staged anew if it was taken away meanwhile. */
  readonly stagingPath: string;
  commit(): void;
  discard(): void;
}

/**
 * The staged copy was taken away from outside (its file, or its folder) and the key could not be
 * written anew: only this process holds it now. The message says why, in words.
 */
export class StagedFileLost extends Error {
  override readonly name = 'StagedFileLost';
}

/**
 * Whether `path` is still the very key file that was staged, a regular file at 0600: not removed,
 * nor swapped for a link, a folder or another file.
 */
function isOwn(path: string, identity: FileIdentity): boolean {
  try {
    const found = lstatSync(path);
    return found.isFile() && found.dev === identity.dev && found.ino === identity.ino && (found.mode & 0o777) === 0o600;
  } catch {
    return false;
  }
}

export function stageSecretFile(
  path: string,
  content: string,
  force: boolean,
  naming: string | FileNaming = '--secret-out',
): StagedSecretFile {
  checkSecretOut(path, force, naming);
  let { temporary: staging, identity } = writeExclusiveFile(path, content);
  const place = () => {
    if (force) {
      // rename() replaces a file or a link itself, never what a link points to.
      renameSync(staging, path);
      return;
    }
    // link() fails if the destination appeared meanwhile: never overwrite without --force.
    linkSync(staging, path);
    unlinkSync(staging);
  };
  /** Staged again from what this process holds: the copy on disk is not the one written. */
  const stageAgain = (why: string) => {
    try {
      ({ temporary: staging, identity } = writeExclusiveFile(path, content));
    } catch (again) {
      throw new StagedFileLost(`${why}, and writing it again failed (${describeFsError(again)})`);
    }
  };
  return {
    path,
    get stagingPath() {
      return staging;
    },
    commit() {
      // Twice at most: a copy changed meanwhile (removed, or swapped for a link, a folder or another
      // file) is written again, and what is put in place is checked to be that very file.
      for (let attempt = 0; attempt < 2; attempt++) {
        if (!isOwn(staging, identity)) stageAgain(`its staged copy ${staging} was changed or taken away meanwhile`);
        try {
          place();
        } catch (error) {
          // Still where it waits, as written: the caller names that file (a destination that appeared, say).
          if (isOwn(staging, identity)) throw error;
          continue;
        }
        if (isOwn(path, identity)) return;
        // Not the file written (swapped between the check and the move): the entry this made goes.
        try {
          unlinkSync(path);
        } catch {
          // Not there to remove.
        }
      }
      throw new StagedFileLost(`what was put at ${path} was not the file written (it was changed meanwhile)`);
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
