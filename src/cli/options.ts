/**
 * The one schema of the flags: it drives parsing, `--help`, completion and the usage errors.
 * The commands are in commands.ts. Keep both in step with shared/docs/cli-contract.md and
 * the README.
 */
import type { Mode } from './commands';
import { CLOUDS, type CloudName } from '../domain/clouds';
import { AUTH_MODES } from '../domain/auth-modes';

const AZURE: readonly Mode[] = ['wizard', 'create', 'list', 'show', 'delete', 'rotate', 'endpoint'];
const ALL: readonly Mode[] = [...AZURE, 'emulator', 'completion'];
/** The modes that run by themselves, with no person in the loop: each has a time limit. */
export const TIMED: readonly Mode[] = AZURE.filter((mode) => mode !== 'wizard');

export interface OptionSpec {
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  value?: string;
  /** May be given more than once; read with `texts`. */
  multiple?: boolean;
  help: string;
  modes: readonly Mode[];
  /** The only values the option takes; anything else is a usage error at parse time. */
  choices?: readonly string[];
}

export const OUTPUTS = ['text', 'json'] as const;
export const CLOUD_CHOICES = Object.keys(CLOUDS) as CloudName[];

export const OPTIONS = [
  {
    name: 'subscription',
    type: 'string',
    value: '<id>',
    help: 'Azure subscription (default: all visible in the wizard, the Azure CLI default elsewhere)',
    modes: AZURE,
  },
  {
    name: 'resource-group',
    short: 'g',
    type: 'string',
    value: '<name>',
    help: 'resource group of the deployment',
    modes: AZURE,
  },
  {
    name: 'deployment',
    short: 'd',
    type: 'string',
    value: '<name|id>',
    help: 'NGINXaaS deployment name or full ARM resource id',
    modes: AZURE,
  },
  {
    name: 'name',
    short: 'n',
    type: 'string',
    value: '<key-name>',
    help: 'API key name (1-30 letters, digits, inner hyphens)',
    modes: ['wizard', 'create', 'show', 'delete', 'rotate'],
  },
  {
    name: 'expires',
    type: 'string',
    value: '<when>',
    help: '30d, 90d, 6mo (default), 1y, 2y, a date 2027-05-01 or an RFC 3339 time',
    modes: ['create', 'rotate'],
  },
  { name: 'secret-stdin', type: 'boolean', help: 'read the key from standard input', modes: ['create', 'rotate'] },
  {
    name: 'secret-file',
    type: 'string',
    value: '<path>',
    help: 'read the key from a file',
    modes: ['create', 'rotate'],
  },
  { name: 'generate', type: 'boolean', help: 'generate the key (the default)', modes: ['create', 'rotate'] },
  {
    name: 'secret-out',
    type: 'string',
    value: '<path>',
    help: 'write a generated key to this file (mode 0600)',
    modes: ['create', 'rotate'],
  },
  {
    name: 'force',
    type: 'boolean',
    help: 'let --secret-out and --emit files replace existing ones',
    modes: ['create', 'rotate'],
  },
  {
    name: 'emit',
    type: 'string',
    value: '<kind=dest>',
    help: 'hand the key off (repeatable): nlk=FILE, asg-sync=FILE, env=FILE, or keyvault=<secret URL> (https://<vault>.vault.azure.net/secrets/<name>)',
    modes: ['create', 'rotate'],
    multiple: true,
  },
  {
    name: 'verify',
    type: 'boolean',
    help: 'check the new key on the dataplane (GET <endpoint>/packages), waiting up to 30 s for it to take',
    modes: ['create'],
  },
  {
    name: 'new-name',
    type: 'string',
    value: '<key-name>',
    help: "name of the new key (default: the old name with today's date)",
    modes: ['rotate'],
  },
  {
    name: 'keep-old',
    type: 'boolean',
    help: 'keep the old key; print the command that deletes it later',
    modes: ['rotate'],
  },
  { name: 'replace', type: 'boolean', help: 'allow replacing an existing key of that name', modes: ['create'] },
  {
    name: 'show-secret',
    type: 'boolean',
    help: 'print a generated key on stdout (text) or as "secret" (json)',
    modes: ['create', 'rotate'],
  },
  { name: 'all', type: 'boolean', help: "list every deployment's keys across the subscriptions", modes: ['list'] },
  {
    name: 'expiring-within',
    type: 'string',
    value: '<days>',
    help: 'exit 3 when a listed key expires within that many days or has expired',
    modes: ['list'],
  },
  {
    name: 'yes',
    short: 'y',
    type: 'boolean',
    help: 'do not ask before deleting (rotate: delete the old key)',
    modes: ['delete', 'rotate'],
  },
  {
    name: 'if-exists',
    type: 'boolean',
    help: 'a key that is not there is no error (exit 0): for scripts that clean up',
    modes: ['delete'],
  },
  {
    name: 'nplus',
    type: 'boolean',
    help: 'print the …/nplus form that NLK and nginx-asg-sync take',
    modes: ['endpoint'],
  },
  { name: 'port', type: 'string', value: '<n>', help: 'port on 127.0.0.1 (default: a free one)', modes: ['emulator'] },
  {
    name: 'seed',
    type: 'string',
    value: '<file>',
    help: 'start from this JSON world instead of the sample data',
    modes: ['emulator'],
  },
  {
    name: 'state',
    type: 'string',
    value: '<file>',
    help: 'load and keep the world in this JSON file (mode 0600)',
    modes: ['emulator'],
  },
  {
    name: 'seed-fleet',
    type: 'string',
    value: '<SxD>',
    help: 'start from a generated fleet: S subscriptions with D deployments each, one key each (1000x3)',
    modes: ['emulator'],
  },
  {
    name: 'latency',
    type: 'string',
    value: '<ms>',
    help: 'add this many milliseconds to every answer, as a far-away ARM would',
    modes: ['emulator'],
  },
  {
    name: 'auth',
    type: 'string',
    value: '<mode>',
    help: 'cli (default), default, device-code, browser, env, token (NGINXAAS_ACCESS_TOKEN)',
    modes: AZURE,
    choices: AUTH_MODES,
  },
  { name: 'tenant', type: 'string', value: '<id>', help: 'Microsoft Entra tenant to sign in to', modes: AZURE },
  {
    name: 'arm-endpoint',
    type: 'string',
    value: '<url>',
    help: 'Azure Resource Manager URL, https only (env NGINXAAS_ARM_ENDPOINT)',
    modes: AZURE,
  },
  {
    name: 'arm-audience',
    type: 'string',
    value: '<uri>',
    help: 'audience of the ARM token where it cannot be derived, e.g. Azure Stack (env NGINXAAS_ARM_AUDIENCE)',
    modes: AZURE,
  },
  {
    name: 'arm-ca',
    type: 'string',
    value: '<file>',
    help: 'extra PEM certificate to trust for that endpoint only (env NGINXAAS_ARM_CA)',
    modes: AZURE,
  },
  {
    name: 'cloud',
    type: 'string',
    value: '<name>',
    help: 'AzureCloud (default), AzureChinaCloud, AzureUSGovernment',
    modes: AZURE,
    choices: CLOUD_CHOICES,
  },
  {
    name: 'demo',
    type: 'boolean',
    help: 'use the embedded emulator with sample data, kept between runs: no Azure account needed',
    modes: AZURE,
  },
  {
    name: 'demo-reset',
    type: 'boolean',
    help: "start the demo's world over (it is kept between runs in the user's state folder)",
    modes: AZURE,
  },
  {
    name: 'timeout',
    type: 'string',
    value: '<time>',
    help: 'give up when the whole run takes longer: 90s, 5m, 1h (default 10m; env NGINXAAS_KEYS_TIMEOUT)',
    modes: TIMED,
  },
  { name: 'plain', type: 'boolean', help: 'line-by-line prompts instead of the full-screen wizard', modes: ['wizard'] },
  {
    name: 'output',
    short: 'o',
    type: 'string',
    value: '<text|json>',
    help: 'json prints one JSON document on stdout',
    modes: ALL,
    choices: OUTPUTS,
  },
  { name: 'no-color', type: 'boolean', help: 'no colours (also NO_COLOR, TERM=dumb)', modes: ALL },
  { name: 'verbose', type: 'boolean', help: 'log requests to stderr (never a key or token)', modes: ALL },
  { name: 'help', short: 'h', type: 'boolean', help: 'show help', modes: ALL },
  { name: 'version', type: 'boolean', help: 'show the version', modes: ALL },
] as const satisfies readonly OptionSpec[];

/** The same list, read as plain specs (for help and the parser, which look at every field). */
export const OPTION_SPECS: readonly OptionSpec[] = OPTIONS;

export type OptionName = (typeof OPTIONS)[number]['name'];
/** The flags as parsed: read them through `text` and `flag`, whose names the compiler checks. */
export type Values = Partial<Record<OptionName, string | boolean | string[]>>;

export function text(values: Values, name: OptionName): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable option, in the order given. */
export function texts(values: Values, name: OptionName): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

export function flag(values: Values, name: OptionName): boolean {
  return values[name] === true;
}
