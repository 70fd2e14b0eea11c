/**
 * `npm run build:sea` prints no warning nobody can act on: of postject's stderr exactly the lines
 * about node's ELF note sections are left out (these nine are what it said on Linux x64 with
 * Node 20), and anything else it says is passed on.
 */
import { describe, expect, it } from 'vitest';
import { worthShowing } from '../../scripts/sea-warnings.mjs';

const SAID_ON_LINUX = [
  ...Array.from({ length: 5 }, () => "warning: Can't find string offset for section name '.note.100'"),
  "warning: Can't find string offset for section name '.note'",
  ...Array.from({ length: 3 }, () => "warning: Can't find string offset for section name '.note.100'"),
  '',
].join('\n');

describe("postject's stderr", () => {
  it('the notes about ELF note sections are left out', () => {
    expect(worthShowing(SAID_ON_LINUX)).toEqual([]);
  });

  it.each([
    "warning: Can't find string offset for section name '.text'",
    "warning: Can't find string offset for section name '.note.100' (and more)",
    'Error: Could not find the sentinel NODE_SEA_FUSE in the binary',
    'warning: something else',
  ])('anything else is passed on: %s', (line) => {
    expect(worthShowing(`${SAID_ON_LINUX}${line}\r\n`)).toEqual([line]);
  });
});
