/**
 * The one schema of the flags, composed: each mode's own flags from the table of modes (the
 * commands own theirs, in commands/flags.ts), and the flags of every run — where it goes and how
 * it signs in, its output and colour. It drives parsing, `--help`, completion and the usage
 * errors. Keep it in step with the product's contract, docs/ and the README.
 */
import { CLOUDS, type CloudName } from '../domain/clouds';
import { AUTH_MODES } from '../domain/auth-modes';
import {
  flag as readFlag,
  text as readText,
  texts as readTexts,
  type FlagName,
  type FlagSpec,
} from '../commands/shared/flags';
import type { Values as FlagValues } from '../commands/shared/flags';
import { AZURE_COMMANDS, COMMAND_TABLE, COMMANDS, modeEntry, WIZARD, type Mode } from './command-table';

export interface OptionSpec extends FlagSpec {
  /** The modes that take it. */
  modes: readonly Mode[];
}

export const OUTPUTS = ['text', 'json', 'prometheus'] as const;
export const CLOUD_CHOICES = Object.keys(CLOUDS) as CloudName[];

/** Where a run goes and how it signs in: the wizard's and every Azure command's. */
const CONNECT_FLAGS = [
  {
    name: 'auth',
    type: 'string',
    value: '<mode>',
    help: 'cli (default), default, device-code, browser, env, token (NGINXAAS_ACCESS_TOKEN)',
    choices: AUTH_MODES,
  },
  { name: 'tenant', type: 'string', value: '<id>', help: 'Microsoft Entra tenant to sign in to' },
  {
    name: 'arm-endpoint',
    type: 'string',
    value: '<url>',
    help: 'Azure Resource Manager URL, https only (env NGINXAAS_ARM_ENDPOINT)',
  },
  {
    name: 'arm-audience',
    type: 'string',
    value: '<uri>',
    help: 'audience of the ARM token where it cannot be derived, e.g. Azure Stack (env NGINXAAS_ARM_AUDIENCE)',
  },
  {
    name: 'arm-ca',
    type: 'string',
    value: '<file>',
    help: 'extra PEM certificate to trust for that endpoint only (env NGINXAAS_ARM_CA)',
  },
  {
    name: 'cloud',
    type: 'string',
    value: '<name>',
    help: 'AzureCloud (default), AzureChinaCloud, AzureUSGovernment',
    choices: CLOUD_CHOICES,
  },
  {
    name: 'demo',
    type: 'boolean',
    help: 'use the embedded emulator with sample data, kept between runs: no Azure account needed',
  },
  {
    name: 'demo-reset',
    type: 'boolean',
    help: "start the demo's world over (it is kept between runs in the user's state folder); implies --demo",
  },
] as const satisfies readonly FlagSpec[];

/** A command runs by itself, with no person in the loop: it keeps time, and may write its output to a file. */
const COMMAND_RUN_FLAGS = [
  {
    name: 'timeout',
    type: 'string',
    value: '<time>',
    help: 'give up when the whole run takes longer: 90s, 5m, 1h (default 10m; env NGINXAAS_KEYS_TIMEOUT)',
  },
  {
    name: 'output-file',
    type: 'string',
    value: '<path>',
    help: 'write the output there (0644), whole or not at all: a temporary file beside it, then renamed',
  },
  {
    name: 'quiet',
    short: 'q',
    type: 'boolean',
    help: 'no notes or warnings on stderr when all went well (errors still go there; exit codes unchanged)',
  },
] as const satisfies readonly FlagSpec[];

/** What a run that prints something says or shows: not `completion`, whose output is a script. */
const OUTPUT_FLAGS = [
  {
    name: 'output',
    short: 'o',
    type: 'string',
    value: '<format>',
    help: 'text (the default); json: one JSON document on stdout; prometheus (list): the text exposition format',
    choices: OUTPUTS,
  },
  { name: 'no-color', type: 'boolean', help: 'no colours (also NO_COLOR, TERM=dumb)' },
  { name: 'verbose', type: 'boolean', help: 'log requests to stderr (never a key or token)' },
] as const satisfies readonly FlagSpec[];

/** Which saved defaults a run takes (config): every command's but the emulator's and completion's. */
const PROFILE_FLAGS = [
  {
    name: 'profile',
    type: 'string',
    value: '<name>',
    help: 'a named set of saved defaults (env NGINXAAS_KEYS_PROFILE; see the config command)',
  },
] as const satisfies readonly FlagSpec[];

const EVERY_RUN_FLAGS = [
  { name: 'help', short: 'h', type: 'boolean', help: 'show help' },
  { name: 'version', type: 'boolean', help: 'show the version' },
] as const satisfies readonly FlagSpec[];

const AZURE_MODES: readonly Mode[] = ['wizard', ...AZURE_COMMANDS];
const ALL_MODES: readonly Mode[] = ['wizard', ...COMMANDS];

/** The flags of every run that `mode` takes (listed as inherited in --help). */
function runFlagsOf(mode: Mode): readonly FlagSpec[] {
  return [
    ...(AZURE_MODES.includes(mode) ? CONNECT_FLAGS : []),
    ...(mode !== 'wizard' && AZURE_MODES.includes(mode) ? COMMAND_RUN_FLAGS : []),
    ...(mode === 'completion' ? [] : OUTPUT_FLAGS),
    ...(mode === 'completion' || mode === 'emulator' ? [] : PROFILE_FLAGS),
    ...EVERY_RUN_FLAGS,
  ];
}

/** A mode's flags as its --help lists them: its own, then those of every run. */
export function flagsOf(mode: Mode): { own: FlagSpec[]; inherited: FlagSpec[] } {
  const own = modeEntry(mode).flags;
  return {
    own: own.filter((f) => !f.inherited),
    inherited: [...own.filter((f) => f.inherited), ...runFlagsOf(mode)],
  };
}

/** One spec per name with the modes that take it; a name two modes spell differently is a bug. */
function compose(): OptionSpec[] {
  const byName = new Map<string, OptionSpec>();
  for (const mode of ALL_MODES)
    for (const spec of [...modeEntry(mode).flags, ...runFlagsOf(mode)]) {
      const known = byName.get(spec.name);
      if (!known) {
        byName.set(spec.name, { ...spec, modes: [mode] });
        continue;
      }
      if (known.type !== spec.type || known.short !== spec.short || known.multiple !== spec.multiple)
        throw new Error(`--${spec.name} is defined two ways (for ${known.modes.join(', ')} and ${mode})`);
      byName.set(spec.name, { ...known, modes: [...known.modes, mode] });
    }
  return [...byName.values()];
}

export const OPTION_SPECS: readonly OptionSpec[] = compose();

type TableFlags = (typeof COMMAND_TABLE)[keyof typeof COMMAND_TABLE]['flags'];
export type OptionName =
  | FlagName<TableFlags>
  | FlagName<typeof WIZARD.flags>
  | FlagName<typeof CONNECT_FLAGS>
  | FlagName<typeof COMMAND_RUN_FLAGS>
  | FlagName<typeof OUTPUT_FLAGS>
  | FlagName<typeof PROFILE_FLAGS>
  | FlagName<typeof EVERY_RUN_FLAGS>;
/** The flags as parsed: read them through `text` and `flag`, whose names the compiler checks. */
export type Values = FlagValues<OptionName>;

export const text = (values: Values, name: OptionName) => readText(values, name);
export const texts = (values: Values, name: OptionName) => readTexts(values, name);
export const flag = (values: Values, name: OptionName) => readFlag(values, name);
