/**
 * The flags the commands own, each listed beside the others of its command, and how a command
 * reads them. The command line (src/cli/) composes these with the flags of every run (sign-in,
 * output, colour) into the one schema that parses argv, writes --help and completion; nothing here
 * imports it. Kept apart from the commands' code so that parsing argv loads no command.
 */
import { rotatedName } from '../../domain/key-name';

export interface FlagSpec {
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  value?: string;
  /** May be given more than once; read with `texts`. */
  multiple?: boolean;
  help: string;
  /** The only values the flag takes; anything else is a usage error at parse time. */
  choices?: readonly string[];
  /** Listed under INHERITED FLAGS in --help, with the flags of every run. */
  inherited?: boolean;
}

/** The flags as parsed, by name: a command reads them through `text`, `texts` and `flag`. */
export type Values<Name extends string = string> = Partial<Record<Name, string | boolean | string[]>>;
/** The names a list of flags defines, for a command's own Values. */
export type FlagName<Flags extends readonly FlagSpec[]> = Flags[number]['name'];

export function text<N extends string>(values: Values<N>, name: N): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable flag, in the order given. */
export function texts<N extends string>(values: Values<N>, name: N): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

export function flag<N extends string>(values: Values<N>, name: N): boolean {
  return values[name] === true;
}

/** Where a command (and the wizard) goes: -d, -g, --subscription. */
export const TARGET_FLAGS = [
  {
    name: 'subscription',
    type: 'string',
    value: '<id>',
    help: 'Azure subscription (default: all visible in the wizard, the Azure CLI default elsewhere)',
    inherited: true,
  },
  { name: 'resource-group', short: 'g', type: 'string', value: '<name>', help: 'resource group of the deployment' },
  {
    name: 'deployment',
    short: 'd',
    type: 'string',
    value: '<name|id>',
    help: 'NGINXaaS deployment name or full ARM resource id',
  },
] as const satisfies readonly FlagSpec[];

export const KEY_NAME_FLAG = {
  name: 'name',
  short: 'n',
  type: 'string',
  value: '<key-name>',
  help: 'API key name (1-30 letters, digits, inner hyphens)',
} as const satisfies FlagSpec;

/** A new key's expiry, its value, and where it goes: create and rotate alike. */
export const NEW_KEY_FLAGS = [
  {
    name: 'expires',
    type: 'string',
    value: '<when>',
    help: '30d, 90d, 6mo (default), 1y, 2y, a date 2027-05-01 or an RFC 3339 time',
  },
  { name: 'secret-stdin', type: 'boolean', help: 'read the key from standard input' },
  { name: 'secret-file', type: 'string', value: '<path>', help: 'read the key from a file' },
  { name: 'generate', type: 'boolean', help: 'generate the key (the default)' },
  { name: 'secret-out', type: 'string', value: '<path>', help: 'write a generated key to this file (mode 0600)' },
  { name: 'force', type: 'boolean', help: 'let --secret-out and --emit files replace existing ones' },
  {
    name: 'emit',
    type: 'string',
    value: '<kind=dest>',
    help: 'hand the key off (repeatable): nlk=FILE, asg-sync=FILE, env=FILE, or keyvault=<secret URL> (a Key Vault secret)',
    multiple: true,
  },
  { name: 'show-secret', type: 'boolean', help: 'print a generated key on stdout (text) or as "secret" (json)' },
] as const satisfies readonly FlagSpec[];

