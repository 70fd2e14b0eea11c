/**
 * V8's code cache of the program (launch.ts), in a folder of the user's own (see cacheFolder), made
 * 0700 and used only while it is still a private folder of this user (privateFolder): compiled code
 * is code this program will run. The npm command and the standalone executable keep one each.
 *
 * Node's own compile cache (`module.enableCompileCache`, Node 22.1+) keeps what V8 compiled when a
 * module was loaded, not the functions compiled as the program then ran; this cache is made at the
 * end of a run, with them. The wizard's first frame on Node 20 and Node 24: 115–120 ms in process
 * without it, 103 ms with Node's, 70–75 ms with this one.
 *
 * V8 checks a cache only against its own version, its flags and the length of the source, and in a
 * release build not at all against damage: a flipped byte crashed every start. So each file carries
 * a header of its own, checked before V8 sees the data: the checksum of the program it was made from
 * and of the cached data itself.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import { cacheFolder, privateFolder } from '../domain/platform';
import { readSmallFileBytes } from '../files/small-file';

/** The private cache folder, made 0700 where it is missing; undefined where there is none (Windows) or it is not private. */
export function privateCacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  if (typeof process.getuid !== 'function') return undefined;
  const uid = process.getuid();
  const folder = cacheFolder(process.platform, env, homedir());
  if (folder === undefined) return undefined;
  try {
    // Made where it is missing (its missing parents too) only inside a folder of this user's: run
    // by root with a user's HOME (sudo -E), it would leave root's folders in that home.
    if (!exists(folder) && statSync(nearestExisting(folder)).uid !== uid) return undefined;
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = lstatSync(folder);
    const facts = {
      isDirectory: stat.isDirectory(),
      isSymbolicLink: stat.isSymbolicLink(),
      uid: stat.uid,
      mode: stat.mode,
    };
    return privateFolder(facts, uid) ? folder : undefined;
  } catch {
    // A cache that cannot be had (a read-only home, say) only makes the start slower.
    return undefined;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function nearestExisting(path: string): string {
  let at = path;
  while (!exists(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

/** The program's checksum: the name of its cache files and their header carry it. */
export function programChecksum(program: Uint8Array): number {
  return crc32(program);
}

/**
 * Where the cache of this program on this runtime lives: its checksum (a rebuilt bundle of the same
 * length never meets the old one's code), then what V8 would otherwise refuse it for, so that runs
 * under different flags (NODE_OPTIONS in one shell and not another) keep one each rather than
 * writing over each other. The wizard and the commands run different code, and keep one each.
 */
export function cacheFileName(programSum: number, kind: CacheKind, packaging: Packaging): string {
  const flags = crc32(`${process.execArgv.join('\0')}\n${process.env.NODE_OPTIONS ?? ''}`);
  return `${hex(programSum)}-${process.version}-${process.arch}-${packaging}-${kind}-${hex(flags)}.v8cache`;
}

/** The npm command and the standalone executable (on the same Node) each keep their own. */
export type Packaging = 'npm' | 'standalone';

export type CacheKind = 'wizard' | 'commands';

/**
 * Which cache a run keeps: the wizard's when the words start it (options only, none of them help
 * or the version), the commands' otherwise (a word that is not an option names a command, or is
 * an option's value: only the start is slower when it guesses wrong).
 */
export function cacheKind(argv: readonly string[]): CacheKind {
  const wizard = argv.every((word) => word.startsWith('-') && !['--help', '-h', '--version'].includes(word));
  return wizard ? 'wizard' : 'commands';
}

const MAGIC = 0x4e4b4331; // "NKC1"
const HEADER = 16;
/** Far above any cache of this program (~1.5 MB); a larger file is not read. */
const LARGEST = 32 * 1024 * 1024;

/**
 * The cached data for this program in `folder`, if a whole, undamaged one made from this very
 * program is there: a regular file of this user's (not a link, a pipe or a folder), read without
 * following a link and without waiting on a pipe.
 */
export function readCache(folder: string, name: string, programSum: number): Buffer | undefined {
  try {
    const path = join(folder, name);
    const { bytes: file, stat } = readSmallFileBytes(path, LARGEST, 'the code cache', { noFollow: true });
    if (stat.uid !== process.getuid?.() || file.length < HEADER) return undefined;
    const data = file.subarray(HEADER);
    const whole =
      file.readUInt32BE(0) === MAGIC &&
      file.readUInt32BE(4) === programSum &&
      file.readUInt32BE(8) === data.length &&
      file.readUInt32BE(12) === crc32(data);
    if (!whole) return undefined;
    // A cache in use is kept from the sweep of old ones (writeCache) by its time.
    if (Date.now() - stat.mtimeMs > DAY) utimesSync(path, new Date(), new Date());
    return data;
  } catch {
    return undefined;
  }
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** How many builds of one runtime, packaging, kind and flags keep a cache (a global install and a project's own, say). */
const BUILDS_KEPT = 3;

/**
 * Writes the script's code as compiled so far, behind its header (0600, whole or not at all), and
 * sweeps the folder: of the caches of this runtime, packaging, kind and flags, the newest few;
 * others unused for 30 days (an older Node's); partial files an hour old (a run killed mid-write).
 */
export function writeCache(folder: string, name: string, script: Script, programSum: number): void {
  const partial = join(folder, `${name}.${process.pid}.partial`);
  try {
    const data = script.createCachedData();
    const header = Buffer.alloc(HEADER);
    header.writeUInt32BE(MAGIC, 0);
    header.writeUInt32BE(programSum, 4);
    header.writeUInt32BE(data.length, 8);
    header.writeUInt32BE(crc32(data), 12);
    writeFileSync(partial, Buffer.concat([header, data]), { mode: 0o600 });
    renameSync(partial, join(folder, name));
    sweep(folder, name);
  } catch {
    // Only a slower start next time; a file half written (a full disk) goes, if it can.
    try {
      rmSync(partial, { force: true });
    } catch {
      // Left for a later run's sweep.
    }
  }
}

function sweep(folder: string, name: string): void {
  const now = Date.now();
  // Everything after the program's checksum.
  const sameKindOfRun = name.slice(name.indexOf('-'));
  const files = readdirSync(folder)
    .filter((file) => file !== name && (file.endsWith('.v8cache') || file.endsWith('.partial')))
    .map((file) => ({ file, mtime: lstatSync(join(folder, file)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  let kept = 1;
  for (const { file, mtime } of files) {
    const stale = file.endsWith('.partial')
      ? now - mtime > HOUR
      : file.endsWith(sameKindOfRun)
        ? ++kept > BUILDS_KEPT
        : now - mtime > 30 * DAY;
    if (stale) rmSync(join(folder, file), { force: true });
  }
}
