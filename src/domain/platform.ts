/**
 * What differs between Linux, macOS and Windows, as rules of the platform handed in (so each is
 * tested on any machine): how `az` is started, and where the program keeps its state.
 */
import { posix, win32 } from 'node:path';

/** A program and its arguments, ready for execFile or spawn. */
export interface Invocation {
  file: string;
  args: string[];
  /** Windows only: the arguments are one command line already quoted for cmd.exe. */
  windowsVerbatimArguments?: boolean;
}

/**
 * A character cmd.exe acts on even inside double quotes: `%` expands variables and `"` ends the
 * quoting; a line break ends the command. No argument the program passes to az needs them.
 */
const CMD_UNSAFE = /["%\r\n]/;

/**
 * `az` with `args`. On Windows `az` is `az.cmd`, a batch file, which Node starts only through a
 * shell since the fix for CVE-2024-27980; so it goes through `cmd.exe /d /s /c "az …"` with each
 * argument in double quotes, as @azure/identity starts it, and an argument cmd.exe would read
 * as more than text is refused rather than passed. (Finding az.cmd on PATH and running it
 * without a shell is not possible: a batch file always needs cmd.exe.)
 */
export function azInvocation(args: readonly string[], platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Invocation {
  if (platform !== 'win32') return { file: 'az', args: [...args] };
  const unsafe = args.find((arg) => CMD_UNSAFE.test(arg));
  if (unsafe !== undefined) throw new Error(`cannot pass ${JSON.stringify(unsafe)} to az through cmd.exe`);
  const line = ['az', ...args.map((arg) => `"${arg}"`)].join(' ');
  return {
    file: env.ComSpec || env.COMSPEC || 'cmd.exe',
    args: ['/d', '/s', '/c', `"${line}"`],
    windowsVerbatimArguments: true,
  };
}

/**
 * The folder of the program's state (the demo's world). Windows: `%LOCALAPPDATA%\nginxaas-keys`,
 * the per-user, per-machine folder (not Roaming: the world is a cache of this machine). Linux
 * and macOS: `$XDG_STATE_HOME/nginxaas-keys`, else `~/.local/state/nginxaas-keys`. On macOS the
 * XDG place rather than `~/Library/Application Support`: it is where gh and other terminal tools
 * keep their state there too, XDG_STATE_HOME moves it as on Linux, and one path serves the README
 * and scripts of both.
 */
export function stateFolder(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || win32.join(env.USERPROFILE || home, 'AppData', 'Local');
    return win32.join(local, 'nginxaas-keys');
  }
  const base = env.XDG_STATE_HOME || posix.join(env.HOME || home, '.local', 'state');
  return posix.join(base, 'nginxaas-keys');
}

/**
 * The folder of the user's saved settings (`config`). Windows: `%APPDATA%\nginxaas-keys`, the
 * roaming folder (settings follow the user, unlike the state). Linux and macOS:
 * `$XDG_CONFIG_HOME/nginxaas-keys`, else `~/.config/nginxaas-keys` (as for the state: the XDG
 * place on macOS too, where gh keeps its config).
 */
export function configFolder(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') {
    const roaming = env.APPDATA || win32.join(env.USERPROFILE || home, 'AppData', 'Roaming');
    return win32.join(roaming, 'nginxaas-keys');
  }
  const base = env.XDG_CONFIG_HOME || posix.join(env.HOME || home, '.config');
  return posix.join(base, 'nginxaas-keys');
}

/**
 * The folder of the program's cache (V8's compile cache of the npm command): `$XDG_CACHE_HOME/nginxaas-keys`,
 * else `~/.cache/nginxaas-keys`. A cache rather than the state: it can be deleted at any time and is
 * made again, and backups and tools that clear caches know the place. None on Windows, whose folders
 * are guarded by access lists this program does not read (it checks an owner and a mode, below).
 */
export function cacheFolder(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string | undefined {
  if (platform === 'win32') return undefined;
  // A relative XDG_CACHE_HOME is to be ignored (the XDG base directory specification).
  const xdg = env.XDG_CACHE_HOME && posix.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  const base = xdg ?? posix.join(env.HOME || home, '.cache');
  return posix.join(base, 'nginxaas-keys');
}

/** What a folder's lstat says of it: enough to tell whether it is the user's own and private. */
export interface FolderFacts {
  isDirectory: boolean;
  isSymbolicLink: boolean;
  uid: number;
  mode: number;
}

/**
 * Whether a folder may hold code this program will run (a compile cache is compiled code): a real
 * folder, not a link; the user's own; and no one else may read, write or enter it (0700 or less).
 * A folder that fails is left as it is and not used: it is not ours to repair, and someone else
 * may already have put something in it.
 */
export function privateFolder(facts: FolderFacts, uid: number): boolean {
  return facts.isDirectory && !facts.isSymbolicLink && facts.uid === uid && (facts.mode & 0o077) === 0;
}
