/**
 * Keys as data. Each step owns a keymap: a list of bindings, each a key (or a few) → an intent,
 * its label, and when it applies (a predicate on the step's state), as k9s keeps its KeyActions.
 * The Ink face reads a keystroke through it and draws its hint line from it; the line face draws
 * its question from the same bindings and turns an answer into their intents. So a step's keys,
 * its hints and its line question cannot drift apart: they are one list.
 */
import { edit } from './line-edit';
import { CANCEL, setText, type FieldName, type Intent } from './intents';
import type { Token } from './tokens';

/** A key as a binding names it: a token's kind ('enter', 'escape', 'up'…), or one character (either case). */
export type KeyName = Exclude<Token['kind'], 'char'> | (string & {});

export interface Binding<S = unknown> {
  /** The keys that give this intent in the Ink face; none for an answer only the line face has. */
  keys: readonly KeyName[];
  /** How the hint line writes the key ('↑↓', 'Esc'); by default the first key's own name. */
  shown?: string;
  /** What it does, in a few words ('try again'); without one it is a second way, drawn nowhere. */
  label?: string | ((state: S) => string);
  /**
   * How the line face says the label, where the hint's few words make no sentence of their own
   * ('show' → 'shows it'); by default the label in the third person ('try again' → 'tries again').
   */
  said?: string;
  /** The intent (or intents, in order); a function of the state and the key for moves. */
  intent: Intent | readonly Intent[] | ((state: S, token?: Token) => Intent | readonly Intent[] | undefined);
  /** When it applies; always, without one. */
  when?: (state: S) => boolean;
  /** It applies, but neither face offers it (paging, on a list that fits; Enter, where a y is asked first). */
  hidden?: (state: S) => boolean;
  /**
   * The line face's answer that stands for it: by default the key when it is one character, '<'
   * for Esc; '' is the empty answer; false: the line face has no such answer (↑↓ move rows there
   * by number).
   */
  word?: string | false;
  /** The line face names the row it acts on after the word ('r 2'): the cursor moves there first. */
  row?: boolean;
  /** Only in one face: a key the other has no use for, or an answer that means two keys there. */
  face?: 'ink' | 'line';
}

/** What a step types into now, and its text. */
export interface FieldNow {
  name: FieldName;
  text: string;
}

const KEY_NAMES: Partial<Record<string, string>> = {
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  ctrlC: 'Ctrl+C',
  up: '↑↓',
  down: '↑↓',
  pageUp: 'PgUp PgDn',
  pageDown: 'PgUp PgDn',
  first: 'Home',
  last: 'End',
};

function applies<S>(binding: Binding<S>, state: S, face: 'ink' | 'line'): boolean {
  return (binding.face === undefined || binding.face === face) && (binding.when?.(state) ?? true);
}

export function labelOf<S>(binding: Binding<S>, state: S): string | undefined {
  return typeof binding.label === 'function' ? binding.label(state) : binding.label;
}

export function intentsOf<S>(binding: Binding<S>, state: S, token?: Token): readonly Intent[] {
  const intent = typeof binding.intent === 'function' ? binding.intent(state, token) : binding.intent;
  if (intent === undefined) return [];
  return Array.isArray(intent) ? intent : [intent as Intent];
}

function matches(binding: Binding<never>, token: Token): boolean {
  if (token.kind === 'char') return binding.keys.includes(token.ch.toLowerCase());
  return binding.keys.includes(token.kind);
}

/**
 * A keystroke of the Ink face, read through the step's keymap: its binding's intents, else (in a
 * step with a field) the field edited as readline edits a line. Ctrl+C is the same everywhere.
 */
export function intentsForKey<S>(
  bindings: readonly Binding<S>[],
  field: FieldNow | undefined,
  state: S & { caretBack: number },
  token: Token,
): readonly Intent[] {
  if (token.kind === 'ctrlC') return [CANCEL];
  const binding = bindings.find((b) => matches(b as Binding<never>, token) && applies(b, state, 'ink'));
  if (binding) return intentsOf(binding, state, token);
  if (!field) return [];
  const edited = edit(field.text, token, state.caretBack);
  return edited ? [setText(field.name, edited.text, edited.caretBack)] : [];
}

/** The hint line of the Ink face: each binding that applies and has a label, as [key, label]. */
export function hintsOf<S>(bindings: readonly Binding<S>[], state: S): [string, string][] {
  const hints: [string, string][] = [];
  for (const binding of bindings) {
    const label = labelOf(binding, state);
    if (!label || !applies(binding, state, 'ink') || binding.hidden?.(state)) continue;
    const key = binding.shown ?? KEY_NAMES[binding.keys[0] ?? ''] ?? binding.keys[0] ?? '';
    hints.push([key, label]);
  }
  return hints;
}

/** The line face's answers of a step: each binding that applies and has a word, with its label. */
export interface Answer<S = unknown> {
  word: string;
  label: string | undefined;
  said: string | undefined;
  row: boolean;
  binding: Binding<S>;
}

export function answersOf<S>(bindings: readonly Binding<S>[], state: S): Answer<S>[] {
  const answers: Answer<S>[] = [];
  for (const binding of bindings) {
    if (!applies(binding, state, 'line') || binding.hidden?.(state)) continue;
    const first = binding.keys[0];
    const word = binding.word ?? (first === 'escape' ? '<' : first !== undefined && first.length === 1 ? first : false);
    if (word === false) continue;
    answers.push({ word, label: labelOf(binding, state), said: binding.said, row: binding.row === true, binding });
  }
  return answers;
}
