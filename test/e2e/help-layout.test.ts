/**
 * Every help the program prints, read from the built binary in a terminal 60 and 80 columns wide
 * (help wraps to the terminal): no line wider than the terminal, every flag entry whole — its
 * name and the start of its words on one line, the rest under its words' column, never a fragment
 * on a line of its own — the command's own flags before a short INHERITED FLAGS section that names
 * every other flag it takes, and every example a command a shell takes as it stands.
 */
import { describe, expect, it } from 'vitest';
import { flagsOf } from '../../src/cli/options';
import { COMMANDS, type Mode } from '../../src/cli/command-table';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BIN, childEnv, runInPty } from '../helpers/pty';

const TOPICS: Mode[] = ['wizard', ...COMMANDS];

const run = promisify(execFile);
const quoted = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * The help as a terminal `cols` wide shows it. script(1) holds the terminal and reads it to its
 * end: node-pty could lose the last kilobytes of a long help when the machine was busy.
 */
async function helpAt(topic: Mode, cols: number): Promise<string> {
  const argv = [process.execPath, BIN, ...(topic === 'wizard' ? [] : [topic]), '--help'].map(quoted).join(' ');
  const { stdout } = await run('script', ['-qec', `stty cols ${cols} rows 200 && exec ${argv}`, '/dev/null'], {
    env: childEnv({ NO_COLOR: '1' }),
  });
  const help = stdout.replace(/\r/g, '');
  // Read whole: every help ends with its LEARN MORE words.
  expect(help.replace(/\s+/g, ' ')).toContain('Keys are never taken from arguments.');
  return help;
}

/** The lines of a section, up to the blank line that ends it. */
function section(help: string, title: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(title);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

const ENTRY = /^ {2}(?:-\w, | {4})--([\w-]+)(?: \S+)? +\S/;

/** Each flag entry's name, after checking that every line of the section belongs to an entry. */
function entries(lines: string[]): string[] {
  const names: string[] = [];
  let column = 0;
  let also = false;
  for (const line of lines) {
    const entry = ENTRY.exec(line);
    if (entry) {
      names.push(entry[1] ?? '');
      // The words start after two spaces or more, past the label.
      column = line.length - line.slice(line.indexOf('--')).replace(/^\S+( <[^>]+>)? +/, '').length;
      also = false;
      continue;
    }
    if (line.startsWith('  Also ')) {
      also = true;
      continue;
    }
    // A continuation: under the entry's words, or under the "Also" line.
    const indent = line.search(/\S/);
    expect(indent, `a broken entry: '${line}'`).toBe(also ? 2 : column);
  }
  return names;
}

describe('help at 60 and 80 columns', () => {
  describe.each([60, 80])('%i columns', (cols) => {
    it.each(TOPICS)(
      '%s: fits, its entries whole, its flags all named',
      async (topic) => {
        const help = await helpAt(topic, cols);
        expect(help.split('\n').filter((line) => line.length > cols)).toEqual([]);
        const { own, inherited } = flagsOf(topic);
        const ownNames = entries(section(help, 'FLAGS'));
        expect(ownNames).toEqual(own.map((f) => f.name));
        if (topic === 'wizard') {
          expect(entries(section(help, 'GLOBAL FLAGS'))).toEqual(inherited.map((f) => f.name));
        } else {
          const lines = section(help, 'INHERITED FLAGS');
          const said = entries(lines);
          // Short: the few a command is used with in full, every other one named.
          expect(said.length).toBeLessThanOrEqual(7);
          const named = lines.join(' ').match(/--[\w-]+/g) ?? [];
          for (const f of inherited) expect(named, `--${f.name}`).toContain(`--${f.name}`);
          expect(help.indexOf('\nFLAGS\n') < 0 || help.indexOf('\nFLAGS\n') < help.indexOf('\nINHERITED FLAGS\n')).toBe(
            true,
          );
        }
        // Each example: `$ ` and a command; a long one continues with ` \` as a shell reads it.
        const examples = section(help, 'EXAMPLES');
        expect(examples.length).toBeGreaterThan(0);
        examples.forEach((line, i) => {
          const continued = i > 0 && (examples[i - 1] ?? '').endsWith(' \\');
          if (continued) expect(line, line).toMatch(/^ {6}\S/);
          else expect(line, line).toMatch(/^ {2}(\$ nginxaas-keys |\$ source <\(nginxaas-keys |# )/);
        });
      },
      20_000,
    );
  });

  it('the -o entry is laid out like the others, its name and words on one line', async () => {
    for (const cols of [60, 80, 120]) {
      const help = await helpAt('list', cols);
      expect(help).toMatch(/^ {2}-o, --output <format> +text \(the default\)/m);
    }
  });

  it('a command names the program as it was started, in its usage and examples', async () => {
    const run = runInPty(
      process.execPath,
      [BIN, 'show', '--help'],
      { NO_COLOR: '1', PATH: '/usr/bin:/bin' },
      {
        cols: 100,
        rows: 100,
      },
    );
    expect(await run.exit).toBe(0);
    expect(run.text()).toContain(`USAGE\r\n  node ${BIN} show <deployment>`);
    expect(run.text()).toContain(`$ node ${BIN} show web-01 nlk-prod --demo`);
  });
});
