/**
 * What the line faces ask, and the keys an answer stands for: the machine's own keys, as a
 * terminal would have sent them, and the few ways an answer is read (a number, a line that
 * replaces a field, a lone '<' that goes back).
 */
import type { KeyFlags } from '../wizard/tokens';

/** One input for the machine, as a terminal would have sent it. */
export interface Keys {
  input: string;
  key: KeyFlags;
}

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
  /** The keys an answer stands for, or words saying why it means nothing here (asked again). */
  answer(text: string): Keys[] | string;
}

/** In a text question, this alone goes back a step (no name, date or key is a lone '<'). */
export const BACK = '<';

export const typed = (input: string): Keys => ({ input, key: {} });
export const ENTER: Keys = { input: '\r', key: { return: true } };
export const ESCAPE: Keys = { input: '', key: { escape: true } };
export const CTRL_C: Keys = { input: 'c', key: { ctrl: true } };
const UP: Keys = { input: '', key: { upArrow: true } };
const DOWN: Keys = { input: '', key: { downArrow: true } };
/** The field emptied (caret to the end, then all before it), then the answer typed in. */
export const replaceWith = (text: string): Keys => typed(`\u0005\u0015${text}`);

export function moveCursor(from: number, to: number): Keys[] {
  return Array.from({ length: Math.abs(to - from) }, () => (to > from ? DOWN : UP));
}

/** A whole number from 1 to `count`, as an index; undefined when the answer is not one. */
export function chosenIndex(text: string, count: number): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const index = Number(text) - 1;
  return index >= 0 && index < count ? index : undefined;
}

/** Ctrl+C at a question: the machine's own Ctrl+C (the reveal panel asks first). */
export const INTERRUPT_KEYS: Keys = CTRL_C;

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

/** + and - as the keys that move the cursor to the next or the previous page; undefined otherwise. */
export function turnPage(text: string, cursor: number, count: number): Keys[] | undefined {
  const start = Math.floor(cursor / LINE_PAGE) * LINE_PAGE;
  if (text.trim() === '+') return moveCursor(cursor, Math.min(count - 1, start + LINE_PAGE));
  if (text.trim() === '-') return moveCursor(cursor, Math.max(0, start - LINE_PAGE));
  return undefined;
}
