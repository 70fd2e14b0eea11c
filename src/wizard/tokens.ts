/**
 * Keys as the wizard understands them. Ink hands over one input at a time, but a paste or
 * `tmux send-keys 'abc' Enter` arrives as one multi-character input: it is split here, character
 * by character, so Enter inside a chunk submits and a backspace inside one deletes.
 */

export type Token =
  | { kind: 'char'; ch: string }
  | { kind: 'enter' }
  | { kind: 'backspace' }
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
  if (key.upArrow) return [{ kind: 'up' }];
  if (key.downArrow) return [{ kind: 'down' }];
  if (key.pageUp) return [{ kind: 'pageUp' }];
  if (key.pageDown) return [{ kind: 'pageDown' }];
  if (key.return) return [{ kind: 'enter' }];
  if (key.escape) return [{ kind: 'escape' }];
  if (key.tab) return [{ kind: 'tab' }];
  if (key.backspace || key.delete) return [{ kind: 'backspace' }];
  if (key.ctrl) return [];
  const tokens: Token[] = [];
  for (const ch of input) {
    if (ch === '\r') tokens.push({ kind: 'enter' });
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
