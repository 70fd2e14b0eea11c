// The bundle gives Ink's output and slice-ansi src/term/graphemes.ts in place of Intl.Segmenter:
// every answer must be the segmenter's own, for the strings our screens draw, the hard cases of
// Unicode, thousands of random strings, and every code point it claims stands alone.
import { describe, expect, it } from 'vitest';
import { eachCodePointAlone, graphemeSegmenter, standsAlone } from '../../src/term/graphemes';
import { SAMPLES, randomStrings } from '../helpers/unicode-samples';

const intl = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const ANSI = [
  '\u001b[32m✔\u001b[39m web-01 \u001b]8;;https://example.test\u0007link\u001b]8;;\u0007',
  '\u001b[1m\u001b[2K\u001b[1A\u001b[G╭─ Review ─╮',
  'a\r\nb\rc\nd',
  '\r',
  'x\u001b',
];

const asData = (segments: Iterable<Intl.SegmentData>) =>
  [...segments].map(({ segment, index, input }) => ({ segment, index, input }));

function sameAsIntl(text: string): void {
  expect(asData(graphemeSegmenter.segment(text))).toEqual(asData(intl.segment(text)));
  const ours = graphemeSegmenter.segment(text);
  const theirs = intl.segment(text);
  for (const index of [-1, -0.5, ...Array.from({ length: text.length + 1 }, (_, i) => i), 0.5, Number.NaN]) {
    const mine = ours.containing(index);
    const real = theirs.containing(index);
    expect(mine && { ...mine }, `containing(${index}) of ${JSON.stringify(text)}`).toEqual(real && { ...real });
  }
  expect(ours.containing()).toEqual(theirs.containing());
}

describe('grapheme segments without Intl.Segmenter', () => {
  it.each([...SAMPLES, ...ANSI])('segments %j as Intl.Segmenter does', (text) => sameAsIntl(text));

  it('segments 20,000 random strings from the hard ranges as Intl.Segmenter does', () => {
    const differ = randomStrings(20_000, 11).filter(
      (text) => JSON.stringify(asData(graphemeSegmenter.segment(text))) !== JSON.stringify(asData(intl.segment(text))),
    );
    expect(differ.map((text) => [...text].map((c) => c.codePointAt(0)?.toString(16)).join(' '))).toEqual([]);
  });

  it('takes the code points it says stand alone for clusters of their own, beside anything', () => {
    const joins: string[] = [];
    for (let point = 0xa0; point <= 0x3ffff; point++) {
      if (!standsAlone(point)) continue;
      const alone = String.fromCodePoint(point);
      // A cluster joins only after Prepend, before Extend, ZWJ or SpacingMark, or in pairs of
      // regional indicators and of jamo: letters either side and a pair of itself find each.
      if ([...intl.segment(`a${alone}b`)].length !== 3 || [...intl.segment(alone + alone)].length !== 2)
        joins.push(point.toString(16));
    }
    expect(joins).toEqual([]);
  });

  it('goes to the real segmenter for everything else', () => {
    for (const text of ['e\u0301', '👍🏽', '🇩🇪', '\r\n', '\u1100\u1161', '❤️', 'ab\ud800cd', 'ab\udc00'])
      expect(eachCodePointAlone(text), JSON.stringify(text)).toBe(false);
    for (const text of ['', 'web-01', '⠋ Finding deployments…', '╭─╮ 日本語 😀', '\u001b[32m\t\n'])
      expect(eachCodePointAlone(text), JSON.stringify(text)).toBe(true);
  });

  it('segments what it is given as a string, as Intl.Segmenter does', () => {
    expect(asData(graphemeSegmenter.segment(42 as unknown as string))).toEqual(asData(intl.segment('42')));
  });
});
