/**
 * How many terminal columns a string takes, by the rules of string-width 8 (which Ink and our
 * tables follow), and the bundle's stand-in for that package (scripts/build.mjs aliases it).
 *
 * Why a stand-in: string-width builds an `RGI_Emoji` regular expression and a grapheme segmenter
 * when it loads, which took ~110 ms of the wizard's first frame on a 2-core machine. Almost every
 * string drawn is ASCII, box drawing, arrows, marks or CJK, where each code point is a cluster of
 * its own (graphemes.ts) and East Asian Width alone decides; only the rest (combining marks,
 * joiners, flags, jamo, variation selectors…) go through clusters, and only they build those
 * expressions, once.
 * test/unit/display-width.test.ts checks it against string-width itself.
 */
import { eastAsianWidth } from 'get-east-asian-width';
import stripAnsi from 'strip-ansi';
import { graphemeSegmenter, standsAlone } from './graphemes';

export interface WidthOptions {
  /** East Asian "ambiguous" characters take one column (the default) or two. */
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

const isControl = (codePoint: number) => codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f);

export default function stringWidth(input: string, options: WidthOptions = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  let text = input;
  if (!options.countAnsiEscapeCodes && (text.includes('\u001b') || text.includes('\u009b'))) text = stripAnsi(text);
  const wide = { ambiguousAsWide: options.ambiguousIsNarrow === false };
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x20 && unit <= 0x7e) {
      width += 1;
      continue;
    }
    const codePoint = text.codePointAt(i) as number;
    if (codePoint > 0xffff) i++;
    if (isControl(codePoint)) continue;
    if (!standsAlone(codePoint)) return clusterWidth(text, wide);
    width += eastAsianWidth(codePoint, wide);
  }
  return width;
}

// Built the first time a string needs clusters: each costs tens of milliseconds to make.
let clusterRules:
  | {
      visible: RegExp;
      spacingMark: RegExp;
      rgiEmoji: RegExp;
      pictographic: RegExp;
    }
  | undefined;

function rules() {
  clusterRules ??= {
    // The `v` flag (Node 20 has it) in strings: the compiler's target predates it.
    visible: new RegExp(
      '[^\\p{Default_Ignorable_Code_Point}\\p{Control}\\p{Format}\\p{Nonspacing_Mark}\\p{Enclosing_Mark}\\p{Surrogate}]',
      'v',
    ),
    spacingMark: new RegExp('\\p{Spacing_Mark}', 'v'),
    rgiEmoji: new RegExp('^\\p{RGI_Emoji}$', 'v'),
    pictographic: /\p{Extended_Pictographic}/gu,
  };
  return clusterRules;
}

type Wide = { ambiguousAsWide: boolean };

function clusterWidth(text: string, wide: Wide): number {
  const { visible, rgiEmoji } = rules();
  let width = 0;
  for (const { segment } of graphemeSegmenter.segment(text)) {
    const start = segment.search(visible);
    if (start === -1) continue;
    if (rgiEmoji.test(segment) || isWideEmojiSequence(segment)) {
      width += 2;
      continue;
    }
    const shown = segment.slice(start);
    width +=
      jamoWidth(shown, wide) ?? eastAsianWidth(shown.codePointAt(0) as number, wide) + trailingWidth(shown, wide);
  }
  return width;
}

/** Emoji that terminals draw two wide though they are not "RGI": bare keycaps, joined pictographs. */
function isWideEmojiSequence(segment: string): boolean {
  if (segment.length > 50) return false;
  if (/^[\d#*]\u20e3$/.test(segment)) return true;
  if (!segment.includes('\u200d')) return false;
  return (segment.match(rules().pictographic)?.length ?? 0) >= 2;
}

/** Spacing marks and half/full-width forms after a cluster's first character add their own width. */
function trailingWidth(shown: string, wide: Wide): number {
  let extra = 0;
  let index = 0;
  for (const character of shown) {
    if (index++ === 0) continue;
    if (rules().spacingMark.test(character) || (character >= '\uff00' && character <= '\uffef')) {
      extra += eastAsianWidth(character.codePointAt(0) as number, wide);
    }
  }
  return extra;
}

const inRange = (codePoint: number | undefined, a: number, b: number, c: number, d: number) =>
  codePoint !== undefined && ((codePoint >= a && codePoint <= b) || (codePoint >= c && codePoint <= d));
const isLeadingJamo = (cp: number | undefined) => inRange(cp, 0x1100, 0x115f, 0xa960, 0xa97c);
const isVowelJamo = (cp: number | undefined) => inRange(cp, 0x1160, 0x11a7, 0xd7b0, 0xd7c6);
const isTrailingJamo = (cp: number | undefined) => inRange(cp, 0x11a8, 0x11ff, 0xd7cb, 0xd7fb);
const isJamo = (cp: number) => isLeadingJamo(cp) || isVowelJamo(cp) || isTrailingJamo(cp);

/**
 * A cluster that starts with Hangul jamo: each leading+vowel(+trailing) run is one syllable two
 * columns wide; unpaired jamo add their own widths. Undefined when the cluster is not jamo.
 */
function jamoWidth(shown: string, wide: Wide): number | undefined {
  const { visible } = rules();
  const points = [...shown].filter((character) => visible.test(character)).map((c) => c.codePointAt(0) as number);
  if (points.length === 0 || !isJamo(points[0] as number)) return undefined;
  let width = 0;
  for (let i = 0; i < points.length; i++) {
    const point = points[i] as number;
    if (!isJamo(point)) {
      for (const rest of points.slice(i)) width += eastAsianWidth(rest, wide);
      return width;
    }
    if (isLeadingJamo(point) && isVowelJamo(points[i + 1])) {
      width += 2;
      i += isTrailingJamo(points[i + 2]) ? 2 : 1;
      continue;
    }
    width += eastAsianWidth(point, wide);
  }
  return width;
}
