/**
 * Saved defaults (`config`): the names a user may save, the file's shape, and which saved value
 * is in force for a profile. Rules only: the values are checked by their flags' own rules
 * (cli/saved-settings.ts), and the file is read and written in src/files.
 */
import { checkKeyName } from './key-name';

/** The names `config` takes; each is the flag of the same name (accessible: --plain). */
export const SETTING_NAMES = [
  'subscription',
  'resource-group',
  'deployment',
  'auth',
  'cloud',
  'tenant',
  'arm-endpoint',
  'arm-audience',
  'output',
  'accessible',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];
export type Section = Partial<Record<SettingName, string>>;

export interface SettingsFile {
  /** The default section: in force for every profile, under the profile's own values. */
  defaults: Section;
  profiles: Record<string, Section>;
}

/**
 * Where Resource Manager is and which audience its token has: taken from one section as a whole,
 * never one from a profile and the other from the default section, so that a token's audience
 * always belongs to the endpoint it was saved with.
 */
export const ENDPOINT_GROUP: readonly SettingName[] = ['cloud', 'arm-endpoint', 'arm-audience'];

export function isSettingName(name: string): name is SettingName {
  return (SETTING_NAMES as readonly string[]).includes(name);
}

export function checkProfileName(name: string): { ok: true } | { ok: false; problem: string } {
  return checkKeyName(name, 'profile name');
}

/** Where a value in force came from, as said by `status`, `--verbose` and `config list`. */
export type SettingSource = { kind: 'profile'; profile: string } | { kind: 'defaults' };

export interface InForce {
  name: SettingName;
  value: string;
  from: SettingSource;
}

/** The saved values in force for `profile` (none: the default section alone), each with its source. */
export function savedInForce(file: SettingsFile, profile: string | undefined): InForce[] {
  const own = profile === undefined ? {} : (file.profiles[profile] ?? {});
  const fromProfile = (name: SettingName) => own[name] !== undefined;
  // The endpoint group comes from the profile when it sets any of it, else from the defaults.
  const groupFromProfile = ENDPOINT_GROUP.some(fromProfile);
  const found: InForce[] = [];
  for (const name of SETTING_NAMES) {
    const inGroup = ENDPOINT_GROUP.includes(name);
    const useProfile = inGroup ? groupFromProfile : fromProfile(name);
    const value = useProfile ? own[name] : inGroup && groupFromProfile ? undefined : file.defaults[name];
    if (value === undefined) continue;
    found.push({
      name,
      value,
      from: useProfile && profile !== undefined ? { kind: 'profile', profile } : { kind: 'defaults' },
    });
  }
  return found;
}

export function sourceWords(from: SettingSource): string {
  return from.kind === 'profile' ? `profile ${from.profile}` : 'saved defaults';
}

/** `accessible`'s spellings (as ACCESSIBLE is read): true for any but 0, false, no, off and empty. */
export function accessibleValue(text: string): 'true' | 'false' | undefined {
  const lower = text.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(lower)) return 'true';
  if (['0', 'false', 'no', 'off'].includes(lower)) return 'false';
  return undefined;
}
