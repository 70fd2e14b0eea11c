/**
 * Saved defaults at the start of a run: which profile (--profile, else NGINXAAS_KEYS_PROFILE),
 * which saved values are in force, and the run's flags filled from them where neither a flag nor
 * the environment says — so that every value then meets the very rule its flag meets, the
 * token's audience above all. Also the check `config set` makes: the value given as its flag.
 */
import { COMMAND_NAME } from '../domain/started-as';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { configFolder, stateFolder } from '../domain/platform';
import { printable } from '../domain/printable';
import {
  accessibleValue,
  checkProfileName,
  ENDPOINT_GROUP,
  savedInForce,
  sourceWords,
  type InForce,
  type Section,
  type SettingName,
  type SettingsFile,
} from '../domain/settings';
import { readSettings, SettingsFileError } from '../files/settings-file';
import { UsageError } from '../port/usage-error';
import type { Mode } from './command-table';
import { OPTION_SPECS, type OptionName, type Values } from './options';
import { parseCommandLine } from './parse';
import { parseConnectOptions, parseWizardScope } from './scope';

/** The saved defaults' file: yours in the config folder; the demo's beside it, apart. */
export function settingsPath(env: NodeJS.ProcessEnv, demo: boolean): string {
  return join(configFolder(process.platform, env, homedir()), demo ? 'demo-config.json' : 'config.json');
}

/** The history's file, in the state folder (where the demo's world is); the demo's apart. */
export function historyPath(env: NodeJS.ProcessEnv, demo: boolean): string {
  return join(stateFolder(process.platform, env, homedir()), demo ? 'demo-history.jsonl' : 'history.jsonl');
}

/** What the wizard remembers (the deployment last used, per profile), in the state folder. */
export function lastUsedPath(env: NodeJS.ProcessEnv, demo: boolean): string {
  return join(stateFolder(process.platform, env, homedir()), demo ? 'demo-last-used.json' : 'last-used.json');
}

export function loadSettings(path: string): SettingsFile {
  try {
    return readSettings(path);
  } catch (error) {
    if (error instanceof SettingsFileError) throw new UsageError(error.message);
    throw error;
  }
}

/** --profile, else NGINXAAS_KEYS_PROFILE; checked as a name. */
export function chosenProfile(values: Values, env: NodeJS.ProcessEnv): string | undefined {
  const given = typeof values.profile === 'string' ? values.profile : env.NGINXAAS_KEYS_PROFILE || undefined;
  if (given === undefined) return undefined;
  const check = checkProfileName(given);
  if (!check.ok)
    throw new UsageError(`${values.profile !== undefined ? '--profile' : 'NGINXAAS_KEYS_PROFILE'}: ${check.problem}`);
  return given;
}

/** A profile that is not in the file is a usage error that names the ones there are. */
export function checkProfileKnown(
  file: SettingsFile,
  profile: string | undefined,
  path: string,
  program = COMMAND_NAME,
): void {
  if (profile === undefined || Object.hasOwn(file.profiles, profile)) return;
  const known = Object.keys(file.profiles).sort();
  throw new UsageError(
    known.length > 0
      ? `no profile named '${profile}'; the profiles are: ${known.join(', ')}`
      : `no profile named '${profile}' (there are none in ${path}); make one with: ${program} config set <name> <value> --profile ${profile}`,
  );
}

const FLAG_OF: Partial<Record<SettingName, OptionName>> = { accessible: 'plain' };
const flagOf = (name: SettingName): OptionName => FLAG_OF[name] ?? (name as OptionName);

/** The problem of a flag's rule, said of the saved name (`subscription: … is not a subscription id`). */
function asSetting(name: SettingName, message: string): string {
  if (message.startsWith(`--${name}: `)) return `${name}: ${message.slice(name.length + 4)}`;
  if (message.startsWith(`--${name} `)) return `${name} ${message.slice(name.length + 3)}`;
  return `${name}: ${message}`;
}

/**
 * The value as its flag would take it (-o JSON is json), or a usage error in its flag's words.
 * `section` is the rest of where it is saved: an audience is checked against that endpoint and cloud.
 */
export function checkSetting(name: SettingName, value: string, section: Section): string {
  if (name === 'accessible') {
    const read = accessibleValue(value);
    if (read === undefined) throw new UsageError(`accessible takes true or false, not '${printable(value)}'`);
    return read;
  }
  if (name === 'output' && value.toLowerCase() === 'prometheus')
    throw new UsageError("output: prometheus is for 'list' alone; save text or json, and give -o prometheus to list");
  try {
    // The flag's own parse: choices, a subscription's and a group's rules.
    const { values } = parseCommandLine([`--${name}=${value}`]);
    const taken = String(values[flagOf(name)]);
    if (name === 'deployment') parseWizardScope(values);
    if (['tenant', ...ENDPOINT_GROUP].includes(name)) {
      // Where the run goes and which audience its token has: checked with the rest of its section.
      const group: Values = {};
      for (const member of ENDPOINT_GROUP) if (section[member] !== undefined) group[flagOf(member)] = section[member];
      parseConnectOptions({ ...group, [flagOf(name)]: taken, auth: 'cli' }, {});
    }
    return taken;
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(asSetting(name, error.message));
    throw error;
  }
}

