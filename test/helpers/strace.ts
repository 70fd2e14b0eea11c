/**
 * The system calls a child made, read from strace: for the claims that are about system calls
 * (the flags and mode a file is opened with, a rename instead of a write, how many bytes were
 * read). One file per process (-ff), so no call is split across lines; -y names each fd's file.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SystemCall {
  pid: number;
  name: string;
  /** The arguments as strace prints them, fds with their paths (`21</tmp/x/.k.key.ab.tmp>`). */
  args: string;
  /** The result as strace prints it: `0`, `21</tmp/x/k.key>`, `-1 EEXIST (File exists)`. */
  result: string;
}

export interface Trace {
  /** The words to run the child under. */
  under: string[];
  /** Every call traced, in each process's order (processes one after another). */
  calls(): SystemCall[];
}

/** strace following every thread and child, tracing `names` (each traced call with its fds' paths). */
export function straced(names: string[]): Trace {
  const folder = mkdtempSync(join(tmpdir(), 'strace-'));
  const prefix = join(folder, 'trace');
  return {
    under: [
      'strace',
      '-f',
      '-ff',
      '-y',
      '-qq',
      '-s',
      '64',
      '-e',
      'signal=none',
      '-e',
      `trace=${names.join(',')}`,
      '-o',
      prefix,
    ],
    calls() {
      const calls: SystemCall[] = [];
      for (const file of readdirSync(folder).sort()) {
        const pid = Number(file.split('.').pop());
        for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
          const match = /^(\w+)\((.*)\)\s+=\s+(.*)$/.exec(line);
          if (match) calls.push({ pid, name: match[1]!, args: match[2]!, result: match[3]! });
        }
      }
      return calls;
    },
  };
}

/** The fd number an openat returned (`21</path>` → 21); undefined when it failed. */
export function openedFd(call: SystemCall): number | undefined {
  const match = /^(\d+)</.exec(call.result);
  return match ? Number(match[1]) : undefined;
}

/** The bytes that reads of `path` (by any fd naming it) returned, summed. */
export function bytesRead(calls: SystemCall[], path: RegExp): number {
  return calls
    .filter((c) => (c.name === 'read' || c.name === 'pread64') && path.test(c.args.split(',')[0]!))
    .reduce((sum, c) => sum + Math.max(0, Number.parseInt(c.result, 10) || 0), 0);
}
