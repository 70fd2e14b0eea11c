/**
 * The npm command's code cache (src/cli/code-cache.ts, loaded by src/cli/launch.ts): on the
 * machine's Node and on Node 24 (`npm run test:node24`) a first run leaves compiled code in a folder
 * of the user's own, mode 0700, one file 0600 for each kind of run; later runs use it and leave it
 * as it is. A folder that is not private (another mode, another owner, a link) is never used. A
 * cache V8 refuses is replaced, and a cache is only ever met by the very bundle it was made from.
 */
import { execFile } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cacheFileName, cacheKind } from '../../src/cli/code-cache';
import { withEnv } from '../helpers/child-env';
import { BIN, ROOT } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const run = promisify(execFile);
const tempDir = useTempDir('code-cache-');
const BUNDLE = readFileSync(join(ROOT, 'dist', 'nginxaas-keys.cjs'));

/** `--help` (which runs the program; `--version` alone is answered before it), with the cache folder's parent as XDG_CACHE_HOME; the files in the cache folder after it. */
async function helpWithCacheIn(cacheHome: string): Promise<string[]> {
  const { stdout } = await run(process.execPath, [BIN, '--help'], { env: withEnv({ XDG_CACHE_HOME: cacheHome }) });
  expect(stdout).toMatch(/^The interactive wizard/);
  const folder = join(cacheHome, 'nginxaas-keys');
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

describe('the code cache of the npm command', () => {
  it('made 0700 in XDG_CACHE_HOME/nginxaas-keys, one file 0600 for the commands, kept as it is by the next run', async () => {
    const home = tempDir();
    const folder = join(home, 'nginxaas-keys');
    const name = cacheFileName(BUNDLE, 'commands', 'npm');
    expect(await helpWithCacheIn(home)).toEqual([name]);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const made = statSync(join(folder, name));
    expect(made.mode & 0o777).toBe(0o600);
    expect(made.size).toBeGreaterThan(100_000);
    expect(await helpWithCacheIn(home)).toEqual([name]);
    expect(statSync(join(folder, name)).mtimeMs).toBe(made.mtimeMs);
  });

  it('a fleet list, which changes V8 flags as it runs, leaves a cache the next run takes', async () => {
    const home = tempDir();
    const folder = join(home, 'nginxaas-keys');
    const env = withEnv({ XDG_CACHE_HOME: home, XDG_STATE_HOME: home });
    const list = () => run(process.execPath, [BIN, 'list', '--all', '--demo', '-o', 'json'], { env });
    await list();
    const name = cacheFileName(BUNDLE, 'commands', 'npm');
    const made = statSync(join(folder, name)).mtimeMs;
    await list();
    // Refused (V8's flags differ from those it was made under), it would be written again.
    expect(statSync(join(folder, name)).mtimeMs).toBe(made);
  });

  it('a cache V8 refuses is replaced by a good one, and the run goes on as ever', async () => {
    const home = tempDir();
    const folder = join(home, 'nginxaas-keys');
    mkdirSync(folder, { mode: 0o700 });
    const name = cacheFileName(BUNDLE, 'commands', 'npm');
    writeFileSync(join(folder, name), 'not compiled code', { mode: 0o600 });
    expect(await helpWithCacheIn(home)).toEqual([name]);
    expect(statSync(join(folder, name)).size).toBeGreaterThan(100_000);
  });

  it("another build's cache of the same runtime and kind goes; another runtime's stays", async () => {
    const home = tempDir();
    const folder = join(home, 'nginxaas-keys');
    mkdirSync(folder, { mode: 0o700 });
    const name = cacheFileName(BUNDLE, 'commands', 'npm');
    const older = `00000000${name.slice(8)}`;
    const otherRuntime = name.replace(process.version, 'v99.0.0');
    for (const file of [older, otherRuntime]) writeFileSync(join(folder, file), 'x', { mode: 0o600 });
    expect(await helpWithCacheIn(home)).toEqual([name, otherRuntime].sort());
  });

  it('a folder others may enter (0777, 0750) is left as it is and not used', async () => {
    for (const mode of [0o777, 0o750]) {
      const home = tempDir();
      mkdirSync(join(home, 'nginxaas-keys'));
      chmodSync(join(home, 'nginxaas-keys'), mode);
      expect(await helpWithCacheIn(home)).toEqual([]);
      expect(statSync(join(home, 'nginxaas-keys')).mode & 0o777).toBe(mode);
    }
  });

  it('a link to a private folder is not used', async () => {
    const home = tempDir();
    const elsewhere = join(home, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o700 });
    symlinkSync(elsewhere, join(home, 'nginxaas-keys'));
    await helpWithCacheIn(home);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  // Giving a folder to another user takes root (CI runs as root).
  it.skipIf(process.getuid?.() !== 0)('a 0700 folder of another user is not used', async () => {
    const home = tempDir();
    const theirs = join(home, 'nginxaas-keys');
    mkdirSync(theirs, { mode: 0o700 });
    chownSync(theirs, 65534, 65534);
    expect(await helpWithCacheIn(home)).toEqual([]);
  });
});

describe('which cache a run meets', () => {
  it('a bundle of the same length but another text has another file (V8 itself checks only the length)', () => {
    const changed = Buffer.from(BUNDLE.toString('latin1').replace('nginxaas-keys', 'nginxaas-KEYS'), 'latin1');
    expect(changed.length).toBe(BUNDLE.length);
    expect(changed.equals(BUNDLE)).toBe(false);
    expect(cacheFileName(changed, 'wizard', 'npm')).not.toBe(cacheFileName(BUNDLE, 'wizard', 'npm'));
    expect(cacheFileName(BUNDLE, 'wizard', 'npm')).toContain(`-${process.version}-${process.arch}-npm-wizard.`);
  });

  it.each([
    [[], 'wizard'],
    [['--demo'], 'wizard'],
    [['--demo', '--plain'], 'wizard'],
    [['--help'], 'commands'],
    [['-h'], 'commands'],
    [['--version', '--no-color'], 'commands'],
    [['list', '--all'], 'commands'],
    [['--demo', 'create'], 'commands'],
  ] as const)('%j keeps the %s cache', (argv, kind) => {
    expect(cacheKind(argv)).toBe(kind);
  });
});
