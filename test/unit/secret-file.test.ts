/** Files that hold keys: a write that fails leaves nothing behind and names its file. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWriteError, writeExclusive } from '../../src/files/secret-file';
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
