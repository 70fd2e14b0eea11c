/**
 * `nginxaas-keys config set|get|unset|list`: the saved defaults, per profile. A value is checked
 * by its flag's own rule before anything is written; a bad one leaves the file as it was. The file
 * is replaced whole, 0600, by rename (files/settings-file.ts).
 */
import { COMMAND_NAME } from '../domain/started-as';
import { printable } from '../domain/printable';
import {
  isSettingName,
  savedInForce,
  SETTING_NAMES,
  sourceWords,
  type Section,
  type SettingName,
  type SettingsFile,
} from '../domain/settings';
import { nearest } from '../domain/suggest';
import { writeSettings } from '../files/settings-file';
import { FileWriteError } from '../files/secret-file';
import { EXIT, type Io } from '../port/io';
import { UsageError } from '../port/usage-error';
import { figures } from '../term/style';
import type { Values } from './options';
import { checkProfileKnown, checkSetting, chosenProfile, loadSettings, settingsPath } from './saved-settings';

const VERBS = ['set', 'get', 'unset', 'list'] as const;
type Verb = (typeof VERBS)[number];
const ARITY: Record<Verb, number> = { set: 2, get: 1, unset: 1, list: 0 };
const USAGE: Record<Verb, string> = {
  set: 'config set <name> <value>',
  get: 'config get <name>',
  unset: 'config unset <name>',
  list: 'config list',
};

function verbOf(words: string[], program: string): Verb {
  const [verb] = words;
  if (verb === undefined) throw new UsageError(`config takes ${VERBS.join(', ')}: ${program} config list`);
  if (!(VERBS as readonly string[]).includes(verb)) {
    const guess = nearest(verb, VERBS);
    throw new UsageError(
      `config takes ${VERBS.join(', ')}; not '${printable(verb)}'${guess ? `; did you mean '${guess}'?` : ''}`,
    );
  }
  const chosen = verb as Verb;
  if (words.length - 1 !== ARITY[chosen]) throw new UsageError(`usage: ${program} ${USAGE[chosen]}`);
  return chosen;
}

function nameOf(word: string): SettingName {
  if (isSettingName(word)) return word;
  const guess = nearest(word, SETTING_NAMES);
  throw new UsageError(
    `no setting named '${printable(word)}'${guess ? `; did you mean '${guess}'?` : ''}; the names are: ${SETTING_NAMES.join(', ')}`,
  );
}

function save(path: string, file: SettingsFile): void {
  try {
    writeSettings(path, file);
  } catch (error) {
    throw new FileWriteError(path, error);
  }
}

/** `program`: the program as this run was started, in the usage it names. */
export function runConfig(words: string[], values: Values, io: Io, program = COMMAND_NAME): number {
  const verb = verbOf(words, program);
  const json = values.output === 'json';
  const demo = values.demo === true;
  const path = settingsPath(io.env, demo);
  const file = loadSettings(path);
  const profile = chosenProfile(values, io.env);
  const where = profile !== undefined ? `profile ${profile}` : 'the default section';
  if (verb === 'set') {
    const name = nameOf(words[1] ?? '');
    const section: Section = { ...(profile !== undefined ? file.profiles[profile] : file.defaults) };
    // Checked with the rest of its section: an audience with the endpoint saved beside it.
    const value = checkSetting(name, words[2] ?? '', section);
    section[name] = value;
    const next: SettingsFile =
      profile !== undefined
        ? { defaults: file.defaults, profiles: { ...file.profiles, [profile]: section } }
        : { defaults: section, profiles: file.profiles };
    save(path, next);
    if (json) io.stdout.write(`${JSON.stringify({ name, value, profile, path }, null, 2)}\n`);
    else io.stderr.write(`${io.err('success', figures.pass)} saved ${name} ${printable(value)} in ${where}\n`);
    return EXIT.ok;
  }
  checkProfileKnown(file, profile, path, program);
  if (verb === 'unset') {
    const name = nameOf(words[1] ?? '');
    const section: Section = { ...(profile !== undefined ? file.profiles[profile] : file.defaults) };
    const had = section[name] !== undefined;
    delete section[name];
    if (had)
      save(
        path,
        profile !== undefined
          ? { defaults: file.defaults, profiles: { ...file.profiles, [profile]: section } }
          : { defaults: section, profiles: file.profiles },
      );
    if (json) io.stdout.write(`${JSON.stringify({ name, removed: had, profile }, null, 2)}\n`);
    else io.stderr.write(had ? `removed ${name} from ${where}\n` : `${name} was not saved in ${where}\n`);
    return EXIT.ok;
  }
  const inForce = savedInForce(file, profile);
  if (verb === 'get') {
    const name = nameOf(words[1] ?? '');
    const found = inForce.find((e) => e.name === name);
    if (json) {
      io.stdout.write(
        `${JSON.stringify({ name, value: found?.value ?? null, from: found && fromJson(found.from) }, null, 2)}\n`,
      );
    } else if (found) io.stdout.write(`${found.value}\n`);
    else io.stderr.write(`${name} is not saved${profile !== undefined ? ` for profile ${profile}` : ''}\n`);
    return found ? EXIT.ok : EXIT.failed;
  }
  if (json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          path,
          profile,
          defaults: file.defaults,
          profiles: file.profiles,
          inForce: inForce.map((e) => ({ name: e.name, value: e.value, from: fromJson(e.from) })),
        },
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  io.stdout.write(listText(file, profile, path, io));
  return EXIT.ok;
}

function fromJson(from: ReturnType<typeof savedInForce>[number]['from']): string {
  return from.kind === 'profile' ? `profile:${from.profile}` : 'defaults';
}

function listText(file: SettingsFile, profile: string | undefined, path: string, io: Io): string {
  const width = Math.max(...SETTING_NAMES.map((n) => n.length)) + 2;
  const rows = (section: Section) =>
    SETTING_NAMES.filter((n) => section[n] !== undefined).map(
      (n) => `  ${n.padEnd(width)}${printable(section[n] ?? '')}`,
    );
  const lines = [io.out('muted', `saved in ${path}`)];
  const defaults = rows(file.defaults);
  lines.push('default section', ...(defaults.length > 0 ? defaults : [io.out('muted', '  (nothing saved)')]));
  const names = Object.keys(file.profiles).sort();
  for (const name of names) {
    if (profile !== undefined && name !== profile) continue;
    const own = rows(file.profiles[name] ?? {});
    lines.push(`profile ${name}`, ...(own.length > 0 ? own : [io.out('muted', '  (nothing saved)')]));
  }
  if (profile === undefined && names.length > 0)
    lines.push(io.out('muted', `profiles: ${names.join(', ')} (choose one with --profile or NGINXAAS_KEYS_PROFILE)`));
  if (profile !== undefined) {
    const inForce = savedInForce(file, profile).map((e) => `${e.name} (${sourceWords(e.from)})`);
    lines.push(io.out('muted', `in force for profile ${profile}: ${inForce.join(', ') || 'nothing'}`));
  }
  return `${lines.join('\n')}\n`;
}