/** Finishing the job at the consumers (--apply): where they are, how long they must run, a dry run. */
export const APPLY_FLAGS = [
  {
    name: 'apply',
    type: 'string',
    value: '<kind=target>',
    help: 'put the key in place and prove it in use (repeatable): nlk-helm=<release>, nlk-ext=<extension>, asg-sync=systemd[:<unit>]',
    multiple: true,
  },
  {
    name: 'kube-context',
    type: 'string',
    value: '<name>',
    help: 'the kube context of the NLK cluster (required for nlk-helm; never the ambient one)',
  },
  {
    name: 'namespace',
    type: 'string',
    value: '<ns>',
    help: "the NLK release's namespace (default: where the release is)",
  },
  {
    name: 'chart',
    type: 'string',
    value: '<ref>',
    help: "the NLK chart to upgrade with (default: the docs' nginxcharts OCI chart, at the installed version)",
  },
  {
    name: 'settle',
    type: 'string',
    value: '<duration>',
    help: 'how long a consumer must run on the new key with no refusal before it counts as proven (default 60s)',
  },
  { name: 'cluster', type: 'string', value: '<name>', help: 'the AKS cluster of nlk-ext' },
  { name: 'cluster-group', type: 'string', value: '<rg>', help: 'the resource group of that AKS cluster' },
  { name: 'dry-run', type: 'boolean', help: 'check everything and say every command it would run; change nothing' },
] as const satisfies readonly FlagSpec[];

export const CREATE_FLAGS = [
  ...TARGET_FLAGS,
  KEY_NAME_FLAG,
  ...NEW_KEY_FLAGS,
  ...APPLY_FLAGS,
  {
    name: 'verify',
    type: 'boolean',
    help: 'check the new key on the dataplane (GET <endpoint>/packages), waiting up to 30 s for it to take',
  },
  { name: 'replace', type: 'boolean', help: 'allow replacing an existing key of that name' },
] as const satisfies readonly FlagSpec[];

export const ROTATE_FLAGS = [
  ...TARGET_FLAGS,
  KEY_NAME_FLAG,
  ...NEW_KEY_FLAGS,
  {
    name: 'new-name',
    type: 'string',
    value: '<key-name>',
    // Said by the rule itself, so that help (and zsh's completion, which shows it) cannot drift.
    help: `name of the new key (default: the old name with the next free number: nlk-prod → ${rotatedName('nlk-prod', [])}, nlk-prod-2 → ${rotatedName('nlk-prod-2', [])})`,
  },
  { name: 'keep-old', type: 'boolean', help: 'keep the old key; print the command that deletes it later' },
  {
    name: 'no-verify',
    type: 'boolean',
    help: 'do not ask the dataplane (for a run that cannot reach it): the new key is not checked, and the words and the JSON say so',
  },
  { name: 'yes', short: 'y', type: 'boolean', help: 'delete the old key once the checks pass, without asking' },
  ...APPLY_FLAGS,
  {
    name: 'retire',
    type: 'string',
    value: '<how>',
    help: 'what becomes of the old key once every --apply target is proven: delete (default), or expire=<when> (a shorter life, as AWS keeps AWSPREVIOUS)',
  },
] as const satisfies readonly FlagSpec[];

/** A new expiry for an existing key; the value only when the user re-sends it. */
export const EXTEND_FLAGS = [
  ...TARGET_FLAGS,
  KEY_NAME_FLAG,
  {
    name: 'expires',
    type: 'string',
    value: '<when>',
    help: 'the new expiry (required): 30d, 90d, 6mo, 1y, 2y, a date 2027-05-01 or an RFC 3339 time',
  },
  { name: 'secret-stdin', type: 'boolean', help: "re-send the key's current value, read from standard input" },
  { name: 'secret-file', type: 'string', value: '<path>', help: "re-send the key's current value, read from a file" },
  {
    name: 'verify',
    type: 'boolean',
    help: 'refuse rather than change only the expiry when the dataplane cannot be asked to prove that value',
  },
  {
    name: 'shorten',
    type: 'boolean',
    help: 'allow an expiry earlier than the current one (asked on a terminal; required in scripts)',
  },
  {
    name: 'emit',
    type: 'string',
    value: '<kind=dest>',
    help: 'keyvault=<secret URL>: a new version of that secret, with the same value and the new expiresOn',
    multiple: true,
  },
] as const satisfies readonly FlagSpec[];

