/** Files that hold keys: a write that fails leaves nothing behind and names its file. */
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWriteError, StagedFileLost, stageSecretFile, writeExclusive } from '../../src/files/secret-file';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('secret-file-');

describe('writeExclusive', () => {
  it('a full disk: the half-written temporary file is removed, and the error names the file', () => {
    const dir = tempDir();
    const path = join(dir, 'key.txt');
    const full = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    expect(() => writeExclusive(path, 'Abc-secret-0001', full)).toThrow(new FileWriteError(path, { code: 'ENOSPC' }));
    expect(() => writeExclusive(path, 'Abc-secret-0001', full)).toThrow(`could not write ${path}: the disk is full`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a write that works leaves only its temporary file, 0600, for the caller to rename', () => {
    const dir = tempDir();
    const temporary = writeExclusive(join(dir, 'key.txt'), 'Abc-secret-0001');
    expect(readdirSync(dir)).toEqual([temporary.slice(dir.length + 1)]);
  });
});

describe('a staged key file taken away before it is moved into place', () => {
  const stagedIn = (folder: string) => stageSecretFile(join(folder, 'k.key'), 'Staged-Secret-01\n', false);

  it('its copy removed: staged again from what this process holds, then put in place, 0600', () => {
    const folder = tempDir();
    const staged = stagedIn(folder);
    const first = staged.stagingPath;
    rmSync(first);
    staged.commit();
    expect(readFileSync(join(folder, 'k.key'), 'utf8')).toBe('Staged-Secret-01\n');
    expect(statSync(join(folder, 'k.key')).mode & 0o777).toBe(0o600);
    expect(staged.stagingPath).not.toBe(first);
    expect(readdirSync(folder)).toEqual(['k.key']);
  });

  it('its folder removed: nothing can hold it there, and the error says so in words', () => {
    const folder = join(tempDir(), 'gone');
    mkdirSync(folder);
    const staged = stagedIn(folder);
    rmSync(folder, { recursive: true });
    expect(() => staged.commit()).toThrow(StagedFileLost);
    expect(() => staged.commit()).toThrow(
      /was changed or taken away meanwhile, and writing it again failed \(no such file or folder\)/,
    );
  });

  it.each([
    ['a link to a file of someone else', (at: string, folder: string) => symlinkSync(join(folder, 'theirs'), at)],
    ['a folder', (at: string) => mkdirSync(at)],
    ['another file, 0644', (at: string) => writeFileSync(at, 'garbage', { mode: 0o644 })],
  ])('its copy swapped for %s: the key is written again, and only the file written is put in place', (_what, swap) => {
    for (const force of [false, true]) {
      const folder = tempDir();
      writeFileSync(join(folder, 'theirs'), 'theirs');
      const staged = stageSecretFile(join(folder, 'k.key'), 'Staged-Secret-01\n', force);
      const first = staged.stagingPath;
      rmSync(first);
      swap(first, folder);
      staged.commit();
      const placed = lstatSync(join(folder, 'k.key'));
      expect([placed.isFile(), placed.mode & 0o777]).toEqual([true, 0o600]);
      expect(readFileSync(join(folder, 'k.key'), 'utf8')).toBe('Staged-Secret-01\n');
      expect(readFileSync(join(folder, 'theirs'), 'utf8')).toBe('theirs');
    }
  });

  it('a file that appeared at the destination meanwhile is never replaced: the key waits where it was staged', () => {
    const folder = tempDir();
    const staged = stagedIn(folder);
    writeFileSync(join(folder, 'k.key'), 'someone else');
    expect(() => staged.commit()).toThrow(/EEXIST|exists/);
    expect(readFileSync(staged.stagingPath, 'utf8')).toBe('Staged-Secret-01\n');
    expect(readFileSync(join(folder, 'k.key'), 'utf8')).toBe('someone else');
  });
});
