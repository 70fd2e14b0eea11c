/**
 * `--help` in gh's layout, made from the option schema so that the two never disagree: what the
 * command does, its usage, its own flags, the flags every command inherits, then examples that
 * work as written. Wrapped to the terminal's width (80 when not a terminal), with a hanging indent.
 */
import { COMMAND_ALIASES, COMMAND_TABLE, COMMANDS, modeEntry, type Mode } from './commands';
import { flagsOf } from './options';
import type { FlagSpec } from '../commands/shared/flags';

/** `head` as it is, then the words of `text` wrapped to `width`, later lines indented by `indent`. */
function wrap(head: string, text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = head;
  for (const word of text.split(/\s+/).filter(Boolean)) {
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

function flagLines(specs: FlagSpec[], width: number): string[] {
  const labels = specs.map((o) => `  ${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`);
  const column = Math.min(34, Math.max(...labels.map((l) => l.length)) + 2);
  return specs.map((o, i) => {
    const label = labels[i] ?? '';
    // A label too long for the column gets the help on the line below.
    const head = label.length + 2 > column ? `${label}\n${' '.repeat(column)}` : label.padEnd(column);
    return wrap(head, o.help, width, column);
  });
}

export function helpText(mode: Mode, columns = 80): string {
  const width = Math.max(60, Math.min(columns, 120));
  const summary = modeEntry(mode);
  const { own, inherited } = flagsOf(mode);
  const parts = [wrap('', summary.about, width, 0), '', 'USAGE', `  ${summary.usage}`, ''];
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
  parts.push(mode === 'wizard' ? 'GLOBAL FLAGS' : 'INHERITED FLAGS', ...flagLines(inherited, width), '');
  parts.push(...examplesPart(summary.examples));
  parts.push('LEARN MORE');
  if (mode === 'wizard')
    parts.push(wrap('  ', "Run 'nginxaas-keys <command> --help' for a command's flags.", width, 2));
  parts.push(
    wrap(
      '  ',
      'Exit codes: 0 done, 1 the operation failed, 2 bad usage or input, 3 list --expiring-within found keys expiring, 4 not signed in to Azure, 130 cancelled, 141 stdout closed early (the reader of a pipe left).',
      width,
      2,
    ),
    wrap('  ', 'Keys are never taken from arguments. Try it without Azure: nginxaas-keys --demo', width, 2),
    ...(mode === 'wizard'
      ? [wrap('  ', 'With a screen reader, or to keep colours off: nginxaas-keys help accessibility', width, 2)]
      : []),
  );
  return `${parts.join('\n')}\n`;
}

const HELP_SUMMARY = "a command's help: what it does, its flags, examples";

/** Shown by `help <command>` (and `help help`): run by test/e2e/help-examples.test.ts on a fresh demo. */
export const HELP_EXAMPLES = ['nginxaas-keys help rotate', 'nginxaas-keys rotate --help'] as const;

function examplesPart(examples: readonly string[]): string[] {
  return ['EXAMPLES', ...examples.map((e) => `  $ ${e}`), ''];
}

/** `help help`: the same layout as any command's help. */
export function helpOnHelpText(columns = 80): string {
  const width = Math.max(60, Math.min(columns, 120));
  const about = `Help for a command: ${HELP_SUMMARY.replace(/^a command's help: /, '')}. Without a command, the wizard's help and the list of commands.`;
  return `${[wrap('', about, width, 0), '', 'USAGE', '  nginxaas-keys help [command]', '', ...examplesPart(HELP_EXAMPLES)].join('\n')}`;
}
