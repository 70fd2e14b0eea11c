/**
 * The code cache of the program (src/cli/code-cache.ts, loaded by src/cli/launch.ts): on the
 * machine's Node and on Node 24 (`npm run test:node24`) a first run leaves compiled code in a
 * folder of the user's own, mode 0700, one file 0600 for each kind of run; later runs use it and
 * leave it as it is. A folder that is not private (another mode, another owner, a link) is never
 * used. A file that is damaged, made from another program, or is not a regular file of the user's
 * is never given to V8, and a good one takes its place; a run that only refused its words leaves
 * none; runs under other V8 flags keep their own; the folder is swept of what no run uses.
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
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cacheFileName, cacheKind, programChecksum } from '../../src/cli/code-cache';
import { withEnv } from '../helpers/child-env';
import { BIN, ROOT } from '../helpers/pty';
import { useTempDir } from '../helpers/temp';

const run = promisify(execFile);
const tempDir = useTempDir('code-cache-');
const BUNDLE = readFileSync(join(ROOT, 'dist', 'nginxaas-keys.cjs'));
/** A cache file of the npm command on this Node, for the commands: its name ends with a checksum of the run's flags. */
const COMMANDS = new RegExp(
  `^[0-9a-f]{8}-${process.version.replace(/\./g, '\\.')}-${process.arch}-npm-commands-[0-9a-f]{8}\\.v8cache$`,
);

/** `node [flags] bin --help` (which runs the program; `--version` alone is answered before it), with the cache folder's parent as XDG_CACHE_HOME; the files in the cache folder after it. */
async function helpWithCacheIn(cacheHome: string, flags: string[] = []): Promise<string[]> {
  const { stdout, stderr } = await run(process.execPath, [...flags, BIN, '--help'], {
    env: withEnv({ XDG_CACHE_HOME: cacheHome, NODE_OPTIONS: '' }),
    timeout: 20_000,
  });
  expect(stdout).toMatch(/^The interactive wizard/);
  expect(stderr).toBe('');
  try {
    return readdirSync(join(cacheHome, 'nginxaas-keys')).sort();
  } catch {
    return [];
  }
}

/** The one commands cache a plain `--help` made in a fresh folder, and the folder. */
async function madeCache(): Promise<{ home: string; folder: string; file: string }> {
  const home = tempDir();
  const [file] = await helpWithCacheIn(home);
  expect(file).toMatch(COMMANDS);
  return { home, folder: join(home, 'nginxaas-keys'), file: file as string };
}

const mtime = (path: string) => statSync(path).mtimeMs;
const daysAgo = (path: string, days: number) => {
  const then = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  utimesSync(path, then, then);
};

