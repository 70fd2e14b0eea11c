/**
 * One vocabulary of keys for every kind of test: each key as a terminal sends it (a pty, Ink's
 * stdin) and as Ink reports it to the machine (its flags), under one name.
 */
import type { KeyFlags } from '../../src/wizard/tokens';

const KEYS = {
  enter: { sequence: '\r', flags: { return: true } },
  esc: { sequence: '\u001b', flags: { escape: true } },
  up: { sequence: '\u001b[A', flags: { upArrow: true } },
  down: { sequence: '\u001b[B', flags: { downArrow: true } },
  left: { sequence: '\u001b[D', flags: { leftArrow: true } },
  home: { sequence: '\u001b[H', flags: { home: true } },
  end: { sequence: '\u001b[F', flags: { end: true } },
  pageUp: { sequence: '\u001b[5~', flags: { pageUp: true } },
  pageDown: { sequence: '\u001b[6~', flags: { pageDown: true } },
  tab: { sequence: '\t', flags: { tab: true } },
  backspace: { sequence: '\u007f', flags: { backspace: true } },
  ctrlC: { sequence: '\u0003', flags: { ctrl: true } },
  ctrlU: { sequence: '\u0015', flags: { ctrl: true } },
  ctrlW: { sequence: '\u0017', flags: { ctrl: true } },
} as const satisfies Record<string, { sequence: string; flags: KeyFlags }>;

export type KeyName = keyof typeof KEYS;

/** What a terminal sends for each key. */
export const KEY = Object.fromEntries(Object.entries(KEYS).map(([name, k]) => [name, k.sequence])) as {
  [N in KeyName]: (typeof KEYS)[N]['sequence'];
};

/** How Ink reports each key to the machine: its flags, and the letter that goes with Ctrl. */
export function pressed(name: KeyName): { input: string; key: KeyFlags } {
  const ctrlLetter = name.startsWith('ctrl') ? name.slice(4).toLowerCase() : '';
  return { input: ctrlLetter, key: KEYS[name].flags };
}
