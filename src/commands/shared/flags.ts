/**
 * The flags more than one command takes (the target, the key's name, a new key's source, --apply),
 * and how a command reads them; each command's own list is in its folder (commands/<name>/flags.ts). The command line (src/cli/) composes these with the flags of every run (sign-in,
 * output, colour) into the one schema that parses argv, writes --help and completion; nothing here
 * imports it. Kept apart from the commands' code so that parsing argv loads no command.
 */

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

export type TargetValues = Values<FlagName<typeof TARGET_FLAGS>>;
/** What a command's parse reads: its own flags, and the output choice of every run. */
export type CommandValues<Flags extends readonly FlagSpec[]> = Values<FlagName<Flags> | 'output'>;
