/**
 * A message as every frame lays it out (issue 34, item 2): wrapped at spaces by us, never a word,
 * a path or a date split, never a blank line; and how many lines it takes, for a view that leaves
 * room for it.
 */
import { describe, expect, it } from 'vitest';
import stringWidth from '../../src/term/display-width';
import { cutMiddle, datesUnbroken, messageLines, wrappedLineCount } from '../../src/term/text-width';

describe('messageLines', () => {
  it.each([
    ['', 10, []],
    ['short', 10, ['short']],
    ['exactly ten', 11, ['exactly ten']],
    ['exactly ten', 10, ['exactly', 'ten']],
    ['one two three four', 9, ['one two', 'three', 'four']],
    ['spaces   between  words ', 20, ['spaces between words']],
    ['two\nparagraphs', 40, ['two', 'paragraphs']],
    ['日本語 の鍵 です', 6, ['日本語', 'の鍵', 'です']],
  ])('%j at %i columns', (text, width, lines) => {
    expect(messageLines(text, width, 'whole')).toEqual(lines);
  });

  it('the issue’s refusal at 60 columns (a frame of 59, less its mark): wrapped by us, no blank line', () => {
    const lines = messageLines('Enter is refused: the key must have at least 12 characters (it has 3)', 57);
    expect(lines).toEqual(['Enter is refused: the key must have at least 12', 'characters (it has 3)']);
    expect(lines.every((line) => stringWidth(line) <= 57 && line.trim() !== '')).toBe(true);
  });

  it('a path that does not fit the rest of the line starts the next one, whole', () => {
    const text = "the folder of '/nonexistent/dir/x.env' does not exist";
    expect(messageLines(text, 30)).toEqual(['the folder of', "'/nonexistent/dir/x.env' does", 'not exist']);
  });

  it('a word wider than the room: a line of its own, whole in the line face, cut in its middle in the full-screen frame', () => {
    const url = 'https://127.0.0.1:41549/web-01-6eccb866f0c8.eastus2.nginxaas.net/';
    expect(messageLines(`Endpoint: ${url} (the dataplane)`, 40, 'whole')).toEqual([
      'Endpoint:',
      url,
      '(the dataplane)',
    ]);
    const cut = messageLines(`Endpoint: ${url} (the dataplane)`, 40, 'cut');
    expect(cut).toHaveLength(3);
    expect(stringWidth(cut[1] ?? '')).toBe(40);
    expect(cut[1]).toMatch(/^https:\/\/127\.0\.0\.1.*….*nginxaas\.net\/$/);
  });

  it('a date and time is one word: never split', () => {
    const text = 'expired on 2026-11-23 12:00 UTC; rotate it';
    expect(messageLines(text, 24)).toEqual(['expired on', '2026-11-23 12:00 UTC;', 'rotate it']);
    expect(wrappedLineCount(text, 24)).toBe(3);
    expect(datesUnbroken(text)).toContain('2026-11-23\u00a012:00\u00a0UTC');
  });
});

describe('cutMiddle', () => {
  it.each([
    ['short', 10, 'short'],
    ['/a/very/long/path/to/file.env', 16, '/a/very…file.env'],
    ['abcdef', 1, '…'],
    ['日本語の鍵ファイル', 9, '日本…イル'],
  ])('%j to %i columns: %j', (text, width, cut) => {
    expect(cutMiddle(text, width)).toBe(cut);
    expect(stringWidth(cutMiddle(text, width))).toBeLessThanOrEqual(width);
  });
});
