/**
 * The full-screen wizard's frame: one column less than the terminal's (ui/components/frame.tsx
 * says why). A URL or a key is drawn alone on its line, indented two columns, and never split over
 * rows: wider than that, it is cut in its middle.
 */
import stringWidth from './display-width';

export const frameWidthOf = (columns: number): number => Math.max(20, columns - 1);

/** The indent of a URL or a key on its own line. */
const WHOLE_INDENT = 2;

/** The terminal's columns a token needs to be drawn whole on its own line. */
export const columnsForWhole = (token: string): number => stringWidth(token) + WHOLE_INDENT + 1;

/** Whether `token` is drawn whole, not cut, in a terminal `columns` wide. */
export const fitsWhole = (token: string, columns: number): boolean =>
  stringWidth(token) + WHOLE_INDENT <= frameWidthOf(columns);
