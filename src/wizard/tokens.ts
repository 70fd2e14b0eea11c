/**
 * Keys as the wizard understands them. Ink hands over one input at a time, but a paste or
 * `tmux send-keys 'abc' Enter` arrives as one multi-character input: it is split here, character
 * by character, so Enter inside a chunk submits and a backspace inside one deletes.
 */

export type Token =
  | { kind: 'char'; ch: string }
  | { kind: 'enter' }
  | { kind: 'backspace' }
  | { kind: 'deleteForward' }
  | { kind: 'left' }
  | { kind: 'right' }
  /** Ctrl+A and Ctrl+E: the caret to the start or the end of a field. */
  | { kind: 'home' }
  | { kind: 'end' }
  /**
   * The Home and End keys: in a field the caret, as Ctrl+A and Ctrl+E; in a list with a filter
   * field above it, the first and last rows (the filter keeps Ctrl+A, Ctrl+E, ← and →).
   */
  | { kind: 'first' }
  | { kind: 'last' }
  /** Ctrl+U: what is before the caret. */
  | { kind: 'killBefore' }
  /** Ctrl+K: what is after the caret. */
  | { kind: 'killAfter' }
  /** Ctrl+W: the word before the caret. */
  | { kind: 'killWord' }
  | { kind: 'escape' }
  | { kind: 'up' }
  | { kind: 'down' }
  | { kind: 'pageUp' }
  | { kind: 'pageDown' }
  | { kind: 'tab' }
  | { kind: 'ctrlC' };

/** The subset of Ink's key object that the wizard reads. */
export interface KeyFlags {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  home?: boolean;
  end?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

export function tokensOf(input: string, key: KeyFlags): Token[] {
  if (key.ctrl && input === 'c') return [{ kind: 'ctrlC' }];
  const editing = key.ctrl ? CTRL_KEYS[input] : undefined;
  if (editing) return [editing];
  if (key.upArrow) return [{ kind: 'up' }];
  if (key.downArrow) return [{ kind: 'down' }];
  if (key.leftArrow) return [{ kind: 'left' }];
  if (key.rightArrow) return [{ kind: 'right' }];
  if (key.home) return [{ kind: 'first' }];
  if (key.end) return [{ kind: 'last' }];
  if (key.pageUp) return [{ kind: 'pageUp' }];
  if (key.pageDown) return [{ kind: 'pageDown' }];
  if (key.return) return [{ kind: 'enter' }];
  if (key.escape) return [{ kind: 'escape' }];
  if (key.tab) return [{ kind: 'tab' }];
  if (key.backspace || key.delete) return [{ kind: 'backspace' }];
  if (key.ctrl) return [];
  const tokens: Token[] = [];
  for (const ch of input) {
    const control = CONTROL_CHARACTERS[ch];
    if (control) tokens.push(control);
    else if (ch === '\r') tokens.push({ kind: 'enter' });
    else if (ch === '\x7f' || ch === '\b') tokens.push({ kind: 'backspace' });
    else if (ch === '\x03') tokens.push({ kind: 'ctrlC' });
    else if (ch === '\n')
      continue; // a pasted line break: single-line fields drop it
    else if (ch === '\t') tokens.push({ kind: 'tab' });
    // Other control characters are kept: the name rule and the key policy name them.
    else tokens.push({ kind: 'char', ch });
  }
  return tokens;
}

/** Ctrl+letter as Ink reports it (the letter, with ctrl set): readline's editing keys. */
const CTRL_KEYS: Record<string, Token> = {
  a: { kind: 'home' },
  e: { kind: 'end' },
  u: { kind: 'killBefore' },
  k: { kind: 'killAfter' },
  w: { kind: 'killWord' },
  d: { kind: 'deleteForward' },
};

/** The same keys when they arrive inside a chunk of input (tmux send-keys C-u, a paste). */
const CONTROL_CHARACTERS: Record<string, Token> = {
  '\x01': { kind: 'home' },
  '\x05': { kind: 'end' },
  '\x15': { kind: 'killBefore' },
  '\x0b': { kind: 'killAfter' },
  '\x17': { kind: 'killWord' },
};
