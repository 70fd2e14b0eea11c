/**
 * The emulator's state file shared by several processes at once (a wizard on --demo, and
 * `create --demo` run beside it): every change is made under an advisory lock beside the file,
 * on the file's newest contents, so no process writes back a world that lacks another's key. A
 * lock whose owner has gone (a crash, kill -9) is taken over.
 */
import { closeSync, constants, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { readSmallFile } from '../files/small-file';
import { writeSecretFile } from '../files/secret-file';
import { isEmulatorData, type EmulatorData } from './data';

const LOCK_WAIT_MS = 5000;

/** The file holds something that is not an emulator world (cut short, or garbage). */
export class CorruptStateError extends Error {
  override readonly name = 'CorruptStateError';
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, and belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class StateFile {
  private seen: string | undefined;

  constructor(readonly path: string) {}

  /** Which version of the file this is: changes whenever another process rewrites it. */
  private version(): string | undefined {
    try {
      const s = statSync(this.path);
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      return undefined;
    }
  }

  /** The file's world when it changed since we last read or wrote it; else undefined. */
  readIfChanged(): EmulatorData | undefined {
    const version = this.version();
    if (version === undefined || version === this.seen) return undefined;
    const text = readSmallFile(this.path, 256 * 1024 * 1024, 'the state file');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CorruptStateError(`${this.path} is not JSON`);
    }
    if (!isEmulatorData(parsed)) throw new CorruptStateError(`${this.path} holds no emulator world`);
    this.seen = version;
    return parsed;
  }

  write(data: EmulatorData): void {
    writeSecretFile(this.path, `${JSON.stringify(data, null, 2)}\n`);
    this.seen = this.version();
  }

  /** Runs `work` holding `<file>.lock` (O_EXCL, our pid in it); a dead owner's lock is taken over. */
  locked<T>(work: () => T): T {
    const lock = `${this.path}.lock`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        const fd = openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = Number(readLock(lock));
      const named = Number.isInteger(owner) && owner > 0;
      // A lock of a process that is gone, or one left empty by a crash between open and write.
      if ((named && !alive(owner)) || (!named && ageMs(lock) > 1000)) {
        unlinkQuietly(lock);
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`${this.path} is locked by process ${owner || 'unknown'} (remove ${lock} if it is gone)`);
      sleepSync(5);
    }
    try {
      return work();
    } finally {
      unlinkQuietly(lock);
    }
  }
}

function readLock(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already: another process took over a lock it found dead.
  }
}
