/**
 * `list --all -o json` is written a part at a time (src/term/json-in-parts.ts): the bytes must be
 * JSON.stringify(document, null, 2)'s own, for an empty list, a list shorter than a part, one
 * that ends on a part's edge and one that does not, with and without members before it.
 */
import { describe, expect, it } from 'vitest';
import { jsonInParts, PART } from '../../src/term/json-in-parts';

const item = (i: number) => ({
  name: `edge-${i}`,
  keys: i % 3 === 0 ? [] : [{ name: 'k', hint: 'ab\n"c', endDateTime: null, nested: { deep: [1, { x: i }] } }],
  problem: i % 4 === 0 ? `cannot be read: "quota"\t${i}` : undefined,
});

describe('jsonInParts', () => {
  const heads: Record<string, unknown>[] = [{}, { summary: { keys: 3, within: [1, 2] } }, { a: 1, b: 'two' }];
  const lengths = [0, 1, 7, PART, 2 * PART, 2 * PART + 1, 1000];
  for (const head of heads)
    for (const length of lengths)
      it(`writes ${length} items after ${Object.keys(head).length} members as JSON.stringify does`, () => {
        const items = Array.from({ length }, (_, i) => i);
        const parts: string[] = [];
        jsonInParts(head, 'deployments', items, item, (text) => parts.push(text));
        expect(parts.join('')).toBe(`${JSON.stringify({ ...head, deployments: items.map(item) }, null, 2)}\n`);
        // Never one string for the whole list: at most PART items a write.
        expect(parts.length).toBe(length === 0 ? 1 : 2 + Math.ceil(length / PART));
      });
});
