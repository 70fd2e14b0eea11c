/**
 * The npm command's compile cache (src/cli/compile-cache.ts): on Node 24 (the one the standalone
 * executable carries, scripts/node24.mjs) a run leaves compiled code in a folder of the user's own,
 * mode 0700; a folder that is not private (another mode, another owner, a link) is never used. On
 * a Node without a compile cache nothing is made.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import nodeModule from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withEnv } from '../helpers/child-env';
import { BIN, ROOT } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const run = promisify(execFile);
const tempDir = useTempDir('compile-cache-');
const NODE24 = execFileSync(process.execPath, [join(ROOT, 'scripts', 'node24.mjs')], { encoding: 'utf8' }).trim();

/** `--help` (which loads the program; `--version` alone is answered before it) on `node`, with the cache folder's parent given as XDG_CACHE_HOME; the files the cache folder holds after it. */
async function helpWithCacheIn(cacheHome: string, node = NODE24): Promise<string[]> {
  const { stdout } = await run(node, [BIN, '--help'], { env: withEnv({ XDG_CACHE_HOME: cacheHome }) });
  expect(stdout).toMatch(/^The interactive wizard/);
  const folder = join(cacheHome, 'nginxaas-keys');
  return existsSync(folder) ? readdirSync(folder, { recursive: true }).map(String) : [];
}

describe('the compile cache of the npm command', () => {
  it('on Node 24: made 0700 in XDG_CACHE_HOME/nginxaas-keys, and filled', async () => {
    const home = tempDir();
    const files = await helpWithCacheIn(home);
    expect(statSync(join(home, 'nginxaas-keys')).mode & 0o777).toBe(0o700);
    expect(files.length).toBeGreaterThan(1);
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

  it("on the machine's Node: a cache exactly when that Node has one (Node 22.1 and later)", async () => {
    const home = tempDir();
    const files = await helpWithCacheIn(home, process.execPath);
    const hasCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
    expect(existsSync(join(home, 'nginxaas-keys'))).toBe(hasCache);
    expect(files.length > 0).toBe(hasCache);
  });
});
