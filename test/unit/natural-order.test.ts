// Names are ordered without making an Intl.Collator where they are printable ASCII: every answer
// must have the sign the collator's has, on the names our lists show, on the hard cases, on every
// pair of printable characters, and on thousands of random names.
import { describe, expect, it } from 'vitest';
import { naturalOrder } from '../../src/domain/natural-order';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const sign = (n: number) => Math.sign(n) || 0;

const PAIRS: Array<[string, string]> = [
  ['web-2', 'web-10'],
  ['web-01', 'web-1'],
  ['Web-1', 'web-1'],
  ['web', 'web-1'],
  ['web-1', 'web-1a'],
  ['a-b', 'ab'],
  ['a b', 'a-b'],
  ['a_b', 'a-b'],
  ['x9', 'x10'],
  ['1.5', '1.10'],
  ['000', '0'],
  ['007x', '7y'],
  ['', 'a'],
  ['', ''],
  ['$1', '0'],
  ['z', '0'],
  ['rg-prod-eastus2', 'rg-prod-eastus'],
  ['1'.repeat(250), '1'.repeat(249)],
  ['1'.repeat(201), '2'],
  ['12', '1\u0669'],
  ['1\u0661', '12'],
  ['café', 'cafe'],
  ['cafe-2', 'café-10'],
  ['a\u0301', 'a'],
  ['ab', 'a\u0000b'],
  ['Ünïcode', 'unicode'],
  ['日本', 'abc'],
  ['a-é', 'b'],
  ['tab\there', 'tab here'],
];

/** A small deterministic generator, so a failure names names that can be reproduced. */
function randomNames(count: number, alphabet: string[], seed: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => {
    let name = '';
    const length = Math.floor(next() * 10);
    for (let i = 0; i < length; i++) name += alphabet[Math.floor(next() * alphabet.length)];
    return name;
  });
}

const PRINTABLE = Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i));
// Names as Azure's are, heavy in digits and the same few letters so that prefixes and runs meet.
const NAMELIKE = [...'0000111223456789aAbBwW-_. ', 'web', 'rg', '-0', '10'];
const ODD = [...NAMELIKE, 'é', '\u0301', '\u0669', '\u00a0', '\u0000', 'ß', '\uff11'];

describe('natural order', () => {
  it.each(PAIRS)('orders %j and %j as the collator does', (a, b) => {
    expect(sign(naturalOrder(a, b))).toBe(sign(collator.compare(a, b)));
    expect(sign(naturalOrder(b, a))).toBe(sign(collator.compare(b, a)));
  });

  it('orders every pair of printable characters as the collator does', () => {
    const differ: string[] = [];
    for (const a of PRINTABLE)
      for (const b of PRINTABLE)
        if (sign(naturalOrder(a, b)) !== sign(collator.compare(a, b))) differ.push(JSON.stringify([a, b]));
    expect(differ).toEqual([]);
  });

  it.each([
    ['printable', PRINTABLE, 3],
    ['name-like', NAMELIKE, 5],
    ['name-like with some past ASCII', ODD, 9],
  ])('orders 20,000 random pairs of %s names as the collator does', (_, alphabet, seed) => {
    const names = randomNames(40_000, alphabet as string[], seed as number);
    const differ: string[] = [];
    for (let k = 0; k < names.length; k += 2) {
      const [a, b] = [names[k] as string, names[k + 1] as string];
      if (sign(naturalOrder(a, b)) !== sign(collator.compare(a, b))) differ.push(JSON.stringify([a, b]));
    }
    expect(differ).toEqual([]);
  });

  it('sorts a list as the collator sorts it', () => {
    const names = randomNames(3_000, NAMELIKE, 13);
    expect([...names].sort(naturalOrder)).toEqual([...names].sort(collator.compare));
  });
});
