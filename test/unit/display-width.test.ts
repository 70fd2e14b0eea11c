// The bundle's stand-in for string-width must measure exactly as string-width 8 does: Ink lays
// out every frame with it. Compared on the strings our screens draw, on the hard cases of
// Unicode, and on thousands of strings drawn at random from the ranges where they differ most.
import { describe, expect, it } from 'vitest';
import stringWidth from '../../node_modules/string-width/index.js';
import displayWidth from '../../src/term/display-width';
import { SAMPLES, randomStrings } from '../helpers/unicode-samples';

describe('display width', () => {
  it.each(SAMPLES)('measures %j as string-width does', (text) => {
    expect(displayWidth(text)).toBe(stringWidth(text));
    expect(displayWidth(text, { ambiguousIsNarrow: false })).toBe(stringWidth(text, { ambiguousIsNarrow: false }));
    expect(displayWidth(text, { countAnsiEscapeCodes: true })).toBe(stringWidth(text, { countAnsiEscapeCodes: true }));
  });

  it('measures 20,000 random strings from the hard ranges as string-width does', () => {
    const differ = randomStrings(20_000).filter((text) => displayWidth(text) !== stringWidth(text));
    expect(differ.map((text) => [...text].map((c) => c.codePointAt(0)?.toString(16)).join(' '))).toEqual([]);
  });

  it('measures every single code point of the fast ranges as string-width does', () => {
    const differ: string[] = [];
    for (let point = 0; point <= 0x3ffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      if (point > 0x2ffff && point < 0x30000) continue;
      const text = String.fromCodePoint(point);
      if (displayWidth(text) !== stringWidth(text)) differ.push(point.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('is not fooled by non-strings', () => {
    expect(displayWidth(undefined as unknown as string)).toBe(0);
  });
});
