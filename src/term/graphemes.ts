/**
 * Grapheme clusters as `Intl.Segmenter` gives them, without building one for text whose every code
 * point is a cluster of its own. The first segmenter of a process costs ~10 ms on a 2-core machine
 * (V8 lists every locale ICU has before it picks one), and Ink's output and cli-truncate's
 * slice-ansi segment every line of every frame: the bundle gives both this segmenter in place of
 * theirs (scripts/bundle-options.mjs). Almost everything drawn is ASCII, box drawing, arrows,
 * marks or CJK; the rest (combining marks, joiners, flags, jamo, variation selectors, CR LF) goes
 * to the real segmenter, made the first time it is needed. test/unit/graphemes.test.ts holds the
 * two to the same answers.
 */

/** Ranges whose code points never join a neighbour into one cluster (and are visible). */
const ALONE: ReadonlyArray<readonly [number, number]> = [
  [0x00a0, 0x00ac],
  [0x00ae, 0x02ff],
  [0x2000, 0x200a],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2070, 0x20cf],
  [0x2100, 0x2bff],
  [0x2e80, 0x3029],
  [0x3030, 0x3098],
  [0x309b, 0x3163],
  [0x3165, 0x9fff],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xff01, 0xff9d],
  [0xffe0, 0xffee],
  [0x1f300, 0x1f3fa],
  [0x1f400, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** A visible code point past ASCII that is always a cluster of its own. */
export function standsAlone(codePoint: number): boolean {
  for (const [from, to] of ALONE) {
    if (codePoint < from) return false;
    if (codePoint <= to) return true;
  }
  return false;
}

/**
 * Whether each code point of `text` is its own cluster: printable ASCII, controls (each a cluster
 * of its own, but CR, which joins a following LF) and the ranges above.
 */
export function eachCodePointAlone(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xa0) {
      if (unit === 0x0d) return false;
      continue;
    }
    const codePoint = text.codePointAt(i) as number;
    if (codePoint > 0xffff) i++;
    if (!standsAlone(codePoint)) return false;
  }
  return true;
}

/** What `Intl.Segmenter#segment` answers, as far as Ink's helpers use it. */
export interface GraphemeSegments extends Iterable<Intl.SegmentData> {
  containing(index?: number): Intl.SegmentData | undefined;
}

/** The clusters of a text whose every code point stands alone (eachCodePointAlone). */
class CodePoints implements GraphemeSegments {
  constructor(private readonly input: string) {}

  private at(index: number): Intl.SegmentData {
    const width = (this.input.codePointAt(index) as number) > 0xffff ? 2 : 1;
    return { segment: this.input.slice(index, index + width), index, input: this.input };
  }

  containing(index = 0): Intl.SegmentData | undefined {
    // As the segmenter reads its index: a fraction is cut, and NaN is 0.
    const start = Math.trunc(Number(index)) || 0;
    if (start < 0 || start >= this.input.length) return undefined;
    const lowHalf = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
    const highHalf = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
    const pairStart = start > 0 && lowHalf(this.input.charCodeAt(start)) && highHalf(this.input.charCodeAt(start - 1));
    return this.at(pairStart ? start - 1 : start);
  }

  [Symbol.iterator](): Iterator<Intl.SegmentData> {
    let next = 0;
    return {
      next: () => {
        if (next >= this.input.length) return { done: true, value: undefined };
        const value = this.at(next);
        next += value.segment.length;
        return { done: false, value };
      },
    };
  }
}

let intlSegmenter: Intl.Segmenter | undefined;

/** Stands in for `new Intl.Segmenter(undefined, { granularity: 'grapheme' })`. */
export const graphemeSegmenter = {
  segment(text: string): GraphemeSegments {
    const input = String(text);
    if (eachCodePointAlone(input)) return new CodePoints(input);
    intlSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return intlSegmenter.segment(input);
  },
};
