/**
 * Reads argv with the one schema (src/cli/options.ts): the mode, the flags, and the usage errors
 * in plain words — an unknown or misplaced flag, a value outside its choices, a stray argument
 * (never echoed: it may be a key pasted where it must not go).
 */
import { COMMAND_NAME } from '../domain/started-as';
import { parseArgs } from 'node:util';
import { COMMAND_ALIASES, COMMANDS, modeEntry, SHELLS, type CommandName, type Mode, type Shell } from './command-table';
import { OPTION_SPECS, type OptionName, type Values } from './options';
import { checkKeyName } from '../domain/key-name';
import { checkResourceGroup, checkSubscriptionId } from '../domain/resource-id';
import { nearest } from '../domain/suggest';
import { UsageError } from '../port/usage-error';
import { helpTopicNamed, type HelpTopic } from './help-topics';

export interface ParsedArgs {
  mode: Mode;
  values: Values;
  /** `completion <shell>`. */
  shell?: Shell;
  /** `help help`: what `help` itself does. */
  helpOnHelp?: true;
  /** `help <topic>` for a topic that is no command (`help accessibility`, `help a11y`). */
  helpTopic?: HelpTopic;
  /** The plain arguments of a command that reads its own (`config set <name> <value>`). */
  words?: string[];
}

/** `program`: the program as this run was started, for a usage error that names a command to run. */
export function parseCommandLine(argv: string[], program = COMMAND_NAME): ParsedArgs {
  try {
    return parse(argv, program);
  } catch (error) {
    // Name the command a usage error is about, so the message points at its own help.
    const command = argv.find((word) => !word.startsWith('-'));
    if (error instanceof UsageError && command !== undefined && isCommand(command)) error.command = command;
    throw error;
  }
}

/** A resource group or subscription that ARM would refuse (or read as another path): refused here. */
function checkScopeValues(values: Values): void {
  const group = values['resource-group'];
  if (typeof group === 'string') {
    const check = checkResourceGroup(group);
    if (!check.ok) throw new UsageError(check.problem);
  }
  const subscription = values.subscription;
  if (typeof subscription === 'string') {
    const check = checkSubscriptionId(subscription);
    if (!check.ok) throw new UsageError(`--subscription: ${check.problem}`);
  }
}

