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

/** `text` cut in its middle to `width` columns (`https://web-01-6ec…nginxaas.net/`): its start and its end stay. */
export function cutMiddle(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  if (width <= 1) return '…'.slice(0, Math.max(0, width));
  const chars = Array.from(text);
  let head = '';
  let tail = '';
  let from = 0;
  let to = chars.length - 1;
  // Keep more of the end than of the start: a path's file name, a URL's host and path.
  for (;;) {
    const left = width - 1 - stringWidth(head) - stringWidth(tail);
    const next = stringWidth(tail) <= stringWidth(head) ? chars[to] : chars[from];
    if (next === undefined || stringWidth(next) > left || from > to) break;
    if (stringWidth(tail) <= stringWidth(head)) {
      tail = `${next}${tail}`;
      to -= 1;
    } else {
      head += next;
      from += 1;
    }
  }
  return `${head}…${tail}`;
}

/**
 * A message laid out as the frames say it: words wrapped at spaces to `width` columns, by us and
 * never by the terminal; a date and time never split; no word is ever broken across lines. A word
 * wider than `width` (a path, a URL) takes a line of its own, whole — or, where a line must not be
 * wider than `width` (the full-screen frame, which the terminal must never wrap), cut in its
 * middle. Lines the text breaks itself (`\n`) stay broken; no line is ever blank.
 */
export function messageLines(text: string, width: number, overlong: 'whole' | 'cut' = 'cut'): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of datesUnbroken(paragraph).split(' ')) {
      if (word === '') continue;
      const w = stringWidth(word);
      if (line !== '' && stringWidth(line) + 1 + w <= room) {
        line += ` ${word}`;
        continue;
      }
      if (line !== '') lines.push(line);
      line = w > room && overlong === 'cut' ? cutMiddle(word, room) : word;
    }
    if (line !== '') lines.push(line);
  }
  return lines.map((line) => line.replaceAll('\u00a0', ' '));
}

/** The lines `text` takes as a message (messageLines) at `width` columns: for a view that leaves room for it. */
export function wrappedLineCount(text: string, width: number): number {
  return Math.max(1, messageLines(text, width).length);
}

/** What starts a line of the line faces and its words hang under: indentation, then a mark or a number. */
const LEAD = /^(\s*(?:[✖⚠✔ℹ?!•] |\d+\. )?)/;

/**
 * A line of the line faces laid out to `width` columns: wrapped by us at spaces (messageLines,
 * a path or URL whole on a line of its own), later lines under the words after its lead (`✖ `,
 * `  12. `); a command's line (ending in ` \`) is kept whole. Undefined `width` (not a
 * terminal): the line as it is.
 */
export function hangingLines(line: string, width: number | undefined): string[] {
  if (width === undefined || stringWidth(line) < width || line.endsWith(' \\')) return [line];
  const lead = LEAD.exec(line)?.[1] ?? '';
  const hang = ' '.repeat(stringWidth(lead));
  const words = messageLines(line.slice(lead.length), width - 1 - hang.length, 'whole');
  return words.map((words, i) => `${i === 0 ? lead : hang}${words}`);
}
