/**
 * readSmallFile (src/files/small-file.ts): a regular file up to its limit is read whole, whatever
 * its size said when it was opened; one byte past the limit is refused; what is not a regular file
 * is refused. /proc's files say size 0 and hold more: they read through the growing buffer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSmallFile, SmallFileError } from '../../src/files/small-file';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('small-file-');

describe('readSmallFile', () => {
  it.each([
    ['an empty file', '', 16],
    ['one character', 'a', 16],
    ['exactly the limit', 'x'.repeat(64), 64],
    ['text of several bytes a character, at the limit', 'é—🔑'.repeat(10), Buffer.byteLength('é—🔑'.repeat(10))],
  ])('%s is read whole', (_, text, limit) => {
    const path = join(tempDir(), 'file');
    writeFileSync(path, text);
    expect(readSmallFile(path, limit, 'the file')).toBe(text);
  });

  it('one byte past the limit is refused, in words', () => {
    const path = join(tempDir(), 'file');
    writeFileSync(path, 'x'.repeat(65));
    expect(() => readSmallFile(path, 64, 'the file')).toThrow(/'.*' is larger than .*; it was not read/);
  });

  it('a file whose size says 0 but holds more (/proc) is read whole, and refused past the limit', () => {
    const map = readFileSync('/proc/self/maps', 'utf8');
    expect(map.length).toBeGreaterThan(256);
    // Another read of the same process's map may differ by a line: compare the start.
    expect(readSmallFile('/proc/self/maps', 1024 * 1024, 'the map').slice(0, 200)).toBe(map.slice(0, 200));
    expect(() => readSmallFile('/proc/self/maps', 64, 'the map')).toThrow(SmallFileError);
  });

  it('a folder is not a regular file', () => {
    expect(() => readSmallFile(tempDir(), 64, 'the file')).toThrow(/is not a regular file/);
  });
});
