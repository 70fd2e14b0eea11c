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
