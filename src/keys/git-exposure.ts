/**
 * Whether a file that will hold a key lies inside a git work tree that does not ignore it: one
 * `git add .` from a commit. Asked of git itself (`rev-parse`, `check-ignore`), so a .gitignore
 * anywhere up the tree, a global excludes file and .git/info/exclude all count. No git, or no work
 * tree: not exposed.
 */
import { dirname, resolve } from 'node:path';

export interface GitExposure {
  /** The work tree's top folder. */
  root: string;
}

function git(args: string[], cwd: string): { ok: boolean; out: string } {
  try {
    // Taken here, not with the program: the wizard's start never asks git.
    const out = process.getBuiltinModule('node:child_process').execFileSync('git', args, {
      cwd,
      timeout: 3000,
      stdio: ['ignore', 'pipe', 'ignore'],
      windowsHide: true,
    });
    return { ok: true, out: out.toString('utf8').trim() };
  } catch {
    return { ok: false, out: '' };
  }
}

export function gitExposure(path: string): GitExposure | undefined {
  const full = resolve(path);
  const folder = dirname(full);
  const root = git(['rev-parse', '--show-toplevel'], folder);
  if (!root.ok || root.out === '') return undefined;
  // check-ignore exits 0 when the path is ignored, 1 when it is not.
  if (git(['check-ignore', '-q', '--', full], folder).ok) return undefined;
  return { root: root.out };
}

export function exposureWarning(path: string, exposure: GitExposure): string {
  return `${path} is in the work tree ${exposure.root}, not ignored`;
}

/** One line for each file git would commit, for a command to say before it writes them. */
export function exposureWarnings(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const exposure = gitExposure(file);
    return exposure ? [`git would commit it: ${exposureWarning(file, exposure)}`] : [];
  });
}
