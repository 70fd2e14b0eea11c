/**
 * V8's code cache of the program (launch.ts), in a folder of the user's own (see cacheFolder), made
 * 0700 and used only while it is still a private folder of this user (privateFolder): compiled code
 * is code this program will run. The npm command and the standalone executable keep one each.
 *
 * Node's own compile cache (`module.enableCompileCache`, Node 22.1+) keeps what V8 compiled when a
 * module was loaded, not the functions compiled as the program then ran; this cache is made at the
 * end of a run, with them. The wizard's first frame on Node 20 and Node 24: 115–120 ms in process
 * without it, 103 ms with Node's, 70–75 ms with this one.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import { cacheFolder, privateFolder } from '../domain/platform';

/** The private cache folder, made 0700 where it is missing; undefined where there is none (Windows) or it is not private. */
export function privateCacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  if (typeof process.getuid !== 'function') return undefined;
  const folder = cacheFolder(process.platform, env, homedir());
  if (folder === undefined) return undefined;
  try {
    // Made 0700 where it is missing (its missing parents too); an existing one is only looked at.
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = lstatSync(folder);
    const facts = {
      isDirectory: stat.isDirectory(),
      isSymbolicLink: stat.isSymbolicLink(),
      uid: stat.uid,
      mode: stat.mode,
    };
    return privateFolder(facts, process.getuid()) ? folder : undefined;
  } catch {
    // A cache that cannot be had (a read-only home, say) only makes the start slower.
    return undefined;
  }
}

/**
 * Where the cache of this source on this runtime lives. V8 checks a cache against its own version
 * and flags, but of the source only its length: the name carries a checksum of the whole text, so
 * a rebuilt bundle of the same length never meets the old one's code. The wizard and the commands
 * run different code, and each keeps the cache of its own first run.
 */
export function cacheFileName(source: Uint8Array, kind: CacheKind, packaging: Packaging): string {
  const sum = crc32(source).toString(16).padStart(8, '0');
  return `${sum}-${process.version}-${process.arch}-${packaging}-${kind}.v8cache`;
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

/** The cached code for `name` in `folder`, if there is one. */
export function readCache(folder: string, name: string): Buffer | undefined {
  try {
    return readFileSync(join(folder, name));
  } catch {
    return undefined;
  }
}

/**
 * Writes the script's code as compiled so far (0600, whole or not at all) and removes the caches of
 * the same kind that other builds or runtimes left.
 */
export function writeCache(folder: string, name: string, script: Script): void {
  const partial = join(folder, `${name}.${process.pid}.partial`);
  try {
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, join(folder, name));
    // Everything after the checksum: this runtime's caches of this packaging and kind, of other builds.
    const sameRuntimeAndKind = name.slice(name.indexOf('-'));
    for (const other of readdirSync(folder))
      if (other !== name && other.endsWith(sameRuntimeAndKind)) rmSync(join(folder, other), { force: true });
  } catch {
    // Only a slower start next time; a file half written (a full disk) goes, if it can.
    try {
      rmSync(partial, { force: true });
    } catch {
      // Left for the next run of this build to write over.
    }
  }
}
