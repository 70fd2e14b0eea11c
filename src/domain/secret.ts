/**
 * Making, masking and hinting dataplane API keys. The random source is passed in so the
 * redraw paths can be tested; callers pass node:crypto.
 */
import { evaluate } from './policy';

export interface RandomSource {
  randomUUID(): string;
  randomBytes(size: number): Uint8Array;
}

/** A UUIDv4, the documented example. About 1 in 2.7 million has no letter (2 classes): redrawn. */
export function generateUuidKey(random: RandomSource, maxDraws = 64): string {
  for (let draw = 0; draw < maxDraws; draw++) {
    const candidate = random.randomUUID();
    if (evaluate(candidate).ok) return candidate;
  }
  throw new Error('the random source gave no UUID that passes the key policy');
}

/**
 * Symbols that survive shells, YAML, `helm --set`, .env files and HTTP headers unquoted.
 * Left out on purpose: , = \ ' " ` $ # { } space (and the rest of the shell's specials).
 */
export const SAFE_SYMBOLS = '-_.:+@';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALPHANUMERIC = LOWER + UPPER + DIGITS;
const ALPHABET = ALPHANUMERIC + SAFE_SYMBOLS;

/** Uniform choice from `alphabet` by rejection sampling (no modulo bias). */
function pick(alphabet: string, random: RandomSource): string {
  const limit = 256 - (256 % alphabet.length);
  for (;;) {
    for (const byte of random.randomBytes(16)) {
      if (byte < limit) return alphabet[byte % alphabet.length] as string;
    }
  }
}

/**
 * A stronger key: `length` characters with all four classes, starting and ending with a letter
 * or digit (a leading `-`, `@` or `:` means something to YAML and to command lines).
 */
export function generateStrongKey(random: RandomSource, length = 32): string {
  if (length < 12) throw new RangeError('a strong key needs at least 12 characters');
  for (;;) {
    let key = pick(ALPHANUMERIC, random);
    for (let i = 1; i < length - 1; i++) key += pick(ALPHABET, random);
    key += pick(ALPHANUMERIC, random);
    const rules = evaluate(key).rules;
    if (rules.every((rule) => rule.ok)) return key;
  }
}

export const HINT_LENGTH = 3;

/** What the service returns as `hint`: the first three characters. */
export function hintOf(secret: string): string {
  return Array.from(secret).slice(0, HINT_LENGTH).join('');
}

export const MASK_CHAR = '•';

/** The hint, then a fixed run of bullets: the length of the key is not shown either. */
export function maskSecret(secretOrHint: string): string {
  return `${hintOf(secretOrHint)}${MASK_CHAR.repeat(12)}`;
}
