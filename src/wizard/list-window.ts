/**
 * A long list seen through a window as tall as the terminal leaves it: the rows around the
 * selected one, with "↑ N more" and "↓ N more" lines where rows are out of view. The machine
 * pages by the same room that the view draws, so PgDn moves exactly one window.
 */
import { select, type Intent } from './intents';
import type { KeyName } from './keymap';
import type { Token } from './tokens';

/** Which list: each has its own frame around it (titles, headers, hints), measured at 60×20. */
export type ListName = 'deployments' | 'console' | 'handoff' | 'signIn';

/**
 * Lines each list's frame takes beside its rows, one spare: Ink draws a frame as tall as the
 * terminal from the top again, so a frame must stay a row shorter than the terminal.
 */
const FRAME_LINES: Record<ListName, number> = {
  deployments: 8,
  console: 9,
  handoff: 16,
  signIn: 9,
};

/** The fewest rows a list is given, however short the terminal. */
export const LEAST_ROOM = 3;

/** The rows a list may take, "more" lines included, in a terminal `rows` tall. */
export function listRoom(list: ListName, rows: number): number {
  return Math.max(LEAST_ROOM, rows - FRAME_LINES[list]);
}

export interface ListWindow {
  /** The first row in view, and one past the last. */
  start: number;
  end: number;
  /** Rows out of view above and below. */
  above: number;
  below: number;
}

/**
 * The rows in view: all of them when they fit, otherwise the selected row and those around it,
 * leaving a line for each "more" that is drawn.
 */
export function windowOf(count: number, cursor: number, room: number): ListWindow {
  if (count <= room) return { start: 0, end: count, above: 0, below: 0 };
  const at = Math.max(0, Math.min(count - 1, cursor));
  const span = (start: number, end: number): ListWindow => ({ start, end, above: start, below: count - end });
  if (at < room - 1) return span(0, room - 1);
  if (at > count - room) return span(count - room + 1, count);
  const size = Math.max(1, room - 2);
  const start = Math.max(1, Math.min(at - Math.floor(size / 2), count - size - 1));
  return span(start, start + size);
}

/** How far PgUp and PgDn move: the rows of a window between its two "more" lines. */
export function pageOf(list: ListName, rows: number): number {
  return Math.max(1, listRoom(list, rows) - 2);
}

/**
 * The cursor after a moving key (↑ ↓ PgUp PgDn Home End), kept within the list; undefined for
 * any other key. `page` is how far a page moves.
 */
export function movedCursor(token: Token, cursor: number, count: number, page: number): number | undefined {
  const last = Math.max(0, count - 1);
  const to = (index: number) => Math.max(0, Math.min(last, index));
  switch (token.kind) {
    case 'up':
      return to(cursor - 1);
    case 'down':
      return to(cursor + 1);
    case 'pageUp':
      return to(cursor - page);
    case 'pageDown':
      return to(cursor + page);
    case 'home':
    case 'first':
      return 0;
    case 'end':
    case 'last':
      return last;
    default:
      return undefined;
  }
}

/** The keys that move a list's cursor by a row. */
export const ARROWS: readonly KeyName[] = ['up', 'down'];
/** The keys that move it by a page, or to an end (Home and End; Ctrl+A and Ctrl+E stay a field's). */
export const PAGING: readonly KeyName[] = ['pageUp', 'pageDown', 'first', 'last'];
/** Every moving key, in a list without a field (where Ctrl+A and Ctrl+E have no caret to move). */
export const MOVES: readonly KeyName[] = [...ARROWS, ...PAGING, 'home', 'end'];

/** A moving key as the intent it stands for: the row it moves the cursor to. */
export function moveTo(token: Token | undefined, cursor: number, count: number, page: number): Intent | undefined {
  const moved = token ? movedCursor(token, cursor, count, page) : undefined;
  return moved === undefined ? undefined : select(moved);
}

/** A row asked for by number, kept within the list. */
export function within(index: number, count: number): number {
  return Math.max(0, Math.min(Math.max(0, count - 1), index));
}