/** What the run took from saved defaults, and what a flag or the environment overrode. */
export interface SettingsInForce {
  profile?: string;
  path: string;
  used: InForce[];
  /** Saved, but a flag or the environment said otherwise. */
  overridden: (InForce & { by: 'flag' | 'environment' })[];
}

/**
 * The face the environment asks for, where it says one: ACCESSIBLE as the contract reads it (any
 * value but 0, false, no and empty asks for the line face; those keep the full-screen wizard),
 * else INK_SCREEN_READER=true (Ink's own, the exact string) asks for the line face. ACCESSIBLE
 * comes first: ACCESSIBLE=0 with INK_SCREEN_READER=true keeps the full-screen wizard, which Ink
 * then draws in its screen-reader mode. A flag (--plain) comes before both, a saved setting after.
 */
export function accessibleFromEnvironment(env: NodeJS.ProcessEnv): boolean | undefined {
  const value = env.ACCESSIBLE;
  if (value !== undefined) return !['', '0', 'false', 'no'].includes(value.trim().toLowerCase());
  if (env.INK_SCREEN_READER === 'true') return true;
  return undefined;
}

/** Whether the person has chosen a face (a flag, the environment, a saved setting): if not, the wizard offers the line face. */
export function faceChosen(values: Values, env: NodeJS.ProcessEnv, settings: SettingsInForce): boolean {
  const saved = [...settings.used, ...settings.overridden].some((entry) => entry.name === 'accessible');
  return values.plain === true || accessibleFromEnvironment(env) !== undefined || saved || env.TERM === 'dumb';
}

/** Whether the environment already says this (it comes before any saved value). */
function fromEnvironment(name: SettingName, env: NodeJS.ProcessEnv): boolean {
  if (name === 'auth') return Boolean(env.NGINXAAS_ACCESS_TOKEN);
  if (name === 'accessible') return accessibleFromEnvironment(env) !== undefined;
  if (name === 'arm-endpoint' || name === 'arm-audience' || name === 'cloud')
    return Boolean(env.NGINXAAS_ARM_ENDPOINT || env.NGINXAAS_ARM_AUDIENCE);
  return false;
}

/**
 * Fills `values` from the saved defaults of the chosen profile, where the mode takes the flag and
 * neither a flag nor the environment gave it; every saved value is checked again as its flag
 * (the file may have been edited by hand). Returns what was taken, for status and --verbose.
 */
export function applySettings(
  mode: Mode,
  values: Values,
  env: NodeJS.ProcessEnv,
  program = COMMAND_NAME,
): SettingsInForce {
  const demo = values.demo === true;
  const path = settingsPath(env, demo);
  const file = loadSettings(path);
  const profile = chosenProfile(values, env);
  checkProfileKnown(file, profile, path, program);
  const saved = savedInForce(file, profile);
  const sectionOf = (entry: InForce): Section =>
    entry.from.kind === 'profile' ? (file.profiles[entry.from.profile] ?? {}) : file.defaults;
  const given = (name: SettingName) => values[flagOf(name)] !== undefined;
  // The endpoint group is taken whole or not at all: never a saved audience for another endpoint.
  const groupGiven = ENDPOINT_GROUP.some((name) => given(name) || fromEnvironment(name, env));
  const result: SettingsInForce = { profile, path, used: [], overridden: [] };
  if (mode === 'wizard' && accessibleFromEnvironment(env) === true) values.plain = true;
  for (const entry of saved) {
    const flagName = flagOf(entry.name);
    const spec = OPTION_SPECS.find((o) => o.name === flagName);
    if (!spec?.modes.includes(mode)) continue;
    if (mode === 'history' && entry.name !== 'output') continue;
    if (entry.name === 'output' && mode === 'wizard') continue;
    if (entry.name === 'deployment' && values.all === true) continue;
    let value: string;
    try {
      value = checkSetting(entry.name, entry.value, sectionOf(entry));
    } catch (error) {
      throw new UsageError(`${(error as Error).message} (saved in ${path}, ${sourceWords(entry.from)})`);
    }
    if (given(entry.name) || (ENDPOINT_GROUP.includes(entry.name) && groupGiven && !given(entry.name))) {
      result.overridden.push({ ...entry, by: given(entry.name) ? 'flag' : 'environment' });
      continue;
    }
    if (fromEnvironment(entry.name, env)) {
      result.overridden.push({ ...entry, by: 'environment' });
      continue;
    }
    if (entry.name === 'accessible') {
      if (value === 'true') values.plain = true;
    } else values[flagName] = value;
    result.used.push({ ...entry, value });
  }
  return result;
}

/** One line for --verbose and status: the profile, and each saved value in force with where it is from. */
export function settingsWords(settings: SettingsInForce): string | undefined {
  const profile = settings.profile !== undefined ? `profile ${settings.profile}` : undefined;
  const used = settings.used.map((u) => `${u.name} ${printable(u.value)} (${sourceWords(u.from)})`);
  if (!profile && used.length === 0) return undefined;
  const said = used.length > 0 ? `saved defaults in force: ${used.join(', ')}` : 'no saved default in force';
  return profile ? `${profile}: ${said}` : said;
}