/** Who the run is, what it sees, and whether a key's value works. */
export const STATUS_FLAGS = [
  ...TARGET_FLAGS,
  { name: 'secret-stdin', type: 'boolean', help: "check a key's value read from standard input (with -d)" },
  { name: 'secret-file', type: 'string', value: '<path>', help: "check a key's value read from a file (with -d)" },
  {
    name: 'keyvault',
    type: 'string',
    value: '<secret URL>',
    help: "check the key's value in that Key Vault secret's newest version (with -d)",
  },
] as const satisfies readonly FlagSpec[];

export const LIST_FLAGS = [
  ...TARGET_FLAGS,
  { name: 'all', type: 'boolean', help: "list every deployment's keys across the subscriptions" },
  {
    name: 'expiring-within',
    type: 'string',
    value: '<days>',
    help: 'exit 3 when a listed key expires within that many days or has expired',
  },
] as const satisfies readonly FlagSpec[];

export const SHOW_FLAGS = [...TARGET_FLAGS, KEY_NAME_FLAG] as const satisfies readonly FlagSpec[];

export const DELETE_FLAGS = [
  ...TARGET_FLAGS,
  KEY_NAME_FLAG,
  { name: 'yes', short: 'y', type: 'boolean', help: 'do not ask before deleting' },
  {
    name: 'if-exists',
    type: 'boolean',
    help: 'a key that is not there is no error (exit 0): for scripts that clean up',
  },
] as const satisfies readonly FlagSpec[];

export const ENDPOINT_FLAGS = [
  ...TARGET_FLAGS,
  { name: 'nplus', type: 'boolean', help: 'print the …/nplus form that NLK and nginx-asg-sync take' },
] as const satisfies readonly FlagSpec[];

export const EMULATOR_FLAGS = [
  { name: 'port', type: 'string', value: '<n>', help: 'port on 127.0.0.1 (default: a free one)' },
  { name: 'seed', type: 'string', value: '<file>', help: 'start from this JSON world instead of the sample data' },
  { name: 'state', type: 'string', value: '<file>', help: 'load and keep the world in this JSON file (mode 0600)' },
  {
    name: 'seed-fleet',
    type: 'string',
    value: '<SxD>',
    help: 'start from a generated fleet: S subscriptions with D deployments each, one key each (1000x3)',
  },
  {
    name: 'latency',
    type: 'string',
    value: '<ms>',
    help: 'add this many milliseconds to every answer, as a far-away ARM would',
  },
] as const satisfies readonly FlagSpec[];

export type TargetValues = Values<FlagName<typeof TARGET_FLAGS>>;
/** What a command's parse reads: its own flags, and the output choice of every run. */
export type CommandValues<Flags extends readonly FlagSpec[]> = Values<FlagName<Flags> | 'output'>;

/** `config set|get|unset|list`: its words are read by the command itself (cli/config-command.ts). */
export const CONFIG_FLAGS = [
  { name: 'demo', type: 'boolean', help: "the demo's own saved defaults, kept apart from yours" },
] as const satisfies readonly FlagSpec[];

/** `history`: what this machine changed, filtered. */
export const HISTORY_FLAGS = [
  {
    name: 'deployment',
    short: 'd',
    type: 'string',
    value: '<name|id>',
    help: "only this deployment's changes (its name or full ARM resource id)",
  },
  { name: 'key', type: 'string', value: '<key-name>', help: "only this key's changes" },
  {
    name: 'since',
    type: 'string',
    value: '<when>',
    help: 'only changes since then: 12h, 7d, 2w, a date 2026-05-01 or an RFC 3339 time',
  },
  { name: 'limit', type: 'string', value: '<n>', help: 'at most this many entries, newest first (default 50)' },
  { name: 'demo', type: 'boolean', help: "the demo's own history, kept apart from yours" },
] as const satisfies readonly FlagSpec[];