/** `--name a --name b` would silently take b: a flag that takes one value is given once. */
function refuseRepeated(tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = OPTION_SPECS.find((o) => o.name === token.name);
    if (!spec || spec.multiple || spec.type !== 'string') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given twice; give it once`);
    seen.add(token.name);
  }
}

function parse(argv: string[], program: string): ParsedArgs {
  // Absent, not undefined: node:util's parseArgs refuses a `short` or `multiple` key that is undefined.
  const options = Object.fromEntries(
    OPTION_SPECS.map((o) => [
      o.name,
      { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(plainParseError((error as Error).message));
  }
  refuseRepeated(parsed.tokens ?? []);
  checkScopeValues(parsed.values as Values);
  const [word, ...extra] = parsed.positionals;
  const command = word === undefined ? undefined : (COMMAND_ALIASES[word] ?? word);
  let mode: Mode = 'wizard';
  if (command !== undefined) {
    if (command === 'help') {
      const topic = extra[0] === undefined ? undefined : (COMMAND_ALIASES[extra[0]] ?? extra[0]);
      if (topic === undefined) return { mode: 'wizard', values: { help: true } };
      if (topic === 'help') return { mode: 'wizard', values: { help: true }, helpOnHelp: true };
      const helpTopic = helpTopicNamed(topic);
      if (helpTopic) return { mode: 'wizard', values: { help: true }, helpTopic };
      if (!isCommand(topic)) throw unknownCommand(topic, 'help');
      return { mode: topic, values: { help: true } };
    }
    if (!isCommand(command)) throw unknownCommand(command);
    mode = command;
  }
  const values = parsed.values as Values;
  // Starting the demo over is a demo run: without this, `list --demo-reset` went to Azure.
  if (values['demo-reset']) values.demo = true;
  const ownWords = modeEntry(mode).words === true;
  if (mode !== 'completion' && !ownWords) takePositionals(mode, extra, values);
  for (const name of Object.keys(values)) {
    const spec = OPTION_SPECS.find((o) => o.name === name);
    if (spec && !spec.modes.includes(mode)) {
      throw new UsageError(`--${name} does not apply to ${mode === 'wizard' ? 'the wizard' : `'${mode}'`}`);
    }
    const value = values[name as OptionName];
    if (spec?.choices && typeof value === 'string') {
      // -o JSON or --cloud azurecloud: the choice is meant; take its own spelling.
      const chosen = spec.choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
      if (chosen === undefined) {
        const guess = nearest(value, spec.choices);
        const hint = guess ? `; did you mean '${guess}'?` : '';
        throw new UsageError(`--${name} takes ${spec.choices.join(', ')}; not '${value}'${hint}`);
      }
      values[name as OptionName] = chosen;
    }
  }
  if (values.output === 'prometheus' && mode !== 'list')
    throw new UsageError("-o prometheus is for 'list' (the keys' expiry, for monitoring); use -o json here");
  if (mode === 'completion') return { mode, values, ...completionShell(extra, values, program) };
  if (ownWords) return { mode, values, words: extra };
  return { mode, values };
}

/** Arguments after the command become its -d and --name; one too many is never echoed. */
function takePositionals(mode: Mode, words: string[], values: Values): void {
  const slots = modeEntry(mode).positionals ?? [];
  if (words.length > slots.length) {
    const usage = slots.length > 0 ? `; '${mode}' takes ${slots.map((s) => `<${s}>`).join(' ')}` : '';
    // Not echoed: a stray argument may well be a key pasted where it must not go.
    throw new UsageError(
      `unexpected argument after '${mode}' (not shown)${usage}; a key is never taken from the command line: use --secret-stdin or --secret-file`,
    );
  }
  words.forEach((word, i) => {
    const slot = slots[i] as 'deployment' | 'name';
    if (values[slot] !== undefined)
      // Not echoed either: beside a --deployment, a word is more likely a pasted key than a name.
      throw new UsageError(
        `unexpected argument after '${mode}' (not shown): --${slot} is given already; a key is never taken from the command line: use --secret-stdin or --secret-file`,
      );
    if (slot === 'name' && !checkKeyName(word).ok)
      throw new UsageError(
        `the second argument of '${mode}' is not a key name (not shown): 1 to 30 letters, digits and inner hyphens`,
      );
    values[slot] = word;
  });
}

function completionShell(words: string[], values: Values, program: string): { shell?: Shell } {
  if (values.help) return {};
  const [shell, ...rest] = words;
  if (shell === undefined || rest.length > 0 || !(SHELLS as readonly string[]).includes(shell)) {
    const guess = shell !== undefined && rest.length === 0 ? nearest(shell, SHELLS) : undefined;
    const hint = guess ? `; did you mean '${guess}'?` : `: ${program} completion bash`;
    throw new UsageError(`completion takes one of ${SHELLS.join(', ')}${hint}`);
  }
  return { shell: shell as Shell };
}

function isCommand(word: string): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word);
}

/** A word that looks like a flag or a command may be repeated; anything else may be a key. */
const SAFE_TO_SHOW = /^-{0,2}[a-z][a-z-]{0,30}$/;

/** The word is never echoed unless it looks like a command: it may be a key pasted in the wrong place. */
function unknownCommand(word: string, context?: 'help'): UsageError {
  const shown = SAFE_TO_SHOW.test(word) ? `'${word}'` : '(not shown)';
  const guess = nearest(word, COMMANDS);
  const hint = guess ? `; did you mean '${guess}'?` : `; the commands are ${COMMANDS.join(', ')}`;
  return new UsageError(`${context === 'help' ? 'no help for unknown command' : 'unknown command'} ${shown}${hint}`);
}

function plainParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) {
    const flag = unknown[1] ?? '';
    const guess = nearest(
      flag.replace(/^-+/, ''),
      OPTION_SPECS.map((o) => o.name),
    );
    const shown = SAFE_TO_SHOW.test(flag) ? `'${flag}'` : '(not shown)';
    return `unknown option ${shown}${guess ? `; did you mean '--${guess}'?` : ''}`;
  }
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `option '${missing[1]?.replace(/^-\w, /, '')}' needs a value`;
  // `--expiring-within -5`: the value looks like a flag, so the parser will not take it as one.
  const dashed = /Option '([^']+)' argument is ambiguous/.exec(message);
  if (dashed) {
    const flag = dashed[1]?.replace(/^-\w, /, '') ?? '';
    return `option '${flag}' needs a value; one that begins with '-' is given as ${flag}=<value>`;
  }
  const unexpected = /Option '([^']+)' does not take an argument/.exec(message);
  if (unexpected) return `option '${unexpected[1]?.replace(/^-\w, /, '')}' takes no value`;
  return message.split('\n')[0] ?? message;
}
