/**
 * The command reference (docs/reference.md), made from the one command table as --help is, so that
 * the manual cannot drift from the program: `npm run docs` writes it, and a test fails when the file
 * in the repository is not what this makes.
 */
import { lastDayOfNextYear } from '../domain/example-dates';
import { COMMAND_ALIASES, COMMANDS, modeEntry, type Mode } from './command-table';
import { flagsOf } from './options';
import type { FlagSpec } from '../commands/shared/flags';

const PROGRAM = 'nginxaas-keys';

/** A table cell: pipes would end the cell, line breaks the row. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function flagLabel(spec: FlagSpec): string {
  const value = spec.value ? ` ${spec.value}` : '';
  return `${spec.short ? `-${spec.short}, ` : ''}--${spec.name}${value}`;
}

function flagTable(specs: readonly FlagSpec[]): string[] {
  return [
    '| flag | what it does |',
    '|---|---|',
    ...specs.map((s) => `| \`${cell(flagLabel(s))}\`${s.multiple ? ' (repeatable)' : ''} | ${cell(s.help)} |`),
  ];
}

function section(mode: Mode): string[] {
  const entry = modeEntry(mode);
  const { own, inherited } = flagsOf(mode);
  const title = mode === 'wizard' ? PROGRAM : `${PROGRAM} ${mode}`;
  const aliases = Object.keys(COMMAND_ALIASES).filter((alias) => COMMAND_ALIASES[alias] === mode);
  const lines = [`## ${title}`, '', entry.about, '', '```', entry.usage, '```', ''];
  if (aliases.length > 0) lines.push(`Also spelt: ${aliases.map((a) => `\`${a}\``).join(', ')}.`, '');
  if (own.length > 0) lines.push(...flagTable(own), '');
  lines.push(
    `Inherited: ${inherited.map((s) => `\`--${s.name}\``).join(', ')} ([every run's flags](#flags-of-every-run)).`,
    '',
  );
  if (entry.examples.length > 0) lines.push('```sh', ...entry.examples.map((e) => `$ ${e}`), '```', '');
  return lines;
}

/** Every inherited flag once, as the wizard (which takes the most of them) lists them. */
function everyRunFlags(): string[] {
  const seen = new Map<string, FlagSpec>();
  for (const mode of ['wizard', ...COMMANDS] as Mode[])
    for (const spec of flagsOf(mode).inherited) if (!seen.has(spec.name)) seen.set(spec.name, spec);
  return [
    '## Flags of every run',
    '',
    'Each command takes those of these that apply to it; its section names them.',
    '',
    ...flagTable([...seen.values()]),
    '',
  ];
}

export function referenceMarkdown(): string {
  const lines = [
    '# Command reference',
    '',
    '<!-- Made by `npm run docs` from src/cli/command-table.ts and the spec and flags in each src/commands/<name>/; do not edit by hand. -->',
    '',
    `Every command and flag of \`${PROGRAM}\`, as \`${PROGRAM} <command> --help\` shows them. Exit codes: 0 done, 1 the operation failed, 2 bad usage or input, 3 \`list --expiring-within\` found keys expiring, 4 not signed in to Azure, 130 cancelled, 141 stdout closed early.`,
    '',
    ...(['wizard', ...COMMANDS] as Mode[]).flatMap(section),
    ...everyRunFlags(),
  ];
  // Help's examples carry a date that is valid on the day they are read; the file keeps a stand-in.
  return `${lines.join('\n').trimEnd()}\n`.replaceAll(lastDayOfNextYear(), 'YYYY-12-31');
}
