/**
 * The one table of the modes: for each command its summary, usage, examples, plain arguments,
 * its own flags (which it owns, in commands/flags.ts) and how it is prepared — its code loads
 * only when it runs. --help, completion, the parser and main.ts read this table; adding a command
 * is an entry here, its flags, and its module.
 */
import type { CommandDeps } from '../commands/shared/deps';
import {
  CONFIG_FLAGS,
  CREATE_FLAGS,
  DELETE_FLAGS,
  EMULATOR_FLAGS,
  ENDPOINT_FLAGS,
  EXTEND_FLAGS,
  HISTORY_FLAGS,
  KEY_NAME_FLAG,
  LIST_FLAGS,
  ROTATE_FLAGS,
  SHOW_FLAGS,
  STATUS_FLAGS,
  TARGET_FLAGS,
  type FlagSpec,
  type Values,
} from '../commands/shared/flags';

import { checkRunFiles } from './run-files';
import { SETTING_NAMES } from '../domain/settings';

/** A command's work once its flags are read: run with the gateway and I/O it is handed. */
export type PreparedCommand = (deps: CommandDeps) => Promise<number>;
type Prepare = (values: Values, now: Date) => Promise<PreparedCommand>;

export interface ModeEntry {
  /** One line, for the list of commands in the wizard's --help. */
  summary: string;
  usage: string;
  about: string;
  examples: readonly string[];
  flags: readonly FlagSpec[];
  /**
   * What it takes as plain arguments, in order: `show web-01 nlk-prod` is
   * `show -d web-01 --name nlk-prod`.
   */
  positionals?: readonly ('deployment' | 'name')[];
  /** Reads its plain arguments itself (`config set <name> <value>`): parse.ts hands them over as they are. */
  words?: true;
  /** Reads the flags (every usage error, before any sign-in or request); the work is done later. */
  prepare?: Prepare;
}

/**
 * A date that is always a valid --expires, on the day the help is read and for a year after: 31
 * December of the year after yesterday's (UTC), 364 days to two years ahead. An example with a
 * fixed date would be refused once that date is near or past; "next year" counted from today
 * would be refused in the first minutes of a year, when its 23:59 end is past the two-year limit
 * less the safety margin.
 */
export function lastDayOfNextYear(): string {
  const yesterday = new Date(Date.now() - 86_400_000);
  return `${yesterday.getUTCFullYear() + 1}-12-31`;
}

