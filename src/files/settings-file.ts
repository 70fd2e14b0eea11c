/**
 * The saved defaults' file (`config`): JSON, mode 0600, replaced whole by rename so that a crash
 * or a full disk leaves the old file or the new one, never half of one. A file damaged by hand is
 * refused with its name and what is wrong, and never overwritten without a word.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isSettingName, type Section, type SettingsFile } from '../domain/settings';
import { writeSecretFile } from './secret-file';
import { readSmallFile } from './small-file';

/** A settings file is a few hundred bytes; 256 KiB is far more than any. */
const MAX_BYTES = 256 * 1024;

export class SettingsFileError extends Error {
  override readonly name = 'SettingsFileError';
}

function section(value: unknown, where: string, path: string): Section {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SettingsFileError(`${path}: ${where} is not an object`);
  const out: Section = {};
  for (const [name, item] of Object.entries(value)) {
    if (!isSettingName(name)) throw new SettingsFileError(`${path}: ${where} has an unknown name '${name}'`);
    if (typeof item !== 'string') throw new SettingsFileError(`${path}: ${where}.${name} is not text`);
    out[name] = item;
  }
  return out;
}

/** The file's content; no file yet is no settings. */
export function readSettings(path: string): SettingsFile {
  if (!existsSync(path)) return { defaults: {}, profiles: {} };
  let text: string;
  try {
    text = readSmallFile(path, MAX_BYTES, 'the settings file');
  } catch (error) {
    throw new SettingsFileError((error as Error).message);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SettingsFileError(`${path} is not JSON; fix it or remove it`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new SettingsFileError(`${path} does not hold settings; fix it or remove it`);
  const { defaults, profiles } = parsed as { defaults?: unknown; profiles?: unknown };
  const out: SettingsFile = { defaults: section(defaults, 'defaults', path), profiles: {} };
  if (profiles !== undefined) {
    if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles))
      throw new SettingsFileError(`${path}: profiles is not an object`);
    for (const [name, value] of Object.entries(profiles)) out.profiles[name] = section(value, `profiles.${name}`, path);
  }
  return out;
}

/** Replaces the file (0600, by rename); its folder is made (0700) when there is none. */
export function writeSettings(path: string, settings: SettingsFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const content = { defaults: settings.defaults, profiles: settings.profiles };
  writeSecretFile(path, `${JSON.stringify(content, null, 2)}\n`);
}
