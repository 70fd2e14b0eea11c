/**
 * The program's name as this run was started, for the commands it prints: what a person types in
 * the same shell to run the same program again.
 *
 * - `nginxaas-keys` when the first `nginxaas-keys` on PATH is this very program (npm install -g,
 *   npm link, the standalone executable copied onto PATH);
 * - `npx nginxaas-keys` under `npm exec`/`npx`, or when the program is a package's under
 *   node_modules (npx finds a project's own bin, and its cache);
 * - else the file itself: `./dist/linux-x64/nginxaas-keys` for the standalone executable,
 *   `node bin/nginxaas-keys.js` for the script of a checkout (relative to the working folder when
 *   it is inside it, else its whole path).
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, delimiter, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { COMMAND_NAME, shellWord } from '../domain/started-as';

export interface StartFacts {
  /** process.argv[1]: the script node was given (the standalone executable: its own path). */
  script: string;
  execPath: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  platform: NodeJS.Platform;
}

export function programName(facts: StartFacts): string {
  // A standalone executable is started as itself: Node puts its own path where the script goes.
  const standalone = samePath(facts.script, facts.execPath);
  const file = resolve(facts.cwd, facts.script);
  const onPath = firstOnPath(facts);
  // On Windows npm's command for an installed package is a .cmd shim on PATH, never a link to the script.
  const shim = facts.platform === 'win32' && !standalone && inPackage(file);
  if (onPath && !isNpmBin(onPath) && (samePath(onPath, file) || shim)) return COMMAND_NAME;
  if (facts.env.npm_command === 'exec' || (!standalone && inPackage(file))) return `npx ${COMMAND_NAME}`;
  const path = shortest(file, facts.cwd);
  // An executable in the working folder itself is run as ./name (a shell looks for a bare name on PATH).
  if (standalone) return shellWord(path === basename(path) ? `.${sep}${path}` : path, facts.platform);
  return `node ${shellWord(path, facts.platform)}`;
}

/** The first file named like the command on PATH (with Windows's extensions), as the shell would pick it. */
function firstOnPath(facts: StartFacts): string | undefined {
  const names =
    facts.platform === 'win32'
      ? (facts.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD')
          .split(';')
          .filter(Boolean)
          .map((ext) => `${COMMAND_NAME}${ext.toLowerCase()}`)
      : [COMMAND_NAME];
  for (const folder of (facts.env.PATH ?? facts.env.Path ?? '').split(facts.platform === 'win32' ? ';' : delimiter)) {
    if (folder === '' || !isAbsolute(folder)) continue;
    for (const name of names) {
      const candidate = join(folder, name);
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // Not in this folder.
      }
    }
  }
  return undefined;
}

/** The script of an installed package (a project's node_modules, npm's global folder, npx's cache). */
function inPackage(file: string): boolean {
  return file.split(/[\\/]/).includes('node_modules');
}

/** The folder where npm puts a project's commands for `npm run` and `npx`: not on a person's own PATH. */
function isNpmBin(path: string): boolean {
  return /[\\/]node_modules[\\/]\.bin[\\/][^\\/]+$/.test(path);
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** The path from the working folder when the file is inside it (`bin/nginxaas-keys.js`), else whole. */
function shortest(file: string, cwd: string): string {
  const inside = relative(cwd, file);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : file;
}

/** This run's facts. */
export function thisProgram(): string {
  return programName({
    script: process.argv[1] ?? process.execPath,
    execPath: process.execPath,
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
  });
}
