/**
 * V8's compile cache for the npm command (Node 22.1 and later): the bundle's chunks are compiled
 * once and read back compiled on later runs. Node's default folder is shared under the temporary
 * folder; this one is the user's own (see cacheFolder), made 0700 and used only while it is still
 * a private folder of this user (privateFolder). Called from the start, before the bundle loads:
 * only what is compiled after it is cached. The standalone executable has its own code cache.
 */
import { lstatSync, mkdirSync } from 'node:fs';
import nodeModule from 'node:module';
import { homedir } from 'node:os';
import { cacheFolder, privateFolder } from '../domain/platform';

/** Node 22.1+ has enableCompileCache, Node 22.10+ flushCompileCache; Node 20 has neither. */
type WithCompileCache = typeof nodeModule & {
  enableCompileCache?: (directory: string) => { status: number; directory?: string };
  flushCompileCache?: () => void;
};
const withCache = nodeModule as WithCompileCache;

/** The folder the cache was turned on in, or undefined (an older Node, Windows, or a folder that is not private). */
export function enablePrivateCompileCache(env: NodeJS.ProcessEnv): string | undefined {
  if (!withCache.enableCompileCache || typeof process.getuid !== 'function') return undefined;
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
    if (!privateFolder(facts, process.getuid())) return undefined;
    withCache.enableCompileCache(folder);
    return folder;
  } catch {
    // A cache that cannot be had (a read-only home, say) only makes the start slower.
    return undefined;
  }
}

/** Writes what this run compiled, before an explicit exit (Node writes it at a natural one). */
export function flushCompileCache(): void {
  try {
    withCache.flushCompileCache?.();
  } catch {
    // Only a slower start next time.
  }
}
