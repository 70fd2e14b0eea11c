/**
 * Padding and cutting by display width, never by .length: for the Ink screens and the commands'
 * tables alike.
 */
import stringWidth from './display-width';
import { COMMAND_MARK, commandIn } from '../domain/started-as';

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
    if (paragraph.startsWith(COMMAND_MARK)) {
      lines.push(...commandLines(paragraph.slice(COMMAND_MARK.length), room));
      continue;
    }
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

/**
 * Whether the line after `previous` goes on a word that `previous` broke (a bare `\\` at its
 * end): it must start at the terminal's first column, under no mark and no indentation, or the
 * shell would read the indentation as a space inside the word.
 */
export const startsBare = (previous: string | undefined): boolean =>
  previous !== undefined && previous.endsWith('\\') && !previous.endsWith(' \\');

/** The words of a command line as a shell splits them: at spaces outside quotes. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  for (const ch of command) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === ' ') {
      if (word !== '') words.push(word);
      word = '';
      continue;
    }
    word += ch;
  }
  if (word !== '') words.push(word);
  return words;
}

/**
 * A flag and its value kept on one line (`-f nlk-values.yaml`, not `-f \\` then the file) where the
 * two fit a line together: a shell reads the space between them as any other.
 */
function flagsWithValues(words: string[], room: number): string[] {
  const units: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as string;
    const value = words[i + 1];
    const pair = `${word} ${value}`;
    if (word.startsWith('-') && value !== undefined && !value.startsWith('-') && stringWidth(pair) + 4 <= room) {
      units.push(pair);
      i += 1;
    } else units.push(word);
  }
  return units;
}

/** Where a word may be broken with a bare `\\` + newline (outside single quotes): after a `/`, `-`, `.` or `=` if it can. */
function wordBreak(word: string, room: number): number {
  const chars = Array.from(word);
  let quote: string | undefined;
  let last = 0;
  let lastNice = 0;
  let width = 0;
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i] as string;
    width += stringWidth(ch);
    if (width > room) break;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    // Inside single quotes a backslash is itself: no break there (inside double quotes a shell removes it).
    if (quote !== "'" && ch !== '\\' && i + 1 < chars.length) {
      last = i + 1;
      if ('/-.=,:'.includes(ch)) lastNice = i + 1;
    }
  }
  return lastNice > 0 ? lastNice : last;
}

/**
 * A command laid out as a shell reads it, in lines of at most `width` columns: broken between
 * words, each line but the last ending in ` \\` and the next indented two columns. A word wider
 * than a line (a chart's URL) is broken inside, the line ending in a bare `\\` and going on at
 * the start of the next (a shell joins the two halves into one word). Never cut: joined back the
 * way a shell joins lines (a `\\` + newline removed), it is the command.
 */
export function commandLines(command: string, width: number): string[] {
  const room = Math.max(8, width);
  const lines: string[] = [];
  let line = '';
  // After a word broken inside, the next word starts a line of its own, indented like the others.
  let broken = false;
  const words = flagsWithValues(shellWords(command), room);
  words.forEach((whole, i) => {
    // Room on a line for a word: a continuation's ` \\` after it, unless it ends the command.
    const tail = i === words.length - 1 ? 0 : 2;
    let head = line === '' ? '' : `${line} `;
    if (line !== '' && (broken || stringWidth(head) + stringWidth(whole) + tail > room)) {
      lines.push(`${line} \\`);
      head = '  ';
    }
    let word = whole;
    broken = false;
    // A word too wide for any line: broken inside, each piece ending in a bare backslash.
    while (stringWidth(head) + stringWidth(word) + tail > room) {
      const at = wordBreak(word, room - stringWidth(head) - 1);
      if (at <= 0) break;
      const chars = Array.from(word);
      lines.push(`${head}${chars.slice(0, at).join('')}\\`);
      word = chars.slice(at).join('');
      head = '';
      broken = true;
    }
    line = `${head}${word}`;
  });
  if (line !== '') lines.push(line);
  return lines;
}

/** The lines `text` takes as a message (messageLines) at `width` columns: for a view that leaves room for it. */
export function wrappedLineCount(text: string, width: number): number {
  return Math.max(1, messageLines(text, width).length);
}

/**
 * What starts a line of the line faces and its words hang under: indentation, then a mark (✖ ⚠ ✔ ℹ
 * ? ! •) or a number. Escaped, as every character past ASCII in a regular expression: the bundle
 * stays ASCII (scripts/build.mjs), which V8 holds at one byte a character.
 */
const LEAD = /^(\s*(?:[\u2716\u26a0\u2714\u2139?!\u2022] |\d+\. )?)/;

/**
 * A line of the line faces laid out to `width` columns: wrapped by us at spaces (messageLines,
 * a path or URL whole on a line of its own), later lines under the words after its lead (`✖ `,
 * `  12. `); a command's line (ending in ` \`) is kept whole. Undefined `width` (not a
 * terminal): the line as it is.
 */
export function hangingLines(line: string, width: number | undefined): string[] {
  const [first = '', ...rest] = line.split('\n').filter((paragraph) => paragraph.trim() !== '');
  const lead = LEAD.exec(first)?.[1] ?? '';
  const hang = ' '.repeat(stringWidth(lead));
  // A message's later paragraphs (a command to run, a sentence after it) hang under its first's words.
  return [
    ...paragraphLines(first.slice(lead.length), lead, hang, width),
    ...rest.flatMap((paragraph) => paragraphLines(paragraph, hang, hang, width)),
  ];
}

/**
 * A command on lines of its own under `indent` (its first after `lead`), laid out as a shell reads
 * it to a terminal of `width` columns (a word broken inside goes on at the first column, where
 * indentation would be read as a space); on no terminal (undefined `width`), whole on one line.
 */
export function indentedCommand(command: string, width: number | undefined, indent: string, lead = indent): string[] {
  const lines = width === undefined ? [command] : commandLines(command, width - 1 - indent.length);
  return lines.map((row, i) => `${i === 0 ? lead : startsBare(lines[i - 1]) ? '' : indent}${row}`);
}

function paragraphLines(text: string, lead: string, hang: string, width: number | undefined): string[] {
  const command = commandIn(text);
  if (command !== undefined) return indentedCommand(command, width, hang, lead);
  if (width === undefined || stringWidth(lead + text) < width || text.endsWith(' \\')) return [lead + text];
  const words = messageLines(text, width - 1 - hang.length, 'whole');
  return words.map((words, i) => `${i === 0 ? lead : hang}${words}`);
}
