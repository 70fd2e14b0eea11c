/**
 * A command the program prints runs as printed (issue 34, item 3): laid out at 60, 80 and 120
 * columns on lines of its own, broken only as a shell reads it, never cut. Each laid-out form is
 * given to a real shell, which must split it into the same words as the command on one line.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { handoffNextLines, NLK_CHART } from '../../src/domain/handoff';
import { keyCommand } from '../../src/domain/resource-id';
import { commandIn, commandParagraph } from '../../src/domain/started-as';
import stringWidth from '../../src/term/display-width';
import { commandLines, hangingLines, messageLines } from '../../src/term/text-width';
import { WEB } from '../helpers/fixtures';

/** The words a shell makes of `text`, one a line. */
function shellWords(text: string): string {
  return execFileSync('/bin/sh', ['-c', `words() { for w in "$@"; do printf '[%s]\\n' "$w"; done; }\nwords ${text}`], {
    encoding: 'utf8',
  });
}

const COMMANDS = [
  commandIn(handoffNextLines({ kind: 'nlk', path: 'nlk-values.yaml' })[0] ?? '') ?? '',
  keyCommand('delete', WEB, 'nlk-prod-2', { program: 'node bin/nginxaas-keys.js', demo: true }),
  keyCommand('show', { ...WEB, resourceGroup: 'edge rg' }, 'a-rather-long-key-name-for-a-test', {
    program: "node '/home/a user/checkout/bin/nginxaas-keys.js'",
  }),
  `helm upgrade --install nlk ${NLK_CHART} --version 1.2.6 -f '/tmp/a folder/nlk-values.yaml'`,
];

describe.each([60, 80, 120])('at %i columns', (columns) => {
  it.each(COMMANDS)('%s: on lines that fit, that a shell reads as the command', (command) => {
    const width = columns - 1;
    const lines = commandLines(command, width);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    lines.slice(0, -1).forEach((line) => expect(line).toMatch(/\\$/));
    expect(shellWords(lines.join('\n'))).toBe(shellWords(command));
  });

  it('said in a message (the wizard) and on a line of the line face, the command stays whole', () => {
    const command = COMMANDS[1] ?? '';
    const message = `Rotation stopped: both keys stay. Delete it with:${commandParagraph(command)}`;
    const said = messageLines(message, columns - 3);
    expect(said[0]).toMatch(/^Rotation stopped/);
    expect(shellWords(said.slice(said.findIndex((l) => l.startsWith('node'))).join('\n'))).toBe(shellWords(command));
    const line = hangingLines(`⚠ ${message}`, columns);
    for (const row of line) expect(stringWidth(row)).toBeLessThan(columns);
    expect(shellWords(line.slice(1).join('\n'))).toBe(shellWords(command));
  });
});
