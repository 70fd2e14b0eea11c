/**
 * `--help` in gh's layout, made from the option schema so that the two never disagree: what the
 * command does, its usage, its own flags, then a short INHERITED FLAGS section (the flags of every
 * run that a command is used with; the rest named in one line, each said in full by the wizard's
 * help), then examples that run as written on the demo. Wrapped to the terminal's width (80 when
 * not a terminal, 60 at the least), with a hanging indent; a flag whose name is too long for the
 * column has its words on the next line, under the column, like every other entry's.
 */
import { COMMAND_ALIASES, COMMAND_TABLE, COMMANDS, modeEntry, type Mode } from './command-table';
import { flagsOf } from './options';
import type { FlagSpec } from '../commands/shared/flags';
import { COMMAND_NAME } from '../domain/started-as';

/** Joins words that must stay on one line (a command to run): wrap breaks only at other spaces. */
const KEEP = '\u00a0';
const unbroken = (text: string) => text.replace(/ /g, KEEP);

/** A usage line breaks only between its parts and at a `|`: not inside `[-g <rg>]` or `<key-name>`. */
function unbrokenGroups(usage: string): string {
  let depth = 0;
  let out = '';
  [...usage].forEach((ch, i) => {
    if (ch === '[' || ch === '(' || ch === '<') depth += 1;
    if (ch === ']' || ch === ')' || ch === '>') depth -= 1;
    const atBar = usage[i - 1] === '|' || usage[i + 1] === '|';
    out += ch === ' ' && depth > 0 && !atBar ? KEEP : ch;
  });
  return out;
}

/** `head` as it is, then the words of `text` wrapped to `width`, later lines indented by `indent`. */
function wrap(head: string, text: string, width: number, indent: number): string {
  return wrapKept(head, text, width, indent).replaceAll(KEEP, ' ');
}

