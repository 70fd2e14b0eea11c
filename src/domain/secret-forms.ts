/**
 * A server's message may quote what we sent it: a 400 that repeats the key, a 500 that echoes the
 * request (with its bearer token), JSON-escaped, percent-encoded, as HTML, or in base64 of the
 * whole body. Each value we know is masked in every form a reader could turn back into it; when a
 * decoding of what is left still yields one, masking was not enough and the words are not shown.
 */

import { NAMED_ENTITIES } from './html-entities';
import { readingsOf } from './secret-readings';

/** What stands where a secret or a token was quoted by a server. */
export const MASK = '•••';

/** Shorter values are not masked: they would mask ordinary words. */
const SHORTEST = 6;

export interface Masked {
  text: string;
  /** False when the text, decoded in some way a reader could, still holds a known value. */
  certain: boolean;
}

const JSON_SHORT: Record<string, string> = {
  '"': '\\\\"',
  '\\': '\\\\\\\\',
  '/': '\\\\/',
  '\b': '\\\\b',
  '\f': '\\\\f',
  '\n': '\\\\n',
  '\r': '\\\\r',
  '\t': '\\\\t',
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A hex number in either case: `[aA][fF]`. */
function hexEitherCase(value: number, width: number): string {
  return Array.from(value.toString(16).padStart(width, '0'))
    .map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
    .join('');
}

/**
 * Every way one character may be written by an encoder that leaves the others readable: as is,
 * percent-encoded (UTF-8, either case, `+` for a space; `escape()`'s %XX and %uXXXX), JSON-escaped
 * (its short forms, \uXXXX), and as an HTML entity (named, decimal, hex, with or without the `;`).
 */
function characterForms(char: string): string[] {
  const code = char.codePointAt(0) ?? 0;
  const units = Array.from({ length: char.length }, (_, i) => char.charCodeAt(i));
  const forms = [escapeRegExp(char)];
  forms.push(
    Array.from(Buffer.from(char, 'utf8'))
      .map((byte) => `%${hexEitherCase(byte, 2)}`)
      .join(''),
  );
  if (char === ' ') forms.push('\\+');
  if (code >= 0x80 && code <= 0xff) forms.push(`%${hexEitherCase(code, 2)}`);
  if (code > 0xff) forms.push(units.map((unit) => `%[uU]${hexEitherCase(unit, 4)}`).join(''));
  forms.push(units.map((unit) => `\\\\[uU]${hexEitherCase(unit, 4)}`).join(''));
  if (JSON_SHORT[char]) forms.push(JSON_SHORT[char]);
  forms.push(`&#0*${code};?`, `&#[xX]0*${hexEitherCase(code, 1)};?`);
  for (const name of NAMED_ENTITIES[char] ?? []) forms.push(`&${name};?`);
  return forms;
}

const characterPatterns = new Map<string, RegExp[]>();

function characterPattern(char: string): RegExp[] {
  let patterns = characterPatterns.get(char);
  if (!patterns) {
    patterns = characterForms(char).map((form) => new RegExp(form, 'y'));
    characterPatterns.set(char, patterns);
  }
  return patterns;
}

/** How many tries one starting place may take: past it, the reading below still judges the text. */
const MOST_TRIES = 20_000;

/**
 * Masks the value written character by character in any mixture of the forms above. (One sticky
 * pattern per character, tried in turn, rather than one pattern for the whole value: a token has
 * a thousand characters, and a pattern that long is slow to build and to run.)
 */
function maskCharacterwise(text: string, value: string): string {
  const patterns = Array.from(value).map(characterPattern);
  let out = '';
  let from = 0;
  let start = 0;
  while (start < text.length) {
    const end = matchAt(text, start, patterns);
    if (end === undefined) {
      start++;
      continue;
    }
    out += `${text.slice(from, start)}${MASK}`;
    from = start = end;
  }
  return out + text.slice(from);
}

/** Where the value ends when it starts here, each character in any of its forms (`\\` may be one or two). */
function matchAt(text: string, start: number, patterns: RegExp[][]): number | undefined {
  let tries = 0;
  const from = (at: number, index: number): number | undefined => {
    if (index === patterns.length) return at;
    for (const pattern of patterns[index] ?? []) {
      if (++tries > MOST_TRIES) return undefined;
      pattern.lastIndex = at;
      const found = pattern.exec(text);
      if (!found) continue;
      const end = from(at + found[0].length, index + 1);
      if (end !== undefined) return end;
    }
    return undefined;
  };
  return from(start, 0);
}

/** The texts whose bytes a server may base64: the value, and the value as a JSON body or a form carries it. */
function encodedTexts(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const asciiJson = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const twice = JSON.stringify(json).slice(1, -1);
  return [
    ...new Set([
      value,
      json,
      asciiJson,
      twice,
      json.replace(/\//g, '\\/'),
      encodeURIComponent(value),
      formEncoded(value),
    ]),
  ];
}

/** application/x-www-form-urlencoded, as URLSearchParams writes it. */
function formEncoded(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/**
 * The base64 of a text wherever it sits in a larger one: for each of the three byte offsets, the
 * characters of the encoding that depend on the text's bytes alone (the stable middle), in both
 * alphabets; and the text's own encoding, with its padding.
 */
function base64Forms(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const whole = bytes.toString('base64');
  const wholeUrl = whole.replace(/\+/g, '-').replace(/\//g, '_');
  const forms = [whole, whole.replace(/=+$/, ''), wholeUrl, wholeUrl.replace(/=+$/, '')];
  for (const alphabet of ['base64', 'base64url'] as const) {
    for (let offset = 0; offset < 3; offset++) {
      const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString(alphabet);
      // Character i carries bits 6i..6i+5: it is stable when they all fall within the text's bytes.
      const first = Math.ceil((offset * 8) / 6);
      const last = Math.floor(((offset + bytes.length) * 8 - 6) / 6);
      if (last - first + 1 >= SHORTEST) forms.push(encoded.slice(first, last + 1));
    }
  }
  return forms;
}

/** The literal forms, longest first, so that a whole encoding is masked before a part of it. */
function literalForms(value: string): string[] {
  const texts = encodedTexts(value);
  const forms = new Set([...texts, ...texts.flatMap(base64Forms)]);
  return [...forms].filter((form) => form.length >= SHORTEST).sort((a, b) => b.length - a.length);
}

/** Each value's forms, made once: a run knows a few keys and tokens, and may mask many messages. */
const formsOf = new Map<string, string[]>();

function literalsOf(value: string): string[] {
  let found = formsOf.get(value);
  if (!found) {
    if (formsOf.size > 64) formsOf.clear();
    found = literalForms(value);
    formsOf.set(value, found);
  }
  return found;
}

export function maskSecrets(text: string, known: Iterable<string>): Masked {
  const values = [...new Set(known)].filter((value) => value.length >= SHORTEST);
  let masked = text;
  for (const value of values) {
    for (const form of literalsOf(value)) if (masked.includes(form)) masked = masked.split(form).join(MASK);
    masked = maskCharacterwise(masked, value);
  }
  if (values.length === 0) return { text: masked, certain: true };
  // A run of base64 shorter than this cannot hold the shortest value.
  const shortestRun = Math.ceil((Math.min(...values.map((v) => Buffer.byteLength(v, 'utf8'))) * 4) / 3);
  const read = readingsOf(masked, Math.max(8, shortestRun));
  // Readings cut short (a text with very many runs of base64) cannot vouch for the masking.
  if (!read.complete) return { text: masked, certain: false };
  return { text: masked, certain: !values.some((value) => read.all.some((reading) => reading.includes(value))) };
}