describe('the code cache of the npm command', () => {
  it('made 0700 in XDG_CACHE_HOME/nginxaas-keys, one file 0600 for the commands, kept as it is by the next run', async () => {
    const { home, folder, file } = await madeCache();
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, file)).mode & 0o777).toBe(0o600);
    expect(statSync(join(folder, file)).size).toBeGreaterThan(100_000);
    const made = mtime(join(folder, file));
    expect(await helpWithCacheIn(home)).toEqual([file]);
    expect(mtime(join(folder, file))).toBe(made);
  });

  it('a fleet list, which changes V8 flags as it runs, leaves a cache the next run takes', async () => {
    const home = tempDir();
    const folder = join(home, 'nginxaas-keys');
    const env = withEnv({ XDG_CACHE_HOME: home, XDG_STATE_HOME: tempDir(), NODE_OPTIONS: '' });
    const list = () => run(process.execPath, [BIN, 'list', '--all', '--demo', '-o', 'json'], { env });
    await list();
    const [file] = readdirSync(folder);
    const made = mtime(join(folder, file as string));
    await list();
    // Refused (V8's flags differ from those it was made under), it would be written again.
    expect(readdirSync(folder)).toEqual([file]);
    expect(mtime(join(folder, file as string))).toBe(made);
  });

  it('a damaged file, or one made from another program, never reaches V8: the run goes on and a good one replaces it', async () => {
    const { home, folder, file } = await madeCache();
    const path = join(folder, file);
    const good = readFileSync(path);
    // One byte flipped in the middle of V8's data crashed every start when V8 was given it.
    const flipped = Buffer.from(good);
    flipped[200_003] = (flipped[200_003] ?? 0) ^ 0xff;
    // Another program of the same length (V8 checks only the length): a header from another checksum.
    const otherProgram = Buffer.from(good);
    otherProgram.writeUInt32BE((otherProgram.readUInt32BE(4) + 1) >>> 0, 4);
    for (const bad of [flipped, otherProgram, good.subarray(0, 1000), Buffer.from('not compiled code')]) {
      writeFileSync(path, bad, { mode: 0o600 });
      expect(await helpWithCacheIn(home)).toEqual([file]);
      // Written again whole: as long as a good one, with the header of this program.
      const again = readFileSync(path);
      expect(again.equals(bad)).toBe(false);
      expect(Math.abs(again.length - good.length)).toBeLessThan(good.length / 10);
      expect(again.subarray(0, 8).equals(good.subarray(0, 8))).toBe(true);
    }
  });

  it('at the cache file name, a pipe is not waited on and a link is not followed', async () => {
    const { home, folder, file } = await madeCache();
    const path = join(folder, file);
    const elsewhere = join(tempDir(), 'elsewhere');
    writeFileSync(elsewhere, readFileSync(path));
    const before = readFileSync(elsewhere);
    await run('rm', [path]);
    symlinkSync(elsewhere, path);
    expect(await helpWithCacheIn(home)).toEqual([file]);
    expect(statSync(path).isFile()).toBe(true);
    expect(readFileSync(elsewhere).equals(before)).toBe(true);
    await run('rm', [path]);
    await run('mkfifo', [path]);
    expect(await helpWithCacheIn(home)).toEqual([file]);
    expect(statSync(path).isFile()).toBe(true);
  });

  it('a run that only refused its words (exit 2) leaves no cache', async () => {
    const home = tempDir();
    const refused = await run(process.execPath, [BIN, '--dmeo'], { env: withEnv({ XDG_CACHE_HOME: home }) }).catch(
      (error: { code: number }) => error,
    );
    expect((refused as { code: number }).code).toBe(2);
    expect(readdirSync(join(home, 'nginxaas-keys'))).toEqual([]);
  });

  it('runs under other V8 flags keep a cache of their own, and neither writes over the other', async () => {
    const { home, folder, file } = await madeCache();
    const files = await helpWithCacheIn(home, ['--stack-size=2000']);
    expect(files).toHaveLength(2);
    const flagged = files.find((f) => f !== file) as string;
    const times = [mtime(join(folder, file)), mtime(join(folder, flagged))];
    await helpWithCacheIn(home);
    await helpWithCacheIn(home, ['--stack-size=2000']);
    expect([mtime(join(folder, file)), mtime(join(folder, flagged))]).toEqual(times);
  });

  it('sweeps what no run uses: beyond three builds of a kind, caches unused for 30 days, partial files an hour old', async () => {
    const home = tempDir();
    const folder = join(home, 'nginxaas-keys');
    mkdirSync(folder, { mode: 0o700 });
    const name = cacheFileName(programChecksum(BUNDLE), 'commands', 'npm').replace(/-[0-9a-f]{8}\.v8cache$/, '');
    // Three older builds of the same kind (the flags part as a plain run's), the oldest oldest.
    const plain = await madeCache();
    const flagsPart = plain.file.slice(plain.file.lastIndexOf('-'));
    const sameKind = (sum: string) => `${sum}${name.slice(8)}${flagsPart}`;
    const planted = {
      older1: sameKind('00000001'),
      older2: sameKind('00000002'),
      older3: sameKind('00000003'),
      oldRuntime: `00000004-v18.0.0-${process.arch}-npm-commands${flagsPart}`,
      recentRuntime: `00000005-v22.0.0-${process.arch}-npm-commands${flagsPart}`,
      oldPartial: `${sameKind('00000006')}.123.partial`,
      newPartial: `${sameKind('00000007')}.456.partial`,
    };
    for (const file of Object.values(planted)) writeFileSync(join(folder, file), 'x', { mode: 0o600 });
    daysAgo(join(folder, planted.older1), 3);
    daysAgo(join(folder, planted.older2), 2);
    daysAgo(join(folder, planted.older3), 1);
    daysAgo(join(folder, planted.oldRuntime), 40);
    daysAgo(join(folder, planted.oldPartial), 1);
    const files = await helpWithCacheIn(home);
    const theirs = files.filter((f) => f !== plain.file);
    expect(theirs).toEqual([planted.older2, planted.older3, planted.recentRuntime, planted.newPartial].sort());
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

  // As sudo -E runs it: root, with a user's HOME whose .cache is missing.
  it.skipIf(process.getuid?.() !== 0)("run by root inside another user's folder, makes no folder there", async () => {
    const home = tempDir();
    const theirs = join(home, 'ana');
    mkdirSync(theirs, { mode: 0o755 });
    chownSync(theirs, 65534, 65534);
    expect(await helpWithCacheIn(join(theirs, '.cache'))).toEqual([]);
    expect(readdirSync(theirs)).toEqual([]);
  });
});

describe('which cache a run meets', () => {
  it('a program of the same length but another text has another file (V8 itself checks only the length)', () => {
    const changed = Buffer.from(BUNDLE.toString('latin1').replace('nginxaas-keys', 'nginxaas-KEYS'), 'latin1');
    expect(changed.length).toBe(BUNDLE.length);
    expect(changed.equals(BUNDLE)).toBe(false);
    expect(cacheFileName(programChecksum(changed), 'wizard', 'npm')).not.toBe(
      cacheFileName(programChecksum(BUNDLE), 'wizard', 'npm'),
    );
    expect(cacheFileName(programChecksum(BUNDLE), 'wizard', 'npm')).toContain(
      `-${process.version}-${process.arch}-npm-wizard-`,
    );
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