function wrapKept(head: string, text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = head;
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    const joined = line.trim() === '' || line.endsWith(' ') ? `${line}${word}` : `${line} ${word}`;
    if (joined.length > width && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = `${' '.repeat(indent)}${word}`;
    } else {
      line = joined;
    }
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

/**
 * Each flag on its own line, its words in a column; a label too long for the column is alone on
 * its line and its words start under the column on the next, wrapped as any other's.
 */
function flagLines(specs: readonly FlagSpec[], width: number): string[] {
  const labels = specs.map((o) => `  ${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`);
  const column = Math.min(34, Math.max(...labels.map((l) => l.length)) + 2);
  return specs.map((o, i) => {
    const label = labels[i] ?? '';
    if (label.length + 2 <= column) return wrap(label.padEnd(column), o.help, width, column);
    return `${label}\n${wrap(' '.repeat(column), o.help, width, column)}`;
  });
}

/** The inherited flags a command's help lists in full; the others are named in one line. */
const SAID_IN_FULL = ['subscription', 'demo', 'output', 'output-file', 'quiet', 'profile', 'help'];

function inheritedPart(inherited: readonly FlagSpec[], width: number, program: string): string[] {
  const full = SAID_IN_FULL.flatMap((name) => inherited.filter((f) => f.name === name));
  const named = inherited.filter((f) => !SAID_IN_FULL.includes(f.name)).map((f) => `--${f.name}`);
  return [
    'INHERITED FLAGS',
    ...flagLines(full, width),
    ...(named.length > 0
      ? [wrap('  ', `Also ${named.join(', ')}: see '${unbroken(`${program} --help`)}'.`, width, 2)]
      : []),
    '',
  ];
}

/** A line of the table (a usage, an example) with the program as this run was started. */
function asStarted(line: string, program: string): string {
  return program === COMMAND_NAME ? line : line.replace(/(^|<\()nginxaas-keys(?= |$)/g, `$1${program}`);
}

export function helpText(mode: Mode, columns = 80, program = COMMAND_NAME): string {
  const width = Math.max(60, Math.min(columns, 120));
  const summary = modeEntry(mode);
  const { own, inherited } = flagsOf(mode);
  const usage = wrap('  ', unbrokenGroups(asStarted(summary.usage, program)), width, 6);
  const parts = [wrap('', summary.about, width, 0), '', 'USAGE', usage, ''];
  if (mode === 'wizard') {
    const lines = [
      ...COMMANDS.map((name) => wrap(`  ${name.padEnd(12)}`, COMMAND_TABLE[name].summary, width, 14)),
      wrap(`  ${'help'.padEnd(12)}`, HELP_SUMMARY, width, 14),
    ];
    parts.push('COMMANDS', ...lines, '');
  }
  const aliases = Object.keys(COMMAND_ALIASES).filter((alias) => COMMAND_ALIASES[alias] === mode);
  if (aliases.length > 0) parts.push('ALIASES', `  ${aliases.join(', ')}`, '');
  if (own.length > 0) parts.push('FLAGS', ...flagLines(own, width), '');
  // The wizard's help is where every flag of every run is said in full; a command's lists its own.
  if (mode === 'wizard') parts.push('GLOBAL FLAGS', ...flagLines(inherited, width), '');
  else parts.push(...inheritedPart(inherited, width, program));
  parts.push(...examplesPart(summary.examples, program, width));
  parts.push('LEARN MORE');
  if (mode === 'wizard')
    parts.push(wrap('  ', `Run '${unbroken(`${program} <command> --help`)}' for a command's flags.`, width, 2));
  parts.push(
    wrap(
      '  ',
      'Exit codes: 0 done, 1 the operation failed, 2 bad usage or input, 3 list --expiring-within found keys expiring, 4 not signed in to Azure, 130 cancelled, 141 stdout closed early (the reader of a pipe left).',
      width,
      2,
    ),
    wrap(
      '  ',
      'Keys are never taken from arguments. The examples run as written on the demo (--demo: sample deployments on a local emulator, no Azure account); without --demo they act on Azure. An --apply example also needs what it drives (helm and kubectl, az, or systemctl): without them it stops before any change.',
      width,
      2,
    ),
    ...(mode === 'wizard'
      ? [wrap('  ', `With a screen reader, or to keep colours off: ${program} help accessibility`, width, 2)]
      : []),
  );
  return `${parts.join('\n')}\n`;
}

const HELP_SUMMARY = "a command's help: what it does, its flags, examples";

/** Shown by `help <command>` (and `help help`): run by test/e2e/help-examples.test.ts on a fresh demo. */
export const HELP_EXAMPLES = ['nginxaas-keys help rotate', 'nginxaas-keys rotate --help'] as const;

/**
 * Each example as a shell takes it: `  $ ` and the command, wrapped at spaces with a ` \\` at the
 * end of every line but the last (a shell joins them again); its `# comment` on its last line
 * where it fits, else on a line of its own above it.
 */
function exampleLines(example: string, width: number): string[] {
  const [command = '', comment] = example.split(/ {2}(?=# )/);
  const lines: string[] = [];
  let line = '  $';
  for (const word of command.split(' ').filter(Boolean)) {
    if (line.length + 1 + word.length + 2 > width && line !== '  $') {
      lines.push(`${line} \\`);
      line = '     ';
    }
    line = `${line} ${word}`;
  }
  lines.push(line);
  if (comment === undefined) return lines;
  const last = lines.length - 1;
  if ((lines[last] ?? '').length + 2 + comment.length <= width) lines[last] = `${lines[last]}  ${comment}`;
  else lines.unshift(`  ${comment}`);
  return lines;
}

function examplesPart(examples: readonly string[], program: string, width: number): string[] {
  return ['EXAMPLES', ...examples.flatMap((e) => exampleLines(asStarted(e, program), width)), ''];
}

/** `help help`: the same layout as any command's help. */
export function helpOnHelpText(columns = 80, program = COMMAND_NAME): string {
  const width = Math.max(60, Math.min(columns, 120));
  const about = `Help for a command: ${HELP_SUMMARY.replace(/^a command's help: /, '')}. Without a command, the wizard's help and the list of commands.`;
  return `${[wrap('', about, width, 0), '', 'USAGE', `  ${program} help [command]`, '', ...examplesPart(HELP_EXAMPLES, program, width)].join('\n')}`;
}
