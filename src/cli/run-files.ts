/**
 * The table of a run's files: every path it reads (--secret-file, --arm-ca) or writes
 * (--secret-out, each --emit file, --output-file), compared by where it really is before any
 * request. One file named twice is refused (exit 2): a summary written over the key file, or a
 * status report over the key it was asked to check, would leave a live key whose secret nobody
 * holds. `x`, `./x`, a link to x and a hard link of x are all one file.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseHandoff } from '../domain/handoff';
import { printable } from '../domain/printable';
import { UsageError } from '../port/usage-error';
import { text, texts, type Values } from '../commands/shared/flags';

interface RunFile {
  /** How the user named it: the flag and the path as given. */
  named: string;
  place: string;
  /** The file's identity when it exists (a hard link has another path, the same inode). */
  inode?: string;
}

export function runFiles(values: Values, env: NodeJS.ProcessEnv): RunFile[] {
  const files: RunFile[] = [];
  const add = (flag: string, path: string | undefined) => {
    if (path === undefined || path === '') return;
    files.push({ named: `${flag} '${printable(path)}'`, ...whereIs(path) });
  };
  add('--secret-file', text(values, 'secret-file'));
  add('--arm-ca', text(values, 'arm-ca') ?? env.NGINXAAS_ARM_CA);
  add('--secret-out', text(values, 'secret-out'));
  for (const entry of texts(values, 'emit')) {
    const parsed = parseHandoff(entry);
    if (parsed.ok && parsed.target.kind !== 'keyvault') add(`--emit ${parsed.target.kind}`, parsed.target.path);
  }
  add('--output-file', text(values, 'output-file'));
  return files;
}

/** Before any request: no file of the run is named twice. */
export function checkRunFiles(values: Values, env: NodeJS.ProcessEnv): void {
  const files = runFiles(values, env);
  for (const [i, a] of files.entries())
    for (const b of files.slice(i + 1))
      if (a.place === b.place || (a.inode !== undefined && a.inode === b.inode))
        throw new UsageError(
          `${a.named} and ${b.named} are the same file: one file cannot be both (the second would replace the first); name another for one of them`,
        );
}

function whereIs(path: string): { place: string; inode?: string } {
  const full = resolve(path);
  let place = full;
  try {
    place = realpathSync(full);
  } catch {
    try {
      place = join(realpathSync(dirname(full)), basename(full));
    } catch {
      // A folder that does not exist: the path as written is all there is to compare.
    }
  }
  try {
    const stat = statSync(full);
    return { place, inode: `${stat.dev}:${stat.ino}` };
  } catch {
    return { place };
  }
}
