/**
 * The one table of the modes: the wizard's entry, and each command's spec (commands/<name>/spec.ts:
 * its summary, usage, examples, plain arguments, its own flags and how it is prepared — its code
 * loads only when it runs). --help, completion, the parser and main.ts read this table; adding a
 * command is a folder with its spec, flags and run, and a line here.
 */
import { KEY_NAME_FLAG, TARGET_FLAGS, type Values } from '../commands/shared/flags';
import type { ModeEntry, PreparedCommand } from '../commands/shared/command-spec';
import { createSpec } from '../commands/create/spec';
import { listSpec } from '../commands/list/spec';
import { showSpec } from '../commands/show/spec';
import { deleteSpec } from '../commands/delete/spec';
import { rotateSpec } from '../commands/rotate/spec';
import { extendSpec } from '../commands/extend/spec';
import { statusSpec } from '../commands/status/spec';
import { endpointSpec } from '../commands/endpoint/spec';
import { emulatorSpec } from '../commands/emulator/spec';
import { configSpec } from '../commands/config/spec';
import { historySpec } from '../commands/history/spec';
import { completionSpec } from '../commands/completion/spec';
import { checkRunFiles } from './run-files';

export type { ModeEntry, PreparedCommand };

export const WIZARD = {
  summary: 'the interactive wizard',
  usage: 'nginxaas-keys [flags]',
  about:
    'The interactive wizard: choose a deployment, see its keys with their expiry (rotate or delete one), or make a new one: name it, pick an expiry, create it, see it once, hand it off. It needs a terminal; --plain asks the same questions line by line.',
  examples: ['nginxaas-keys --demo', 'nginxaas-keys -d web-01 -g edge-rg --demo', 'nginxaas-keys --plain --demo'],
  flags: [
    ...TARGET_FLAGS,
    KEY_NAME_FLAG,
    { name: 'plain', type: 'boolean', help: 'line-by-line prompts instead of the full-screen wizard' },
    {
      name: 'settle',
      type: 'string',
      value: '<duration>',
      help: 'in a rotation, how long what uses the key (NLK, nginx-asg-sync) must run on the new one before a counts it proven (default 60s)',
    },
  ],
} as const satisfies ModeEntry;

export const COMMAND_TABLE = {
  create: createSpec,
  list: listSpec,
  show: showSpec,
  delete: deleteSpec,
  rotate: rotateSpec,
  extend: extendSpec,
  status: statusSpec,
  endpoint: endpointSpec,
  emulator: emulatorSpec,
  config: configSpec,
  history: historySpec,
  completion: completionSpec,
} as const satisfies Record<string, ModeEntry>;

export type CommandName = keyof typeof COMMAND_TABLE;
/** `wizard` is what runs without a command. */
export type Mode = CommandName | 'wizard';
export const COMMANDS = Object.keys(COMMAND_TABLE) as CommandName[];
/** Other names a command answers to: az's words, for people who come from az. */
export const COMMAND_ALIASES: Readonly<Record<string, CommandName>> = { update: 'extend' };
/** The commands that talk to Azure by themselves: each has a time limit (--timeout). */
export const AZURE_COMMANDS = COMMANDS.filter((name) => 'prepare' in COMMAND_TABLE[name]);

/** Reads a command's flags into its options (throwing UsageError) and returns its work, not yet started. */
export function prepareCommand(mode: Mode, values: Values, now: Date): Promise<PreparedCommand> {
  const prepare = modeEntry(mode).prepare;
  if (!prepare) throw new Error(`'${mode}' is not a command that talks to Azure`);
  // One table of the run's files, checked before any request (run-files.ts).
  checkRunFiles(values, process.env);
  return prepare(values, now);
}

export function modeEntry(mode: Mode): ModeEntry {
  return mode === 'wizard' ? WIZARD : COMMAND_TABLE[mode];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
