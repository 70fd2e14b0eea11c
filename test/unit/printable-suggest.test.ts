/** Escaping text from the network, and "did you mean": plain tables. */
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/domain/printable';
import { editDistance, nearest } from '../../src/domain/suggest';

describe('printable', () => {
  it.each([
    ['plain words', 'plain words'],
    ['red \u001b[31mtext\u001b[0m', 'red \\x1b[31mtext\\x1b[0m'],
    ['title \u001b]0;owned\u0007', 'title \\x1b]0;owned\\x07'],
    ['clipboard \u001b]52;c;c2VjcmV0\u0007', 'clipboard \\x1b]52;c;c2VjcmV0\\x07'],
    ['line\nbreak\r', 'line\\x0abreak\\x0d'],
    ['c1 \u009b31m', 'c1 \\x9b31m'],
    ['bidi \u202eevil', 'bidi \\u202eevil'],
    ['marks \u200eltr \u200frtl \u061calm', 'marks \\u200eltr \\u200frtl \\u061calm'],
    ['isolates \u2066a\u2069', 'isolates \\u2066a\\u2069'],
    ['line\u2028separator\u2029paragraph', 'line\\u2028separator\\u2029paragraph'],
    ['ünïcödé ✔', 'ünïcödé ✔'],
  ])('%j → %j', (input, shown) => {
    expect(printable(input)).toBe(shown);
  });
});

describe('nearest', () => {
  const commands = ['create', 'list', 'show', 'delete', 'rotate', 'endpoint', 'emulator'];
  it.each([
    ['crate', 'create'],
    ['creat', 'create'],
    ['lsit', 'list'],
    ['delte', 'delete'],
    ['endpiont', 'endpoint'],
    ['Zq7-secretABCDEF', undefined],
    ['frobnicate', undefined],
    ['x', undefined],
  ])('%s → %s', (word, expected) => {
    expect(nearest(word, commands)).toBe(expected);
  });

  it('edit distance counts insertions, deletions and substitutions', () => {
    expect([editDistance('kitten', 'sitting'), editDistance('', 'abc'), editDistance('same', 'same')]).toEqual([
      3, 3, 0,
    ]);
  });
});
