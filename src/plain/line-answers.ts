/**
 * What the line faces ask, and the intents an answer stands for. The words a question offers
 * are the step's own keymap (wizard/step-table.ts): each binding that applies and has a word for
 * the line face is said with its label, and that word, typed, is its intent. Beside them a few
 * ways of reading an answer: a number, a line that fills a field, + and - for a long list's pages.
 */
import { answersOf, intentsOf, type Answer } from '../wizard/keymap';
import { select, type Intent } from '../wizard/intents';
import type { WizardState } from '../wizard/state';
import { keysOf } from '../wizard/step-table';

export interface LineStep {
  /** Said before the question; `block` names it, so the same block is not said twice in a row. */
  lines: string[];
  block: string;
  /** Lines said at most once while this scene lasts (the panel's facts are not said after every answer). */
  scene?: string;
  /**
   * `short`: the question once its choices have been said (they are said once, and again on `?`):
   * for questions asked again and again (the list, the key console, the panel), never for a
   * question whose answer changes something.
   */
  question: { message: string; hidden?: boolean; short?: string };
  /** The intents an answer stands for, or words saying why it means nothing here (asked again). */
  answer(text: string): Intent[] | string;
}

/** In a text question, this alone goes back a step (no name, date or key is a lone '<'). */
export const BACK = '<';

/** The step's answers now: its keymap's bindings that apply and have a word on the line face. */
export function answers(state: WizardState): Answer<WizardState>[] {
  return answersOf(keysOf(state), state);
}

const NOT_VERBS: Record<string, string> = { back: 'goes back', go: 'goes', switched: 'switched' };

/**
 * A hint's label as the line face says it, in the third person: 'try again' → 'tries again',
 * 'go back' → 'goes back'. The Ink face writes the same label as it is.
 */
export function thirdPerson(label: string): string {
  const [first = '', ...rest] = label.split(' ');
  const word = first.replace(/[,.;:]+$/, '');
  const after = first.slice(word.length);
  const said =
    NOT_VERBS[word] ??
    (/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(s|sh|ch|x|z|o)$/.test(word) ? `${word}es` : `${word}s`);
  return [`${said}${after}`, ...rest].join(' ');
}

/**
 * The answers said after the question's own words: 'y shortens it · n chooses again' for a
 * question, 'n new · r N rotate' for a menu of commands (said as the hint line says them).
 */
export function ask(prompt: string, offered: Answer<WizardState>[], style: 'question' | 'menu' = 'question'): string {
  const said = offered
    .filter((a) => a.label !== undefined)
    .map((a) => {
      const word = a.word === '' ? 'empty' : a.row ? `${a.word} N` : a.word;
      const label = a.label ?? '';
      return `${word} ${style === 'menu' ? label : (a.said ?? thirdPerson(label))}`;
    })
    .join(' · ');
  if (!prompt) return said;
  if (!said) return prompt;
  return `${prompt}${/[?:]$/.test(prompt) ? ' ' : ' · '}${said}`;
}

/** The words that a yes or a no may be written as. */
const ALIASES: Record<string, string> = { yes: 'y', no: 'n' };

/**
 * The intents of the answer `text` when it is one of the step's words; for a word that names a
 * row ('r 2'), the cursor moves to that row first. Undefined when the text is no such word; the
 * words of a refusal when it names no row it could act on.
 */
export function byWord(
  offered: Answer<WizardState>[],
  state: WizardState,
  text: string,
  rows = 0,
): Intent[] | string | undefined {
  const words = text.trim().toLowerCase().split(/\s+/);
  const verb = ALIASES[words[0] ?? ''] ?? words[0] ?? '';
  const answer = offered.find((a) => a.word === verb && (a.word !== '' || text.trim() === ''));
  if (!answer) return undefined;
  const intents = [...intentsOf(answer.binding, state)];
  if (!answer.row) return intents;
  const which = words[1];
  const index = which === undefined && rows === 1 ? 0 : chosenIndex(which ?? '', rows);
  if (index === undefined) return `Name the key by its number: ${verb} 1 to ${verb} ${rows}.`;
  return [select(index), ...intents];
}

/** "Answer y, n or d.": the step's words, for an answer that was none of them. */
export function refusal(offered: Answer<WizardState>[]): string {
  const words = offered.map((a) => (a.row ? `${a.word} N` : a.word === '' ? 'empty' : a.word));
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');
  return `Answer ${list}.`;
}

/** A whole number from 1 to `count`, as an index; undefined when the answer is not one. */
export function chosenIndex(text: string, count: number): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const index = Number(text) - 1;
  return index >= 0 && index < count ? index : undefined;
}

/** How many rows a numbered list shows at a time; + and - turn its pages. */
export const LINE_PAGE = 20;

/** The page of a numbered list that holds the cursor: the rows to say, and where they start. */
export function linePage<T>(rows: T[], cursor: number): { start: number; shown: T[] } {
  const start = Math.floor(Math.max(0, Math.min(cursor, rows.length - 1)) / LINE_PAGE) * LINE_PAGE;
  return { start, shown: rows.slice(start, start + LINE_PAGE) };
}

/** The lines around a page that say what is out of view, and which word shows it. */
export function pageLines(
  count: number,
  start: number,
  shown: number,
  narrow = '',
): { before: string[]; after: string[] } {
  const below = count - start - shown;
  return {
    before: start > 0 ? [`  … ${start} above: - shows them.`] : [],
    after: below > 0 ? [`  … ${below} more: + shows them${narrow}.`] : [],
  };
}

/** + and - as the cursor moved to the next or the previous page; undefined otherwise. */
export function turnPage(text: string, cursor: number, count: number): Intent[] | undefined {
  const start = Math.floor(cursor / LINE_PAGE) * LINE_PAGE;
  if (text.trim() === '+') return [select(Math.min(count - 1, start + LINE_PAGE))];
  if (text.trim() === '-') return [select(Math.max(0, start - LINE_PAGE))];
  return undefined;
}