/** Loads a command's module, then pairs its parse with its run. */
function lazily<M, O>(
  load: () => Promise<M>,
  pick: (module: M) => [(values: Values, now: Date) => O, (options: O, deps: CommandDeps) => Promise<number>],
): Prepare {
  return async (values, now) => {
    const [parse, run] = pick(await load());
    const options = parse(values, now);
    return (deps) => run(options, deps);
  };
}

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
  create: {
    summary: 'create a key without prompts (scripts, CI)',
    usage: 'nginxaas-keys create -d <deployment> [-g <rg>] --name <key-name> [flags]',
    about:
      'Create a key without prompts, for scripts and CI. Every check happens before any request; the key goes only where you ask (a 0600 file, stdout, a hand-off, or a consumer with --apply, which installs NLK with helm upgrade --install where it is not there yet), never on a command line.',
    examples: [
      'nginxaas-keys create -d web-01 --name nlk-canary --secret-out nlk-canary.key --demo',
      'nginxaas-keys create -d web-01 --name nlk-east --emit nlk=nlk.yaml --verify --demo',
      'nginxaas-keys create -d web-01 --name nlk-west --secret-stdin --demo < key.txt',
    ],
    // No key name as a plain argument: the word after a deployment on a create line is where a
    // key gets pasted by mistake.
    positionals: ['deployment'],
    flags: CREATE_FLAGS,
    prepare: lazily(
      () => import('../commands/create/create'),
      (m) => [m.parseCreateOptions, m.runCreate],
    ),
  },
  list: {
    summary: 'keys of one deployment, or of every deployment (--all)',
    usage: 'nginxaas-keys list (<deployment> [-g <rg>] | --all) [flags]',
    about:
      'The keys of one deployment, or of every deployment (--all), with their expiry and a summary of what expires soon.',
    examples: [
      'nginxaas-keys list -d web-01 -g edge-rg --demo',
      'nginxaas-keys list --all --expiring-within 30 --demo  # exit 3: some expire',
      'nginxaas-keys list --all -o prometheus --output-file keys.prom --quiet --demo  # cron: silent when all is well',
    ],
    positionals: ['deployment'],
    flags: LIST_FLAGS,
    prepare: lazily(
      () => import('../commands/list/list'),
      (m) => [m.parseListOptions, m.runList],
    ),
  },
  show: {
    summary: 'one key: hint, expiry, days left',
    usage: 'nginxaas-keys show <deployment> <key-name> [-g <rg>] [flags]',
    about: 'One key: its hint, expiry, days left and the endpoint it works on.',
    examples: [
      'nginxaas-keys show web-01 nlk-prod --demo',
      'nginxaas-keys show -d web-01 -g edge-rg --name nlk-prod -o json --demo',
    ],
    positionals: ['deployment', 'name'],
    flags: SHOW_FLAGS,
    prepare: lazily(
      () => import('../commands/show/show'),
      (m) => [m.parseShowOptions, m.runShow],
    ),
  },
  delete: {
    summary: 'delete a key (asks first unless --yes)',
    usage: 'nginxaas-keys delete <deployment> <key-name> [-g <rg>] [--yes] [--if-exists]',
    about: 'Delete a key. It asks first unless --yes; whatever uses the key stops working at once.',
    examples: ['nginxaas-keys delete web-01 ci-2025 --yes --demo'],
    positionals: ['deployment', 'name'],
    flags: DELETE_FLAGS,
    prepare: lazily(
      () => import('../commands/delete/delete'),
      (m) => [m.parseDeleteOptions, m.runDelete],
    ),
  },
  rotate: {
    summary: 'new key, verified and handed off, then retire the old one',
    usage: 'nginxaas-keys rotate <deployment> <old-key> [-g <rg>] [flags]',
    about:
      'Replace a key without an outage: a new key, verified, handed off; then, once your integrations use it, verified again and the old key deleted. With --apply it finishes the job at the consumers: every NLK release, AKS extension or nginx-asg-sync unit named is checked before the key is made (the right chart and deployment, the old key in use, no GitOps owner), given the new key (on standard input or in a 0600 file, never an argument), and proven to run on it (--settle, 60 s); the first failure rolls every one back and keeps both keys. The old key is retired (--retire delete, or expire=<when>) only after every proof; --dry-run says every command it would run.',
    examples: [
      'nginxaas-keys rotate web-01 nlk-prod --emit nlk=nlk.yaml --force --demo',
      'nginxaas-keys rotate web-01 nlk-prod --apply nlk-helm=nlk --kube-context aks-prod --yes --demo',
    ],
    positionals: ['deployment', 'name'],
    flags: ROTATE_FLAGS,
    prepare: lazily(
      () => import('../commands/rotate/rotate'),
      (m) => [m.parseRotateOptions, m.runRotate],
    ),
  },
  extend: {
    summary: 'a new expiry for a key, the same secret (alias: update, as in az)',
    usage: 'nginxaas-keys extend <deployment> <key-name> [-g <rg>] --expires <when> [flags]',
    about:
      "Give a key a new expiry and keep its secret, so nothing that uses it has to change. Without a value the request carries only the expiry (as `az nginx deployment api-key update` sends it); with --secret-stdin or --secret-file the key's value is re-sent, but only once the dataplane has proven it is that key's (it takes the value and no other key has its hint); where the dataplane cannot be asked, only the expiry is sent (--verify refuses instead). An expiry earlier than the current one is asked on a terminal and needs --shorten in a script. Either way the key is read back to confirm that its hint stayed and its expiry moved. An expired key is not extended: rotate it.",
    examples: [
      'nginxaas-keys extend web-01 nlk-canary --expires 6mo --demo',
      `nginxaas-keys extend web-01 nlk-canary --expires ${lastDayOfNextYear()} --secret-file nlk-canary.key --verify --demo`,
      'nginxaas-keys update web-01 nlk-canary --expires 2y --demo',
    ],
    positionals: ['deployment', 'name'],
    flags: EXTEND_FLAGS,
    prepare: lazily(
      () => import('../commands/extend/extend'),
      (m) => [m.parseExtendOptions, m.runExtend],
    ),
  },
  status: {
    summary: 'who is signed in, what is visible, and whether a key works',
    usage: 'nginxaas-keys status [<deployment> [-g <rg>]] [--secret-stdin | --secret-file <path> | --keyvault <url>]',
    about:
      "How this run signs in and as whom, the subscriptions and deployments it can see; with a deployment, its dataplane endpoint and whether it answers; with a key's value, which key record it is (by hint), its expiry, and whether the dataplane takes it. Exit 0 when all is well, 1 when something is not, 4 when the run cannot sign in.",
    examples: [
      'nginxaas-keys status --demo',
      'nginxaas-keys status web-01 --secret-file nlk-canary.key --demo',
      'nginxaas-keys status web-01 --secret-file nlk-canary.key -o json --demo',
    ],
    positionals: ['deployment'],
    flags: STATUS_FLAGS,
    prepare: lazily(
      () => import('../commands/status/status'),
      (m) => [m.parseStatusOptions, m.runStatus],
    ),
  },
  endpoint: {
    summary: "print the deployment's dataplane API endpoint",
    usage: 'nginxaas-keys endpoint <deployment> [-g <rg>] [--nplus]',
    about: "Print the deployment's dataplane API endpoint, or the …/nplus form NLK and nginx-asg-sync take.",
    examples: ['nginxaas-keys endpoint web-01 --nplus --demo'],
    positionals: ['deployment'],
    flags: ENDPOINT_FLAGS,
    prepare: lazily(
      () => import('../commands/endpoint/endpoint'),
      (m) => [m.parseEndpointOptions, m.runEndpoint],
    ),
  },
  emulator: {
    summary: 'run the local NGINXaaS emulator in the foreground',
    usage: 'nginxaas-keys emulator [--seed FILE | --seed-fleet SxD] [--state FILE] [flags]',
    about: 'Run the local NGINXaaS emulator (ARM, dataplane, Key Vault, on 127.0.0.1) in the foreground.',
    examples: [
      'nginxaas-keys emulator --state ./world.json',
      'nginxaas-keys emulator --seed-fleet 1000x3 --latency 50',
    ],
    flags: EMULATOR_FLAGS,
  },
  config: {
    summary: 'saved defaults, per profile: set, get, unset, list',
    usage: 'nginxaas-keys config set <name> <value> | get <name> | unset <name> | list',
    about: `Saved defaults, so that -d, -g and --subscription need not be given every time. Names: ${SETTING_NAMES.join(', ')} (accessible: --plain). Each value is checked as its flag is; a bad one is refused and the saved one kept. A flag wins over the environment, the environment over the profile (--profile or NGINXAAS_KEYS_PROFILE), the profile over the default section. Kept in the config folder (XDG_CONFIG_HOME, else ~/.config; %APPDATA% on Windows), mode 0600; the demo keeps its own.`,
    examples: [
      'nginxaas-keys config set resource-group edge-rg --demo',
      'nginxaas-keys config set deployment web-01 --profile stage --demo',
      'nginxaas-keys config list -o json --demo',
    ],
    words: true,
    flags: CONFIG_FLAGS,
  },
  history: {
    summary: 'what this machine changed, newest first',
    usage: 'nginxaas-keys history [-d <deployment>] [--key <name>] [--since <when>]',
    about:
      "Every change this machine made to a key: created, extended, rotated, deleted, handed off, each with its hint, its expiry before and after, its outcome (done; failed, with ARM's code; unknown when the run ended before the answer came) and who the run was signed in as. Never a key's value. Kept in the state folder as JSON Lines (mode 0600), the oldest rotated out; the demo keeps its own (--demo).",
    examples: [
      'nginxaas-keys history --limit 5 --demo',
      'nginxaas-keys history -d web-01 --key nlk-canary -o json --demo',
    ],
    flags: HISTORY_FLAGS,
  },
  completion: {
    summary: 'print a shell completion script (bash, zsh, fish)',
    usage: 'nginxaas-keys completion <bash|zsh|fish>',
    about:
      'Print a shell completion script: commands, flags, and the values of --output, --auth and --cloud. Load it from your shell profile as the examples show.',
    examples: [
      'source <(nginxaas-keys completion bash)          # in ~/.bashrc',
      'nginxaas-keys completion zsh > "${fpath[1]}/_nginxaas-keys"',
      'nginxaas-keys completion fish | source  # in config.fish',
    ],
    flags: [],
  },
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
