/**
 * The HTML entities a server's message may use for a key's characters, both ways: by character
 * (to mask every form of a secret) and by name (to decode a message and look again). Used by
 * secret-forms.ts.
 */

/** The named HTML entities of the characters a key may hold (and of the no-break space). */
export const NAMED_ENTITIES: Record<string, string[]> = {
  '"': ['quot', 'QUOT'],
  '&': ['amp', 'AMP'],
  '<': ['lt', 'LT'],
  '>': ['gt', 'GT'],
  "'": ['apos'],
  '!': ['excl'],
  '#': ['num'],
  $: ['dollar'],
  '%': ['percnt'],
  '(': ['lpar'],
  ')': ['rpar'],
  '*': ['ast', 'midast'],
  '+': ['plus'],
  ',': ['comma'],
  '.': ['period'],
  '/': ['sol'],
  ':': ['colon'],
  ';': ['semi'],
  '=': ['equals'],
  '?': ['quest'],
  '@': ['commat'],
  '[': ['lsqb', 'lbrack'],
  '\\': ['bsol'],
  ']': ['rsqb', 'rbrack'],
  '^': ['Hat'],
  _: ['lowbar', 'UnderBar'],
  '`': ['grave', 'DiacriticalGrave'],
  '{': ['lcub', 'lbrace'],
  '|': ['verbar', 'vert', 'VerticalLine'],
  '}': ['rcub', 'rbrace'],
  '~': ['tilde'],
  '-': ['hyphen', 'dash'],
  '\u00a0': ['nbsp', 'NonBreakingSpace'],
};

export const ENTITY_VALUES = new Map<string, string>(
  Object.entries(NAMED_ENTITIES).flatMap(([char, names]) => names.map((name) => [name, char] as [string, string])),
);
