/**
 * The dataplane API key policy of NGINXaaS: at least 12 characters and 3 of the 4 classes
 * lowercase, uppercase, digits, symbols.
 *
 * Our reading where the service's documentation is silent:
 * - a "symbol" is printable ASCII that is neither a letter nor a digit (`!` to `~`);
 * - only printable ASCII without spaces is accepted at all: a space, a control character, a
 *   line break or a non-ASCII character is refused outright, because such keys break in
 *   shells, YAML, `helm --set` and HTTP headers, and the service's counting of them is unknown.
 */

export type RuleId = 'length' | 'lowercase' | 'uppercase' | 'digit' | 'symbol' | 'classes' | 'charset';

export interface RuleResult {
  id: RuleId;
  label: string;
  ok: boolean;
  /** A required rule must pass; the four class rules only count towards "3 of 4". */
  required: boolean;
  detail?: string;
}

export interface PolicyResult {
  ok: boolean;
  rules: RuleResult[];
  /** The first failing required rule, in words, for one-line messages. */
  problem?: string;
}

export const MIN_SECRET_LENGTH = 12;
/**
 * Our bound: the service publishes none. 256 characters is far beyond any key people use (a
 * UUIDv4 has 36) and keeps a mistaken file or paste from being read whole and sent to Azure.
 */
export const MAX_SECRET_LENGTH = 256;
export const MIN_CLASSES = 3;

const CLASS_TESTS = {
  lowercase: (c: number) => c >= 0x61 && c <= 0x7a,
  uppercase: (c: number) => c >= 0x41 && c <= 0x5a,
  digit: (c: number) => c >= 0x30 && c <= 0x39,
  symbol: (c: number) => c >= 0x21 && c <= 0x7e && !isAsciiAlphanumeric(c),
} as const;

const CLASS_LABELS: Record<keyof typeof CLASS_TESTS, string> = {
  lowercase: 'a lowercase letter (a-z)',
  uppercase: 'an uppercase letter (A-Z)',
  digit: 'a digit (0-9)',
  symbol: 'a symbol (such as - _ . : + @)',
};

function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isAllowedSecretCharacter(char: string): boolean {
  const c = char.codePointAt(0) ?? 0;
  return char.length === 1 && c >= 0x21 && c <= 0x7e;
}

export function describeCharacter(char: string): string {
  const c = char.codePointAt(0) ?? 0;
  if (char === ' ') return 'a space';
  if (char === '\n' || char === '\r') return 'a line break';
  if (char === '\t') return 'a tab';
  if (c < 0x20 || c === 0x7f) return `a control character (U+${c.toString(16).toUpperCase().padStart(4, '0')})`;
  return `'${char}' (not plain ASCII)`;
}

export function evaluate(secret: string): PolicyResult {
  const chars = Array.from(secret);
  const codes = chars.map((ch) => ch.codePointAt(0) ?? 0);
  const classes = (Object.keys(CLASS_TESTS) as (keyof typeof CLASS_TESTS)[]).map((id) => ({
    id,
    ok: codes.some(CLASS_TESTS[id]),
  }));
  const classCount = classes.filter((c) => c.ok).length;
  const badIndex = chars.findIndex((ch) => !isAllowedSecretCharacter(ch));

  const rules: RuleResult[] = [
    {
      id: 'length',
      label: `at least ${MIN_SECRET_LENGTH} characters`,
      ok: chars.length >= MIN_SECRET_LENGTH && chars.length <= MAX_SECRET_LENGTH,
      required: true,
      detail: `${chars.length} so far`,
    },
    ...classes.map((c): RuleResult => ({ id: c.id, label: CLASS_LABELS[c.id], ok: c.ok, required: false })),
    {
      id: 'classes',
      label: `${MIN_CLASSES} of the 4 kinds above`,
      ok: classCount >= MIN_CLASSES,
      required: true,
      detail: `${classCount} of 4`,
    },
    {
      id: 'charset',
      label: 'only printable ASCII, no spaces',
      ok: badIndex < 0,
      required: true,
      detail: badIndex >= 0 ? `${describeCharacter(chars[badIndex] ?? '')} at position ${badIndex + 1}` : undefined,
    },
  ];

  const failing = rules.find((r) => r.required && !r.ok);
  if (!failing) return { ok: true, rules };
  const problems: Record<string, string> = {
    length:
      chars.length > MAX_SECRET_LENGTH
        ? `the key must have at most ${MAX_SECRET_LENGTH} characters (it has ${chars.length})`
        : `the key must have at least ${MIN_SECRET_LENGTH} characters (it has ${chars.length})`,
    classes: `the key must mix at least ${MIN_CLASSES} of: lowercase, uppercase, digits, symbols (it has ${classCount})`,
    charset: `the key may hold only printable ASCII without spaces: found ${failing.detail}`,
  };
  return { ok: false, rules, problem: problems[failing.id] ?? failing.label };
}
