/** How many lines a message takes once wrapped: the console leaves the room for it. */
import { describe, expect, it } from 'vitest';
import { datesUnbroken, wrappedLineCount } from '../../src/term/text-width';

describe('wrappedLineCount', () => {
  it.each([
    ['', 10, 1],
    ['short', 10, 1],
    ['exactly ten', 11, 1],
    ['exactly ten', 10, 2],
    ['one two three four', 9, 3],
    ['a-very-long-word-without-spaces', 10, 4],
    ['x a-very-long-word-without-spaces', 10, 5],
    ['日本語の鍵', 6, 2],
  ])('%j at %i columns: %i lines', (text, width, lines) => {
    expect(wrappedLineCount(text, width)).toBe(lines);
  });

  it('a date and time counts as one word once unbroken, as the screen draws it', () => {
    const text = 'expired on 2026-11-23 12:00 UTC; rotate it';
    expect(wrappedLineCount(datesUnbroken(text), 24)).toBe(3);
    expect(datesUnbroken(text)).toContain('2026-11-23\u00a012:00\u00a0UTC');
  });
});
