/**
 * What a person would see wrong in a terminal, read from the rows xterm holds (scrollback
 * included): a row the terminal had to wrap, a row that reaches the last column (some terminals
 * wrap it, leaving a blank row), the title drawn more than once, a frame as tall as the terminal
 * (Ink draws it again from the top, clearing the scrollback), and a message broken inside: a blank row in it, or a line wrapped
 * back under its mark instead of under its own start.
 */
import { expect } from 'vitest';
import type { PtyRun } from './pty';

export const TITLE = 'NGINXaaS dataplane API key';

/** A row that says something with a mark: `✖ …`, `⚠ …`, `✔ …`, `ℹ …`, `? …`, a spinner's frame. */
const MARKED = /^(\s*)([✖⚠✔ℹ?]|[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]) \S/;

export function frameProblems(rows: { text: string; wrapped: boolean; full: boolean }[], cols: number): string[] {
  const problems: string[] = [];
  const titles = rows.filter((row) => row.text.includes(TITLE)).length;
  if (titles > 1) problems.push(`the title is drawn ${titles} times`);
  rows.forEach((row, i) => {
    // The one wrap allowed: a path or a URL wider than the terminal, said whole on a line of its
    // own by the line face (its rows hold that one word and nothing else).
    if (row.wrapped && !oneWordAlone(rows, i))
      problems.push(`row ${i} was wrapped by the terminal: '${rows[i - 1]?.text}' + '${row.text}'`);
    else if (row.full && !(rows[i + 1]?.wrapped && oneWordAlone(rows, i + 1)))
      problems.push(`row ${i} reaches the last column: '${row.text}'`);
    const marked = MARKED.exec(row.text);
    if (!marked) return;
    const start = (marked[1] ?? '').length + 2;
    const next = rows[i + 1]?.text ?? '';
    const after = rows[i + 2]?.text ?? '';
    const indent = (text: string) => text.length - text.trimStart().length;
    if (next.trim() === '' && after.trim() !== '' && indent(after) === start && !MARKED.test(after))
      problems.push(`a blank row inside the message '${row.text.trim()}' … '${after.trim()}'`);
    // A line after a marked one that starts left of its words, whose first word would not have fit
    // on the marked line: the marked line was wrapped, under its mark.
    const firstWord = next.trimStart().split(' ')[0] ?? '';
    const wrappedThere = row.text.length + 1 + firstWord.length >= cols - 1;
    // (Not a hint line, whose keys are set apart by ' · ' or two spaces; not after a finished sentence or a cut row.)
    const continues = /^[a-z('"]/.test(next.trimStart()) && !/ · | {2}/.test(next.trim()) && !/[.…]$/.test(row.text);
    if (next.trim() !== '' && indent(next) < start && !MARKED.test(next) && wrappedThere && continues)
      problems.push(`'${next.trim()}' is wrapped under the mark of '${row.text.trim()}', not under its words`);
  });
  return problems;
}

/** Whether the terminal line that row `i` continues holds one word, alone. */
function oneWordAlone(rows: { text: string; wrapped: boolean }[], i: number): boolean {
  let start = i;
  while (start > 0 && rows[start]?.wrapped) start -= 1;
  let end = i;
  while (rows[end + 1]?.wrapped) end += 1;
  const line = rows
    .slice(start, end + 1)
    .map((row) => row.text)
    .join('');
  return line.trim() !== '' && !/\s/.test(line.trim());
}

/** Fails the test with every problem the terminal shows now, and the screen. */
export function expectSoundFrames(run: PtyRun, where: string): void {
  const problems = frameProblems(run.rows(), run.pty.cols);
  // Ink clears the screen and its scrollback (ESC [3J) to draw again a frame as tall as the
  // terminal: every frame must be shorter.
  if (run.raw().includes('\u001b[3J')) problems.push('a frame as tall as the terminal was drawn again from the top');
  expect(problems, `${where}:\n${run.screen()}`).toEqual([]);
}
