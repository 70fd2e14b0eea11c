/**
 * Editing a one-line field as readline does: the caret moves (←/→, Home/End, Ctrl+A/E), Ctrl+U
 * clears what is before the caret, Ctrl+W the word before it, Ctrl+K what is after it. The caret
 * is kept as a count from the end, so a field filled from outside (a preset name) starts with
 * the caret after its text without being told.
 */
import type { Token } from './tokens';

export interface Edited {
  text: string;
  /** Characters between the caret and the end of the text. */
  caretBack: number;
}

export function edit(text: string, token: Token, caretBack = 0): Edited | undefined {
  const chars = Array.from(text);
  const caret = chars.length - Math.min(Math.max(caretBack, 0), chars.length);
  const before = chars.slice(0, caret);
  const after = chars.slice(caret);
  const result = (b: string[], a: string[]): Edited => ({ text: b.join('') + a.join(''), caretBack: a.length });
  switch (token.kind) {
    case 'char':
      return result([...before, token.ch], after);
    case 'backspace':
      return result(before.slice(0, -1), after);
    case 'deleteForward':
      return result(before, after.slice(1));
    case 'left':
      return result(before.slice(0, -1), [...before.slice(-1), ...after]);
    case 'right':
      return result([...before, ...after.slice(0, 1)], after.slice(1));
    case 'home':
    case 'first':
      return result([], chars);
    case 'end':
    case 'last':
      return result(chars, []);
    case 'killBefore':
      return result([], after);
    case 'killAfter':
      return result(before, []);
    case 'killWord':
      return result(before.slice(0, wordStart(before)), after);
    default:
      return undefined;
  }
}

/** Where the word before the caret starts: trailing spaces, then everything up to a space. */
function wordStart(before: string[]): number {
  let i = before.length;
  while (i > 0 && before[i - 1] === ' ') i--;
  while (i > 0 && before[i - 1] !== ' ') i--;
  return i;
}
