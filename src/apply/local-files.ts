/**
 * The agent's files on this machine: its config given back to the owner it had, and what its log
 * says since a size it had.
 */
import { closeSync, constants, fchownSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';

/** The owner the config had (preflight refused a file this run could not give back to its owner). */
export function keepOwner(path: string, stat: Stats): void {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    fchownSync(fd, stat.uid, stat.gid);
  } catch (error) {
    // Our own file in a group we are not in keeps our group: the owner is what matters.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  } finally {
    closeSync(fd);
  }
}

export function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function tailOf(path: string, from: number): string {
  try {
    const text = readFileSync(path);
    return text.subarray(Math.min(from, text.length)).toString('utf8');
  } catch {
    return '';
  }
}
