/**
 * The history's file: JSON Lines in the state folder, mode 0600. An entry is one line when its
 * intent is written and one more when its outcome is; reading takes the last line of each id, so
 * an entry whose outcome never came says "unknown". Bounded: once the file passes its size, it is
 * rewritten (by rename, 0600) with the newest entries that fill half of it, the older rotated out.
 * A failed write never stops a change: it is said once, through `onProblem`.
 */
import {
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { History, HistoryEntry, HistoryIntent, HistoryResult } from '../port/history';
import { describeFsError } from './fs-error';
import { randomHex } from '../domain/random';
import { writeSecretFile } from './secret-file';

/** About 2,500 entries: years of one machine's changes. */
export const HISTORY_MAX_BYTES = 1024 * 1024;

export interface HistoryFileOptions {
  maxBytes?: number;
  now?: () => Date;
  /** Told once, when the record cannot be written (a read-only disk): the change goes on. */
  onProblem?: (message: string) => void;
}

export class HistoryFile implements History {
  private readonly open = new Map<string, HistoryEntry>();
  private readonly maxBytes: number;
  private readonly now: () => Date;
  private problemSaid = false;

  constructor(
    readonly path: string,
    private readonly options: HistoryFileOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? HISTORY_MAX_BYTES;
    this.now = options.now ?? (() => new Date());
  }

  begin(intent: HistoryIntent): string {
    const id = `${this.now().getTime().toString(36)}-${randomHex(4)}`;
    const entry: HistoryEntry = { id, time: this.now().toISOString(), ...intent, outcome: 'unknown' };
    this.open.set(id, entry);
    this.append(entry);
    return id;
  }

  finish(id: string, result: HistoryResult): void {
    const entry = this.open.get(id);
    if (!entry) return;
    const done: HistoryEntry = { ...entry, ...result, finished: this.now().toISOString() };
    this.open.set(id, done);
    this.append(done);
  }

  thisRun(): HistoryEntry[] {
    return [...this.open.values()];
  }

  entries(): HistoryEntry[] {
    return readEntries(this.path, this.maxBytes * 2);
  }

  private append(unordered: HistoryEntry): void {
    const entry = inOrder(unordered);
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      const fd = openSync(
        this.path,
        constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW,
        0o600,
      );
      try {
        // A file made by hand with a wider mode is narrowed: the record says what was changed, and as whom.
        if ((fstatSync(fd).mode & 0o077) !== 0) fchmodSync(fd, 0o600);
        writeSync(fd, `${JSON.stringify(entry)}\n`);
      } finally {
        closeSync(fd);
      }
      if (statSync(this.path).size > this.maxBytes) this.rotate();
    } catch (error) {
      if (this.problemSaid) return;
      this.problemSaid = true;
      this.options.onProblem?.(`the history at ${this.path} could not be written (${describeFsError(error)})`);
    }
  }

  /** The newest entries that fill half the bound, oldest first, one line each. */
  private rotate(): void {
    const kept: string[] = [];
    let size = 0;
    for (const entry of this.entries()) {
      const line = `${JSON.stringify(entry)}\n`;
      if (size + line.length > this.maxBytes / 2) break;
      kept.push(line);
      size += line.length;
    }
    writeSecretFile(this.path, kept.reverse().join(''));
  }
}

/**
 * The last `maxBytes` of the file, from the first whole line: a file grown past its bound (two
 * runs at once, or an old one) is read by its newest part, never refused and never read whole.
 */
function readTail(path: string, maxBytes: number): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error(`the history '${path}' is not a regular file`);
    const length = Math.min(stat.size, maxBytes);
    const buffer = Buffer.alloc(length);
    let filled = 0;
    for (let got = -1; got !== 0 && filled < length; filled += got)
      got = readSync(fd, buffer, filled, length - filled, stat.size - length + filled);
    const text = buffer.subarray(0, filled).toString('utf8');
    return length < stat.size ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    closeSync(fd);
  }
}

/** Every entry of the file at `path`, newest first, each as its last line says; damaged lines are skipped. */
export function readEntries(path: string, maxBytes = HISTORY_MAX_BYTES * 2): HistoryEntry[] {
  if (!existsSync(path)) return [];
  const text = readTail(path, maxBytes);
  const byId = new Map<string, HistoryEntry>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const entry = parsed as Partial<HistoryEntry>;
    if (typeof entry.id !== 'string' || typeof entry.time !== 'string' || typeof entry.action !== 'string') continue;
    byId.set(entry.id, inOrder({ ...byId.get(entry.id), ...(entry as HistoryEntry) }));
  }
  // Newest first: by the time of the intent, and in the order written among entries of the same time.
  const written = [...byId.values()].reverse();
  return written.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
}

const FIELDS: readonly (keyof HistoryEntry)[] = [
  'id',
  'time',
  'action',
  'command',
  'deployment',
  'key',
  'hint',
  'expiresBefore',
  'expiresAfter',
  'destination',
  'outcome',
  'detail',
  'code',
  'status',
  'account',
  'profile',
  'finished',
];

/** The fields in one order, for people reading the file or `history -o json`; nothing else is kept. */
function inOrder(entry: HistoryEntry): HistoryEntry {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) if (entry[field] !== undefined) out[field] = entry[field];
  return out as unknown as HistoryEntry;
}
