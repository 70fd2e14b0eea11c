/**
 * Padding and cutting by display width, never by .length: for the Ink screens and the commands'
 * tables alike.
 */
import stringWidth from './display-width';

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

export function cut(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}

export function widest(texts: string[], floor = 0): number {
  return texts.reduce((w, t) => Math.max(w, stringWidth(t)), floor);
}

/** A date and time as one word: its spaces do not break, so a wrap never splits it. */
export function datesUnbroken(text: string): string {
  return text.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}( UTC)?/g, (at) => at.replaceAll(' ', '\u00a0'));
}

/**
 * The lines `text` takes when wrapped at spaces to `width` columns, a word wider than that
 * broken hard, as Ink wraps: for a view that must leave room for a message before it is drawn.
 */
export function wrappedLineCount(text: string, width: number): number {
  const room = Math.max(1, width);
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const w = stringWidth(word);
    if (used > 0 && used + 1 + w <= room) {
      used += 1 + w;
      continue;
    }
    if (used > 0) lines += 1;
    lines += Math.max(0, Math.ceil(w / room) - 1);
    used = w % room || (w === 0 ? 0 : room);
  }
  return lines;
}
